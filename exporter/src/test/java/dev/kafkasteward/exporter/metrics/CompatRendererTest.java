package dev.kafkasteward.exporter.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kafkasteward.contract.catalog.CompatMetrics;
import dev.kafkasteward.exporter.change.ChangeSnapshot;
import dev.kafkasteward.exporter.compat.CompatView;
import dev.kafkasteward.exporter.core.CollectionStatus;
import dev.kafkasteward.exporter.core.ServedState;
import dev.kafkasteward.exporter.core.Snapshot;
import dev.kafkasteward.exporter.deadletter.DeadLetterSnapshot;
import dev.kafkasteward.exporter.disk.DiskSnapshot;
import dev.kafkasteward.exporter.lag.LagAge;
import dev.kafkasteward.exporter.lag.LagSnapshot;
import dev.kafkasteward.exporter.lag.PartitionLag;
import dev.kafkasteward.exporter.lag.PartitionStatus;
import dev.kafkasteward.exporter.observation.FunnelSnapshot;
import dev.kafkasteward.exporter.observation.GroupDescription;
import dev.kafkasteward.exporter.observation.GroupOffsets;
import dev.kafkasteward.exporter.observation.LogOffsets;
import dev.kafkasteward.exporter.observation.PartitionReplicas;
import dev.kafkasteward.exporter.observation.TopicMetadata;
import dev.kafkasteward.exporter.observation.TopicPartitionId;
import dev.kafkasteward.exporter.replication.ReplicationSnapshot;
import io.prometheus.metrics.model.snapshots.DataPointSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Where the profiles' values differ from the exporters they stand in for, on hand-made snapshots: no
 * series without a commit or past the log end, "unknown" members of unassigned partitions, no leader
 * series for a leaderless partition, and lag in seconds as at the scrape.
 */
class CompatRendererTest {

    private static final Instant AT = Instant.parse("2026-12-07T12:00:00Z");
    private static final TopicPartitionId P0 = new TopicPartitionId("t", 0);
    private static final TopicPartitionId P1 = new TopicPartitionId("t", 1);
    private static final TopicPartitionId P2 = new TopicPartitionId("t", 2);

    private static ServedState served() {
        TopicMetadata topic = new TopicMetadata("t", false, List.of(
                new PartitionReplicas(P0, OptionalInt.of(1), List.of(1, 2), List.of(1, 2)),
                new PartitionReplicas(P1, OptionalInt.of(2), List.of(1, 2), List.of(2)),
                new PartitionReplicas(P2, OptionalInt.empty(), List.of(3, 1), List.of(3))));
        // g committed 10 on p0 (log end 50), 99 on p1 (log end 40: topic recreated), nothing on p2.
        GroupOffsets g = new GroupOffsets("g", Map.of(P0, 10L, P1, 99L));
        GroupDescription d = new GroupDescription("g", GroupDescription.GroupProtocol.CONSUMER, "stable", 1,
                Set.of(), true, Map.of());
        CompatView view = new CompatView(List.of(topic), List.of(g), Map.of("g", d),
                Map.of(P0, new LogOffsets(5, 50), P1, new LogOffsets(0, 40)), Optional.of(3));
        LagSnapshot lag = new LagSnapshot(List.of(
                PartitionLag.committed("g", P0, 40, new LagAge.Known(30), 0, 12, PartitionStatus.STALLED)), List.of());
        Snapshot s = new Snapshot(AT, true, lag, ReplicationSnapshot.EMPTY, DiskSnapshot.EMPTY, Map.of(),
                DeadLetterSnapshot.EMPTY, FunnelSnapshot.EMPTY, ChangeSnapshot.EMPTY, view);
        return new ServedState(Optional.of(s), CollectionStatus.startingAt(AT));
    }

    private static Map<Map<String, String>, Double> series(MetricSnapshots all, String name) {
        Map<Map<String, String>, Double> out = new java.util.HashMap<>();
        for (MetricSnapshot m : all) {
            if (m.getMetadata().getPrometheusName().equals(name)) {
                for (DataPointSnapshot p : m.getDataPoints()) {
                    Map<String, String> labels = new TreeMap<>();
                    p.getLabels().forEach(l -> labels.put(l.getName(), l.getValue()));
                    out.put(labels, ((GaugeSnapshot.GaugeDataPointSnapshot) p).getValue());
                }
            }
        }
        return out;
    }

    @Test
    void kafkaExporterProfileLeavesOutWhatItsUpstreamGetsWrong() {
        MetricSnapshots s = CompatRenderer.render(CompatMetrics.KAFKA_EXPORTER, "c", served(), AT);
        assertEquals(Map.of(Map.of("consumergroup", "g", "topic", "t", "partition", "0"), 40.0),
                series(s, "kafka_consumergroup_lag"), "no -1 without a commit, no negative lag past the log end");
        assertEquals(Map.of(Map.of("consumergroup", "g", "topic", "t"), 109.0),
                series(s, "kafka_consumergroup_current_offset_sum"), "committed offsets only, no -1s added in");
        assertEquals(Set.of("0", "1"), partitions(series(s, "kafka_topic_partition_leader")),
                "no leader series while leaderless");
        assertEquals(Set.of("0", "1"), partitions(series(s, "kafka_topic_partition_current_offset")),
                "no offsets for a partition that was not read");
        assertEquals(1.0, series(s, "kafka_topic_partition_under_replicated_partition")
                .get(Map.of("topic", "t", "partition", "1")));
        assertEquals(Map.of(Map.of("consumergroup", "g"), 1.0), series(s, "kafka_consumergroup_members"));
    }

    @Test
    void kafkaLagExporterProfileNamesUnassignedPartitionsUnknownAndAgesAtTheScrape() {
        MetricSnapshots s = CompatRenderer.render(CompatMetrics.KAFKA_LAG_EXPORTER, "c", served(), AT.plusSeconds(5));
        Map<String, String> row = Map.of("cluster_name", "c", "group", "g", "topic", "t", "partition", "0",
                "member_host", "unknown", "consumer_id", "unknown", "client_id", "unknown");
        assertEquals(Map.of(row, 40.0), series(s, "kafka_consumergroup_group_lag"),
                "past the log end: no series (kafka-lag-exporter serves 0)");
        assertEquals(Map.of(row, 35.0), series(s, "kafka_consumergroup_group_lag_seconds"),
                "a commit standing still ages with the clock: 30 s at the snapshot, 35 s five seconds later");
        assertEquals(2, series(s, "kafka_consumergroup_group_offset").size(), "both commits, p1's too");
        assertTrue(series(s, "kafka_consumergroup_poll_time_ms").isEmpty(), "no cycle finished yet");
    }

    private static Set<String> partitions(Map<Map<String, String>, Double> series) {
        Set<String> out = new java.util.TreeSet<>();
        series.keySet().forEach(l -> out.add(l.get("partition")));
        return out;
    }
}
