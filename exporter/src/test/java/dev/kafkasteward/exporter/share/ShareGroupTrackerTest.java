package dev.kafkasteward.exporter.share;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.kafkasteward.exporter.lag.LagSettings;
import dev.kafkasteward.exporter.lag.PartitionStatus;
import dev.kafkasteward.exporter.observation.LogOffsets;
import dev.kafkasteward.exporter.observation.Observation;
import dev.kafkasteward.exporter.observation.RecordPosition;
import dev.kafkasteward.exporter.observation.ShareGroupObservation;
import dev.kafkasteward.exporter.observation.ShareGroupObservation.Member;
import dev.kafkasteward.exporter.observation.ShareGroupObservation.SharePosition;
import dev.kafkasteward.exporter.observation.TopicPartitionId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ShareGroupTrackerTest {

    private static final TopicPartitionId P0 = new TopicPartitionId("jobs", 0);
    private static final TopicPartitionId P1 = new TopicPartitionId("jobs", 1);
    private static final Instant T0 = Instant.parse("2026-12-07T10:00:00Z");
    private static final Member MEMBER = new Member("m1", "worker-1", "/10.0.0.1", Set.of(P0, P1));

    private final ShareGroupTracker tracker = new ShareGroupTracker(new LagSettings(Duration.ofSeconds(30)));

    @Test
    void theBacklogAgeIsThatOfTheRecordAtTheStartOffsetReadOnceAndTotalsAddUp() {
        Map<String, ShareGroupObservation> groups = Map.of("workers", group(List.of(MEMBER),
                Map.of(P0, position(100, 15), P1, position(40, 0))));
        Observation admin = Observation.ofShareGroups(T0, groups, Map.of(), Map.of());
        assertEquals(List.of(new RecordPosition(P0, 100)), tracker.plan(admin), "only a backlog's start is read");
        long stamp = T0.minusSeconds(42).toEpochMilli();
        ShareGroupSnapshot s = tracker.analyze(Observation.ofShareGroups(T0, groups, Map.of(),
                Map.of(new RecordPosition(P0, 100), stamp)));
        ShareGroupSnapshot.Partition p0 = s.partitions().get(0);
        assertEquals(OptionalDouble.of(42.0), p0.ageSeconds());
        assertEquals(OptionalDouble.of(0.0), s.partitions().get(1).ageSeconds(), "no backlog, age 0");
        assertEquals(PartitionStatus.OK, s.partitions().get(1).status());
        ShareGroupSnapshot.Group g = s.groups().get(0);
        assertEquals(15, g.totals().backlog());
        assertEquals(OptionalDouble.of(42.0), g.totals().maxAgeSeconds(), "the partition without backlog is no age");
        assertEquals(OptionalDouble.of(52.0), g.totals().maxAgeSecondsAfter(10), "grows while the backlog stands");
        assertEquals(List.of(), tracker.plan(Observation.ofShareGroups(T0.plusSeconds(1), groups, Map.of(), Map.of())),
                "a start offset's timestamp is read once");
    }

    /**
     * The broker may keep the start offset at the first record of a batch in flight although the records before
     * the backlog are acknowledged: the oldest not acknowledged is then at log end - backlog, never before the
     * start offset.
     */
    @Test
    void theOldestRecordNotAcknowledgedIsAtTheLogEndLessTheBacklogWhenThatIsPastTheStartOffset() {
        Map<String, ShareGroupObservation> groups = Map.of("workers", group(List.of(MEMBER),
                Map.of(P0, position(100, 15))));
        Map<TopicPartitionId, LogOffsets> ends = Map.of(P0, new LogOffsets(0, 120));
        assertEquals(List.of(new RecordPosition(P0, 105)),
                tracker.plan(Observation.ofShareGroups(T0, groups, ends, Map.of())));
        ShareGroupSnapshot s = tracker.analyze(Observation.ofShareGroups(T0, groups, ends,
                Map.of(new RecordPosition(P0, 105), T0.minusSeconds(30).toEpochMilli())));
        assertEquals(OptionalDouble.of(30.0), s.partitions().get(0).ageSeconds());
        // A log end that says less than the start offset (read a moment earlier) leaves the start offset.
        Map<TopicPartitionId, LogOffsets> behind = Map.of(P0, new LogOffsets(0, 110));
        Map<String, ShareGroupObservation> next = Map.of("workers", group(List.of(MEMBER),
                Map.of(P0, position(100, 15)), T0.plusSeconds(1)));
        assertEquals(List.of(new RecordPosition(P0, 100)),
                tracker.plan(Observation.ofShareGroups(T0.plusSeconds(1), next, behind, Map.of())));
    }

    /**
     * A cycle may serve an answer an earlier cycle asked (brokers answer share-group offsets slowly): its backlog is
     * that answer's, so a log end grown since neither moves the oldest record nor counts as acknowledgements.
     */
    @Test
    void aCycleServingAnEarlierAnswerKeepsItsOldestRecordAndSeesNoProgressInIt() {
        Map<String, ShareGroupObservation> answer = Map.of("workers", group(List.of(MEMBER),
                Map.of(P0, position(100, 15)), T0));
        tracker.analyze(Observation.ofShareGroups(T0, answer, Map.of(P0, new LogOffsets(0, 120)),
                Map.of(new RecordPosition(P0, 105), T0.minusSeconds(30).toEpochMilli())));
        for (int i = 1; i <= 3; i++) {
            // 10 more records a cycle; the same answer, so the same backlog.
            Observation later = Observation.ofShareGroups(T0.plusSeconds(15L * i), answer,
                    Map.of(P0, new LogOffsets(0, 120 + 10L * i)), Map.of());
            assertEquals(List.of(), tracker.plan(later), "cycle " + i + ": the oldest record stays at 105, read already");
            ShareGroupSnapshot.Partition p = tracker.analyze(later).partitions().get(0);
            assertEquals(OptionalDouble.of(30.0 + 15 * i), p.ageSeconds(), "cycle " + i);
            assertEquals(i * 15 >= 30 ? PartitionStatus.STALLED : PartitionStatus.LAGGING, p.status(),
                    "cycle " + i + ": no answer since says anything was acknowledged");
        }
    }

    @Test
    void withMembersAndNoProgressForTheStallTimeItIsStalledAndProgressMakesItLaggingAgain() {
        assertEquals(PartitionStatus.LAGGING, status(T0, 100, 15, List.of(MEMBER)));
        // Records arrive (backlog grows) while nothing is acknowledged: no progress.
        assertEquals(PartitionStatus.LAGGING, status(T0.plusSeconds(29), 100, 18, List.of(MEMBER)));
        assertEquals(PartitionStatus.STALLED, status(T0.plusSeconds(30), 100, 20, List.of(MEMBER)));
        // Acknowledgements past the start offset shrink the backlog: progress.
        assertEquals(PartitionStatus.LAGGING, status(T0.plusSeconds(31), 100, 12, List.of(MEMBER)));
        assertEquals(PartitionStatus.STALLED, status(T0.plusSeconds(61), 100, 12, List.of(MEMBER)));
        assertEquals(PartitionStatus.LAGGING, status(T0.plusSeconds(62), 101, 12, List.of(MEMBER)),
                "the start offset moved");
    }

    /** Members acknowledging, but slower than records arrive: the backlog grows, and still it is not stalled. */
    @Test
    void acknowledgementsSlowerThanArrivalsAreProgressNotAStall() {
        assertEquals(PartitionStatus.LAGGING, status(T0, 100, 15, 115));
        // 20 records arrived, the backlog grew by 12: 8 were acknowledged, although the start offset stands.
        assertEquals(PartitionStatus.LAGGING, status(T0.plusSeconds(31), 100, 27, 135));
        assertEquals(PartitionStatus.LAGGING, status(T0.plusSeconds(62), 100, 30, 140));
        // Now every record that arrives stays: nothing acknowledged for the stall time.
        assertEquals(PartitionStatus.LAGGING, status(T0.plusSeconds(80), 100, 40, 150));
        assertEquals(PartitionStatus.STALLED, status(T0.plusSeconds(93), 100, 45, 155));
    }

    private PartitionStatus status(Instant at, long start, long backlog, long logEnd) {
        Map<String, ShareGroupObservation> groups = Map.of("workers", group(List.of(MEMBER), Map.of(P0,
                position(start, backlog)), at));
        return tracker.analyze(Observation.ofShareGroups(at, groups, Map.of(P0, new LogOffsets(0, logEnd)),
                Map.of())).partitions().get(0).status();
    }

    @Test
    void withABacklogAndNoMemberItIsStoppedAndWithoutBacklogItIsOk() {
        assertEquals(PartitionStatus.STOPPED, status(T0, 100, 15, List.of()));
        assertEquals(PartitionStatus.OK, status(T0.plusSeconds(1), 115, 0, List.of()));
    }

    @Test
    void aShareGroupWithoutReportedBacklogGetsNoPartitionAndAGroupGoneIsForgotten() {
        ShareGroupSnapshot s = tracker.analyze(Observation.ofShareGroups(T0, Map.of("old", group(List.of(MEMBER),
                Map.of(P0, new SharePosition(7, OptionalLong.empty())))), Map.of(), Map.of()));
        assertEquals(List.of(), s.partitions());
        assertEquals(0, s.groups().get(0).totals().backlog());
        status(T0, 100, 15, List.of(MEMBER));
        tracker.analyze(Observation.ofShareGroups(T0.plusSeconds(40), Map.of(), Map.of(), Map.of()));
        // Seen again after a complete cycle without it: its stall time starts over.
        assertEquals(PartitionStatus.LAGGING, status(T0.plusSeconds(41), 100, 15, List.of(MEMBER)));
    }

    private PartitionStatus status(Instant at, long start, long backlog, List<Member> members) {
        Map<String, ShareGroupObservation> groups = Map.of("workers", group(members, Map.of(P0,
                position(start, backlog)), at));
        return tracker.analyze(Observation.ofShareGroups(at, groups, Map.of(), Map.of())).partitions().get(0).status();
    }

    private static ShareGroupObservation group(List<Member> members, Map<TopicPartitionId, SharePosition> positions) {
        return group(members, positions, T0);
    }

    /** An answer asked at {@code askedAt}. */
    private static ShareGroupObservation group(List<Member> members, Map<TopicPartitionId, SharePosition> positions,
                                               Instant askedAt) {
        return new ShareGroupObservation("workers", members.isEmpty() ? "empty" : "stable", members, positions,
                askedAt);
    }

    private static SharePosition position(long start, long backlog) {
        return new SharePosition(start, OptionalLong.of(backlog));
    }
}
