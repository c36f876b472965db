package dev.kafkasteward.exporter.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.kafkasteward.contract.catalog.LagMetrics;
import dev.kafkasteward.exporter.lag.LagAnalyzer;
import dev.kafkasteward.exporter.lag.LagHistory;
import dev.kafkasteward.exporter.lag.LagSnapshot;
import dev.kafkasteward.exporter.observation.GroupOffsets;
import dev.kafkasteward.exporter.observation.LogOffsets;
import dev.kafkasteward.exporter.observation.Observation;
import dev.kafkasteward.exporter.observation.RecordPosition;
import dev.kafkasteward.exporter.observation.TopicPartitionId;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Ages as Prometheus stores them: at the scrape, not at the snapshot. */
class AgesAtScrapeTimeTest {

    private static final TopicPartitionId STUCK = new TopicPartitionId("orders", 0);
    private static final TopicPartitionId MOVING = new TopicPartitionId("orders", 1);
    private static final Instant T0 = Instant.parse("2026-12-07T12:00:00Z");

    /**
     * Two cycles 15 s apart: partition 0's commit stands still at 10 (its record is 100 s old at the
     * second snapshot), partition 1's moves from 3 to 5 (its record 20 s old). Rendered 9 s after the
     * second snapshot, partition 0 is 109 s behind, exactly; partition 1 keeps its measured 20 s.
     */
    @Test
    void aStillCommitAgesWithTheClockAMovingOneKeepsItsMeasuredAge() {
        LagHistory history = new LagHistory();
        LagAnalyzer analyzer = new LagAnalyzer();
        Instant t1 = T0.plusSeconds(15);
        Map<RecordPosition, Long> timestamps = Map.of(new RecordPosition(STUCK, 10), t1.minusSeconds(100).toEpochMilli(),
                new RecordPosition(MOVING, 3), T0.minusSeconds(30).toEpochMilli(),
                new RecordPosition(MOVING, 5), t1.minusSeconds(20).toEpochMilli());
        Observation first = observation(T0, 3, timestamps);
        history.observe(first);
        history.remember(first.recordTimestamps());
        analyzer.analyze(first, history);
        Observation second = observation(t1, 5, timestamps);
        history.observe(second);
        history.remember(second.recordTimestamps());
        LagSnapshot lag = analyzer.analyze(second, history);

        List<MetricSnapshot> out = new ArrayList<>();
        LagRenderer.renderAges("c", lag, PartitionSeries.ALL, 9.0, out);

        Map<String, Double> age = values(out, LagMetrics.LAG_AGE.name(), "partition");
        assertEquals(Map.of("0", 109.0, "1", 20.0), age);
        assertEquals(Map.of("0", 24.0, "1", 0.0), values(out, LagMetrics.COMMIT_AGE.name(), "partition"),
                "commit age too: 15 s standing at the snapshot, 24 s at the scrape; a commit that just moved stays");
        assertEquals(Map.of("g", 109.0), values(out, LagMetrics.GROUP_MAX_LAG_AGE.name(), "group"));
        assertEquals(Map.of("orders", 109.0), values(out, LagMetrics.TOPIC_MAX_LAG_AGE.name(), "topic"));

        out.clear();
        LagRenderer.renderAges("c", lag, PartitionSeries.ALL, 0.0, out);
        assertEquals(Map.of("0", 100.0, "1", 20.0), values(out, LagMetrics.LAG_AGE.name(), "partition"),
                "at the snapshot's own time, what was measured");
    }

    private static Observation observation(Instant at, long movingCommit, Map<RecordPosition, Long> timestamps) {
        return Observation.ofOffsets(at, List.of(new GroupOffsets("g", Map.of(STUCK, 10L, MOVING, movingCommit))),
                Map.of(STUCK, new LogOffsets(0, 40), MOVING, new LogOffsets(0, 40)), timestamps);
    }

    private static Map<String, Double> values(List<MetricSnapshot> out, String name, String label) {
        Map<String, Double> values = new TreeMap<>();
        out.stream().filter(m -> m.getMetadata().getPrometheusName().equals(name.replace("_total", "")))
                .forEach(m -> ((GaugeSnapshot) m).getDataPoints().forEach(d -> values.put(d.getLabels().get(label),
                        d.getValue())));
        return values;
    }
}
