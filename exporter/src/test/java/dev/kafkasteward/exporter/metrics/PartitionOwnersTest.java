package dev.kafkasteward.exporter.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.kafkasteward.contract.catalog.LagMetrics;
import dev.kafkasteward.exporter.core.CollectionStatus;
import dev.kafkasteward.exporter.core.ServedState;
import dev.kafkasteward.exporter.core.Snapshot;
import dev.kafkasteward.exporter.lag.GroupLag;
import dev.kafkasteward.exporter.lag.LagAge;
import dev.kafkasteward.exporter.lag.LagSnapshot;
import dev.kafkasteward.exporter.lag.PartitionLag;
import dev.kafkasteward.exporter.lag.PartitionStatus;
import dev.kafkasteward.exporter.observation.GroupDescription;
import dev.kafkasteward.exporter.observation.TopicPartitionId;
import dev.kafkasteward.exporter.reload.ReloadState;
import dev.kafkasteward.exporter.replication.ReplicationSnapshot;
import io.prometheus.metrics.model.snapshots.DataPointSnapshot;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The member each partition is assigned to, as an info series, only when asked for. */
class PartitionOwnersTest {

    private static final Instant T0 = Instant.parse("2026-12-07T12:00:00Z");
    private static final TopicPartitionId P0 = new TopicPartitionId("orders", 0);
    private static final TopicPartitionId P1 = new TopicPartitionId("orders", 1);

    @Test
    void withPartitionOwnersEachAssignedPartitionNamesItsMember() {
        List<Map<String, String>> owners = owners(PartitionSeries.ALL.withOwners(true));
        assertEquals(List.of(Map.of("cluster", "orders-prod", "group", "fulfillment-service", "topic", "orders",
                "partition", "0", "member_host", "/10.0.0.7", "client_id", "fulfillment-3",
                "consumer_id", "fulfillment-3-7f1c")), owners, "partition 1 has no member: no series");
    }

    @Test
    void offByDefault() {
        assertEquals(List.of(), owners(PartitionSeries.ALL));
    }

    @Test
    void onlyForPartitionsWithPerPartitionSeries() {
        assertEquals(List.of(), owners(PartitionSeries.NOT_OK.withOwners(true)), "partition 0 is ok: not shown");
    }

    private static List<Map<String, String>> owners(PartitionSeries series) {
        GroupDescription d = new GroupDescription("fulfillment-service", GroupDescription.GroupProtocol.CONSUMER,
                "stable", 1, Set.of(P0), true,
                Map.of(P0, new GroupDescription.Member("/10.0.0.7", "fulfillment-3-7f1c", "fulfillment-3")));
        LagSnapshot lag = new LagSnapshot(List.of(
                PartitionLag.committed("fulfillment-service", P0, 0, new LagAge.Known(0), 0, 1, PartitionStatus.OK),
                PartitionLag.committed("fulfillment-service", P1, 5, new LagAge.Known(9), 0, 1,
                        PartitionStatus.UNASSIGNED)),
                List.of(new GroupLag("fulfillment-service", Optional.of(d), 5, OptionalDouble.of(9),
                        new TreeMap<>(), new TreeMap<>(), OptionalDouble.of(9))));
        Snapshot snapshot = new Snapshot(T0, true, lag, ReplicationSnapshot.of(Map.of()), Map.of());
        SnapshotRenderer renderer = new SnapshotRenderer(() -> new ServedState(Optional.of(snapshot),
                CollectionStatus.startingAt(T0)), "orders-prod", "1.0", Clock.fixed(T0, ZoneOffset.UTC), series,
                () -> ReloadState.INITIAL);
        return renderer.collect().stream()
                .filter(m -> m.getMetadata().getPrometheusName().equals(
                        LagMetrics.PARTITION_OWNER.name().replaceAll("_info$", "")))
                .flatMap(m -> m.getDataPoints().stream()).map(PartitionOwnersTest::labels).toList();
    }

    private static Map<String, String> labels(DataPointSnapshot point) {
        Map<String, String> out = new TreeMap<>();
        point.getLabels().forEach(l -> out.put(l.getName(), l.getValue()));
        return out;
    }
}
