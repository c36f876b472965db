package dev.kafkasteward.exporter.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.kafkasteward.exporter.collect.TopicPartitionId;
import dev.kafkasteward.exporter.core.CollectionStatus;
import dev.kafkasteward.exporter.core.ServedState;
import dev.kafkasteward.exporter.core.Snapshot;
import dev.kafkasteward.exporter.lag.LagAge;
import dev.kafkasteward.exporter.lag.LagSnapshot;
import dev.kafkasteward.exporter.lag.PartitionLag;
import dev.kafkasteward.exporter.replication.ReplicationSnapshot;
import dev.kafkasteward.exporter.testing.MutableClock;
import io.prometheus.metrics.config.EscapingScheme;
import io.prometheus.metrics.expositionformats.OpenMetricsTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Golden text: fixed state in, exact OpenMetrics out. Catches naming, unit and label drift. */
class SnapshotRendererTest {

    private static final Instant T0 = Instant.parse("2026-11-22T12:00:00Z");

    @Test
    void rendersLagReplicationAndSelfMetricsExactly() throws Exception {
        MutableClock clock = new MutableClock(T0);
        Snapshot snapshot = new Snapshot(T0, true, new LagSnapshot(List.of(
                new PartitionLag("fulfillment-service", new TopicPartitionId("orders", 0), 7, new LagAge.Known(30.5)),
                new PartitionLag("fulfillment-service", new TopicPartitionId("orders", 1), 3,
                        new LagAge.Unknown("timestamp_not_read")))),
                ReplicationSnapshot.of(Map.of("orders", 1, "payments", 0)));
        CollectionStatus status = CollectionStatus.startingAt(T0.minusSeconds(60))
                .after(T0, Duration.ofMillis(250), Map.of())
                .after(T0, Duration.ofMillis(250), Map.of("list_offsets", 2));
        clock.advance(Duration.ofSeconds(12));
        PrometheusRegistry registry = new PrometheusRegistry();
        registry.register(new SnapshotRenderer(() -> new ServedState(Optional.of(snapshot), status), "orders-prod",
                "1.2.3", clock));

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new OpenMetricsTextFormatWriter(false, false).write(out, registry.scrape(), EscapingScheme.ALLOW_UTF8);

        assertEquals("""
                # TYPE kafka_consumergroup_lag_age_seconds gauge
                # UNIT kafka_consumergroup_lag_age_seconds seconds
                # HELP kafka_consumergroup_lag_age_seconds Age of the oldest record the group has not consumed: now minus the timestamp of the record at the committed offset; 0 when caught up. Partitions whose age is unknown have no series.
                kafka_consumergroup_lag_age_seconds{cluster="orders-prod",group="fulfillment-service",partition="0",topic="orders"} 30.5
                # TYPE kafka_consumergroup_lag_records gauge
                # UNIT kafka_consumergroup_lag_records records
                # HELP kafka_consumergroup_lag_records Records the group has not consumed yet: log-end offset minus committed offset. Partitions without a committed offset have no series.
                kafka_consumergroup_lag_records{cluster="orders-prod",group="fulfillment-service",partition="0",topic="orders"} 7.0
                kafka_consumergroup_lag_records{cluster="orders-prod",group="fulfillment-service",partition="1",topic="orders"} 3.0
                # TYPE kafka_steward_build info
                # HELP kafka_steward_build Version of the running Kafka Steward exporter.
                kafka_steward_build_info{cluster="orders-prod",version="1.2.3"} 1
                # TYPE kafka_steward_collection_duration_seconds gauge
                # UNIT kafka_steward_collection_duration_seconds seconds
                # HELP kafka_steward_collection_duration_seconds Wall time of the last completed collection cycle.
                kafka_steward_collection_duration_seconds{cluster="orders-prod"} 0.25
                # TYPE kafka_steward_collection_errors counter
                # HELP kafka_steward_collection_errors Errors met while collecting, by stage of the cycle (for instance list_groups, list_offsets).
                kafka_steward_collection_errors_total{cluster="orders-prod",stage="list_offsets"} 2.0
                # TYPE kafka_steward_collections counter
                # HELP kafka_steward_collections Collection cycles run, by outcome (success or failure).
                kafka_steward_collections_total{cluster="orders-prod",outcome="failure"} 1.0
                kafka_steward_collections_total{cluster="orders-prod",outcome="success"} 1.0
                # TYPE kafka_steward_last_success_timestamp_seconds gauge
                # UNIT kafka_steward_last_success_timestamp_seconds seconds
                # HELP kafka_steward_last_success_timestamp_seconds Unix time of the last collection cycle that completed without error; 0 before the first.
                kafka_steward_last_success_timestamp_seconds{cluster="orders-prod"} 1.7953488E9
                # TYPE kafka_steward_snapshot_age_seconds gauge
                # UNIT kafka_steward_snapshot_age_seconds seconds
                # HELP kafka_steward_snapshot_age_seconds Age of the data served now: time since the last successful collection (time since start before it).
                kafka_steward_snapshot_age_seconds{cluster="orders-prod"} 12.0
                # TYPE kafka_topic_non_preferred_leader_partitions gauge
                # HELP kafka_topic_non_preferred_leader_partitions Partitions of the topic led by a broker other than the first (preferred) replica.
                kafka_topic_non_preferred_leader_partitions{cluster="orders-prod",topic="orders"} 0.0
                kafka_topic_non_preferred_leader_partitions{cluster="orders-prod",topic="payments"} 0.0
                # TYPE kafka_topic_offline_partitions gauge
                # HELP kafka_topic_offline_partitions Partitions of the topic without a leader: neither reads nor writes are possible.
                kafka_topic_offline_partitions{cluster="orders-prod",topic="orders"} 0.0
                kafka_topic_offline_partitions{cluster="orders-prod",topic="payments"} 0.0
                # TYPE kafka_topic_reassigning_partitions gauge
                # HELP kafka_topic_reassigning_partitions Partitions of the topic with a replica reassignment in progress.
                kafka_topic_reassigning_partitions{cluster="orders-prod",topic="orders"} 0.0
                kafka_topic_reassigning_partitions{cluster="orders-prod",topic="payments"} 0.0
                # TYPE kafka_topic_under_replicated_partitions gauge
                # HELP kafka_topic_under_replicated_partitions Partitions of the topic whose in-sync replica set is smaller than its replica set (replicas a reassignment is still adding are not counted as missing).
                kafka_topic_under_replicated_partitions{cluster="orders-prod",topic="orders"} 1.0
                kafka_topic_under_replicated_partitions{cluster="orders-prod",topic="payments"} 0.0
                # EOF
                """, out.toString(StandardCharsets.UTF_8));
    }
}
