package dev.kafkasteward.exporter.lag;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kafkasteward.exporter.observation.ClusterState;
import dev.kafkasteward.exporter.observation.GroupOffsets;
import dev.kafkasteward.exporter.observation.LogOffsets;
import dev.kafkasteward.exporter.observation.Observation;
import dev.kafkasteward.exporter.observation.RecordPosition;
import dev.kafkasteward.exporter.observation.TopicConfig;
import dev.kafkasteward.exporter.observation.TopicPartitionId;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LagAnalyzerTest {

    private static final Instant NOW = Instant.parse("2026-11-22T12:00:00Z");
    private static final TopicPartitionId P0 = new TopicPartitionId("orders", 0);
    private static final TopicPartitionId P1 = new TopicPartitionId("orders", 1);
    private static final TopicPartitionId P2 = new TopicPartitionId("orders", 2);
    private static final TopicPartitionId GONE = new TopicPartitionId("deleted", 0);

    private final LagAnalyzer analyzer = new LagAnalyzer();

    @Test
    void lagIsLogEndMinusCommittedAndAgeIsTimeSinceTheRecordAtTheCommit() {
        Observation o = observation(
                Map.of(P0, 5L, P1, 10L, GONE, 3L),
                Map.of(P0, new LogOffsets(0, 12), P1, new LogOffsets(0, 10)),
                Map.of(new RecordPosition(P0, 5), NOW.minusSeconds(30).toEpochMilli()));

        List<PartitionLag> lag = analyzer.analyze(o).partitions();

        assertEquals(List.of(
                PartitionLag.committed("g", P0, 7, new LagAge.Known(30.0), 0, 0, PartitionStatus.STOPPED),
                PartitionLag.committed("g", P1, 0, new LagAge.Known(0), 0, 0, PartitionStatus.OK)), lag,
                "caught-up partition has age exactly 0; a partition without log offsets has no series;"
                        + " lagging without a description of the group means nobody consumes it");
    }

    @Test
    void unreadTimestampIsExplicitlyUnknownNotZero() {
        Observation o = observation(Map.of(P0, 5L), Map.of(P0, new LogOffsets(0, 6)), Map.of());

        assertEquals(new LagAge.Unknown("not_read_yet"), analyzer.analyze(o).partitions().get(0).age());
    }

    @Test
    void commitBelowLogStartUsesTheFirstRetainedRecordForAge() {
        Observation o = observation(Map.of(P2, 3L), Map.of(P2, new LogOffsets(10, 15)),
                Map.of(new RecordPosition(P2, 10), NOW.minusSeconds(90).toEpochMilli()));

        PartitionLag p = analyzer.analyze(o).partitions().get(0);

        assertEquals(12, p.records().getAsLong());
        assertEquals(7, p.recordsLost(), "offsets 3..9 were deleted before the group read them");
        assertEquals(new LagAge.Known(90.0), p.age());
    }

    @Test
    void aCommitPastTheLogEndIsNeitherNegativeNorZeroLagButItsOwnStatus() {
        Observation o = observation(Map.of(P0, 20L), Map.of(P0, new LogOffsets(0, 15)), Map.of());

        LagSnapshot snapshot = analyzer.analyze(o);
        PartitionLag p = snapshot.partitions().get(0);

        assertEquals(PartitionStatus.BEYOND_LOG_END, p.status());
        assertTrue(p.records().isEmpty(), "the consumer resets by its own auto.offset.reset: lag unknown");
        assertEquals(new LagAge.Unknown("beyond_log_end"), p.age());
        assertEquals(0, snapshot.groups().get(0).lagRecords(), "nothing known to add to the group's total");
    }

    @Test
    void recordFromAProducerClockAheadOfOursHasAgeZeroNotNegative() {
        Observation o = observation(Map.of(P0, 1L), Map.of(P0, new LogOffsets(0, 2)),
                Map.of(new RecordPosition(P0, 1), NOW.plusSeconds(5).toEpochMilli()));

        assertEquals(new LagAge.Known(0), analyzer.analyze(o).partitions().get(0).age());
    }

    @Test
    void aRecordStampedFarInTheFutureIsAnUnknownAgeWithItsReasonNotZero() {
        Observation o = observation(Map.of(P0, 1L, P1, 1L), Map.of(P0, new LogOffsets(0, 9), P1, new LogOffsets(0, 9)),
                Map.of(new RecordPosition(P0, 1), NOW.plusSeconds(61).toEpochMilli(),
                        new RecordPosition(P1, 1), NOW.plusSeconds(60).toEpochMilli()));

        List<PartitionLag> lag = analyzer.analyze(o).partitions();

        assertEquals(new LagAge.Unknown("future_timestamp"), lag.stream().filter(p -> p.partition().equals(P0))
                .findFirst().orElseThrow().age(), "61 s ahead: a bad timestamp, not a fresh record");
        assertEquals(new LagAge.Known(0), lag.stream().filter(p -> p.partition().equals(P1))
                .findFirst().orElseThrow().age(), "60 s ahead is still clock skew");
        assertEquals(8, lag.get(0).records().getAsLong(), "the lag itself stays");
    }

    private static Observation observation(Map<TopicPartitionId, Long> committed,
                                           Map<TopicPartitionId, LogOffsets> logOffsets,
                                           Map<RecordPosition, Long> timestamps) {
        return Observation.ofOffsets(NOW, List.of(new GroupOffsets("g", committed)), logOffsets, timestamps);
    }

    @Test
    void retentionHeadroomIsRetentionMinusLagAgeForDeletePolicyTopics() {
        Observation base = observation(Map.of(P0, 5L), Map.of(P0, new LogOffsets(0, 12)),
                Map.of(new RecordPosition(P0, 5), NOW.minusSeconds(3_000).toEpochMilli()));
        TopicConfig oneHour = new TopicConfig(3_600_000, -1, 1, true, false, 1 << 30, 604_800_000);
        Observation o = new Observation(NOW, List.of(), base.groups(), Map.of(), base.logOffsets(),
                base.recordTimestamps(), Map.of(), Map.of(), ClusterState.UNKNOWN, Map.of("orders", oneHour), List.of());

        PartitionLag p = analyzer.analyze(o).partitions().get(0);

        assertEquals(600.0, p.retentionHeadroomSeconds().getAsDouble(), 1e-9, "one hour minus 50 minutes");
        TopicConfig compacted = new TopicConfig(3_600_000, -1, 1, false, true, 1 << 30, 604_800_000);
        Observation c = new Observation(NOW, List.of(), base.groups(), Map.of(), base.logOffsets(),
                base.recordTimestamps(), Map.of(), Map.of(), ClusterState.UNKNOWN, Map.of("orders", compacted), List.of());
        assertTrue(analyzer.analyze(c).partitions().get(0).retentionHeadroomSeconds().isEmpty(),
                "compaction deletes nothing by age");
    }
}
