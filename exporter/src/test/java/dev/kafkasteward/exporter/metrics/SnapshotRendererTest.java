package dev.kafkasteward.exporter.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Golden text: fixed state in, exact OpenMetrics out. Catches naming, unit and label drift. */
class SnapshotRendererTest {

    private static final Instant T0 = Instant.parse("2026-11-22T12:00:00Z");

    @Test
    void rendersLagReplicationAndSelfMetricsExactly() throws Exception {
        MutableClock clock = new MutableClock(T0);
        TopicPartitionId p0 = new TopicPartitionId("orders", 0);
        TopicPartitionId p1 = new TopicPartitionId("orders", 1);
        TopicPartitionId p2 = new TopicPartitionId("orders", 2);
        GroupDescription description = new GroupDescription("fulfillment-service",
                GroupDescription.GroupProtocol.CONSUMER, "stable", 2, Set.of(p0, p1), true);
        Snapshot snapshot = new Snapshot(T0, true, new LagSnapshot(List.of(
                PartitionLag.committed("fulfillment-service", p0, 7, new LagAge.Known(30.5), 0, 12, PartitionStatus.LAGGING),
                PartitionLag.committed("fulfillment-service", p1, 3, new LagAge.Unknown("not_read_yet"), 2, 300,
                        PartitionStatus.STALLED),
                new PartitionLag("fulfillment-service", p2, OptionalLong.empty(), new LagAge.Unknown("no_commit"), 0,
                        OptionalDouble.empty(), PartitionStatus.UNASSIGNED)),
                List.of(new GroupLag("fulfillment-service", Optional.of(description), 10, OptionalDouble.of(30.5),
                        new TreeMap<>(Map.of("orders", new GroupLag.TopicLag(10, OptionalDouble.of(30.5),
                                OptionalDouble.of(30.5)))),
                        new TreeMap<>(Map.of("not_read_yet", 1)), OptionalDouble.of(30.5)))),
                ReplicationSnapshot.of(Map.of("orders", 1, "payments", 0)), Map.of("admin", 9L, "consumer", 2L));
        CollectionStatus status = CollectionStatus.startingAt(T0.minusSeconds(60))
                .after(T0, Duration.ofMillis(250), Map.of(), true)
                .after(T0, Duration.ofMillis(250), Map.of("list_groups", 2), false);
        // Scraped 12 s after the snapshot: ages whose commit stood still have grown by 12 s since.
        clock.advance(Duration.ofSeconds(12));
        PrometheusRegistry registry = new PrometheusRegistry();
        registry.register(new SnapshotRenderer(() -> new ServedState(Optional.of(snapshot), status), "orders-prod",
                "1.2.3", clock));

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new OpenMetricsTextFormatWriter(false, false).write(out, registry.scrape(), EscapingScheme.ALLOW_UTF8);

        assertEquals("""
                # TYPE kafka_consumergroup_commit_age_seconds gauge
                # UNIT kafka_consumergroup_commit_age_seconds seconds
                # HELP kafka_consumergroup_commit_age_seconds Seconds since the group's committed offset on the partition was last seen to move (counted from the exporter's first sight of it).
                kafka_consumergroup_commit_age_seconds{cluster="orders-prod",group="fulfillment-service",partition="0",topic="orders"} 24.0
                kafka_consumergroup_commit_age_seconds{cluster="orders-prod",group="fulfillment-service",partition="1",topic="orders"} 312.0
                # TYPE kafka_consumergroup_group_lag_records gauge
                # UNIT kafka_consumergroup_group_lag_records records
                # HELP kafka_consumergroup_group_lag_records Sum of the group's lag over all its partitions.
                kafka_consumergroup_group_lag_records{cluster="orders-prod",group="fulfillment-service"} 10.0
                # TYPE kafka_consumergroup_group_max_lag_age_seconds gauge
                # UNIT kafka_consumergroup_group_max_lag_age_seconds seconds
                # HELP kafka_consumergroup_group_max_lag_age_seconds Largest known lag age of the group over all its partitions.
                kafka_consumergroup_group_max_lag_age_seconds{cluster="orders-prod",group="fulfillment-service"} 42.5
                # TYPE kafka_consumergroup_lag_age_seconds gauge
                # UNIT kafka_consumergroup_lag_age_seconds seconds
                # HELP kafka_consumergroup_lag_age_seconds Age of the oldest record the group has not consumed: now minus the timestamp of the record at the committed offset; 0 when caught up. Partitions whose age is unknown have no series.
                kafka_consumergroup_lag_age_seconds{cluster="orders-prod",group="fulfillment-service",partition="0",topic="orders"} 42.5
                # TYPE kafka_consumergroup_lag_age_unknown_partitions gauge
                # HELP kafka_consumergroup_lag_age_unknown_partitions Lagging partitions of the group whose lag age is not known, by reason (not_read_yet: the record timestamp is still to be read within the per-cycle budget; future_timestamp: the record at the committed offset is stamped more than 60 s ahead of the exporter's clock).
                kafka_consumergroup_lag_age_unknown_partitions{cluster="orders-prod",group="fulfillment-service",reason="not_read_yet"} 1.0
                # TYPE kafka_consumergroup_lag_records gauge
                # UNIT kafka_consumergroup_lag_records records
                # HELP kafka_consumergroup_lag_records Records the group has not consumed yet: log-end offset minus committed offset. Partitions without a committed offset have no series.
                kafka_consumergroup_lag_records{cluster="orders-prod",group="fulfillment-service",partition="0",topic="orders"} 7.0
                kafka_consumergroup_lag_records{cluster="orders-prod",group="fulfillment-service",partition="1",topic="orders"} 3.0
                # TYPE kafka_consumergroup_members gauge
                # HELP kafka_consumergroup_members Members of the group.
                kafka_consumergroup_members{cluster="orders-prod",group="fulfillment-service"} 2.0
                # TYPE kafka_consumergroup_partition_status gauge
                # HELP kafka_consumergroup_partition_status 1 for the partition's current status: ok, lagging, stalled (commit not moving while lagging, members present), stopped (lagging, nobody in the group consumes it), unassigned (live group, no owner) or beyond_log_end (the committed offset is past the log end: the topic was deleted and recreated or its log truncated; the consumer will reset by its auto.offset.reset, and the lag is unknown).
                kafka_consumergroup_partition_status{cluster="orders-prod",group="fulfillment-service",partition="0",status="lagging",topic="orders"} 1.0
                kafka_consumergroup_partition_status{cluster="orders-prod",group="fulfillment-service",partition="1",status="stalled",topic="orders"} 1.0
                kafka_consumergroup_partition_status{cluster="orders-prod",group="fulfillment-service",partition="2",status="unassigned",topic="orders"} 1.0
                # TYPE kafka_consumergroup_records_lost gauge
                # HELP kafka_consumergroup_records_lost Records retention deleted before the group read them: log-start offset minus committed offset. Only partitions with a loss have a series.
                kafka_consumergroup_records_lost{cluster="orders-prod",group="fulfillment-service",partition="1",topic="orders"} 2.0
                # TYPE kafka_consumergroup_state gauge
                # HELP kafka_consumergroup_state 1 for the group's current state (stable, empty, preparingrebalance, completingrebalance, assigning, reconciling, ...) and membership protocol (classic, consumer or streams).
                kafka_consumergroup_state{cluster="orders-prod",group="fulfillment-service",protocol="consumer",state="stable"} 1.0
                # TYPE kafka_consumergroup_topic_lag_records gauge
                # UNIT kafka_consumergroup_topic_lag_records records
                # HELP kafka_consumergroup_topic_lag_records Sum of the group's lag over the topic's partitions.
                kafka_consumergroup_topic_lag_records{cluster="orders-prod",group="fulfillment-service",topic="orders"} 10.0
                # TYPE kafka_consumergroup_topic_max_lag_age_seconds gauge
                # UNIT kafka_consumergroup_topic_max_lag_age_seconds seconds
                # HELP kafka_consumergroup_topic_max_lag_age_seconds Largest known lag age of the group over the topic's partitions.
                kafka_consumergroup_topic_max_lag_age_seconds{cluster="orders-prod",group="fulfillment-service",topic="orders"} 42.5
                # TYPE kafka_steward_build info
                # HELP kafka_steward_build Version of the running Kafka Steward exporter.
                kafka_steward_build_info{cluster="orders-prod",version="1.2.3"} 1
                # TYPE kafka_steward_collection_duration_seconds gauge
                # UNIT kafka_steward_collection_duration_seconds seconds
                # HELP kafka_steward_collection_duration_seconds Wall time of the last completed collection cycle.
                kafka_steward_collection_duration_seconds{cluster="orders-prod"} 0.25
                # TYPE kafka_steward_collection_errors counter
                # HELP kafka_steward_collection_errors Errors met while collecting, by stage of the cycle (for instance list_groups, list_offsets).
                kafka_steward_collection_errors_total{cluster="orders-prod",stage="list_groups"} 2.0
                # TYPE kafka_steward_collections counter
                # HELP kafka_steward_collections Collection cycles run, by outcome: success (data refreshed, no error), partial (data refreshed, some stage failed) or failure (Kafka not reached, the last data kept).
                kafka_steward_collections_total{cluster="orders-prod",outcome="failure"} 1.0
                kafka_steward_collections_total{cluster="orders-prod",outcome="partial"} 0.0
                kafka_steward_collections_total{cluster="orders-prod",outcome="success"} 1.0
                # TYPE kafka_steward_config_last_reload_successful gauge
                # HELP kafka_steward_config_last_reload_successful 1 when the last reload of ownership.yml succeeded or none was tried; 0 when it failed and the previous configuration is in use.
                kafka_steward_config_last_reload_successful{cluster="orders-prod"} 1.0
                # TYPE kafka_steward_config_reloads counter
                # HELP kafka_steward_config_reloads Reloads of ownership.yml (a changed file or SIGHUP), by outcome: success, or failure (invalid or refused; the previous configuration stays in use).
                kafka_steward_config_reloads_total{cluster="orders-prod",outcome="failure"} 0.0
                kafka_steward_config_reloads_total{cluster="orders-prod",outcome="success"} 0.0
                # TYPE kafka_steward_cycle_requests gauge
                # HELP kafka_steward_cycle_requests Requests the last collection cycle sent to Kafka, by client (admin: the Admin API; metadata: the topic metadata reader; consumer: record timestamp and dead-letter reads). Grows with brokers, not with groups or partitions.
                kafka_steward_cycle_requests{client="admin",cluster="orders-prod"} 9.0
                kafka_steward_cycle_requests{client="consumer",cluster="orders-prod"} 2.0
                # TYPE kafka_steward_last_success_timestamp_seconds gauge
                # UNIT kafka_steward_last_success_timestamp_seconds seconds
                # HELP kafka_steward_last_success_timestamp_seconds Unix time of the last collection cycle that reached Kafka and refreshed the served data, completely or partly (see kafka_steward_snapshot_partial); 0 before the first.
                kafka_steward_last_success_timestamp_seconds{cluster="orders-prod"} 1.7953488E9
                # TYPE kafka_steward_snapshot_age_seconds gauge
                # UNIT kafka_steward_snapshot_age_seconds seconds
                # HELP kafka_steward_snapshot_age_seconds Age of the data served now: time since the last cycle that refreshed it (time since start before the first). Grows while Kafka cannot be reached.
                kafka_steward_snapshot_age_seconds{cluster="orders-prod"} 12.0
                # TYPE kafka_steward_snapshot_partial gauge
                # HELP kafka_steward_snapshot_partial 1 when the data served now comes from a cycle in which some stage failed or ran out of time (see kafka_steward_collection_errors_total), so some series may be missing; 0 when complete.
                kafka_steward_snapshot_partial{cluster="orders-prod"} 0.0
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

    @Test
    void partitionSeriesLimitKeepsTotalsAndCountsWhatItLeftOut() throws Exception {
        TopicPartitionId p0 = new TopicPartitionId("orders", 0);
        TopicPartitionId p1 = new TopicPartitionId("orders", 1);
        Snapshot snapshot = new Snapshot(T0, true, new LagSnapshot(List.of(
                PartitionLag.committed("g", p0, 0, new LagAge.Known(0), 0, 1, PartitionStatus.OK),
                PartitionLag.committed("g", p1, 5, new LagAge.Known(9), 0, 1, PartitionStatus.LAGGING)),
                List.of(new GroupLag("g", Optional.empty(), 5, OptionalDouble.of(9),
                        new TreeMap<>(Map.of("orders", new GroupLag.TopicLag(5, OptionalDouble.of(9)))), new TreeMap<>()))),
                ReplicationSnapshot.EMPTY, Map.of());
        PrometheusRegistry registry = new PrometheusRegistry();
        registry.register(new SnapshotRenderer(() -> new ServedState(Optional.of(snapshot),
                CollectionStatus.startingAt(T0)), "c", "v", new MutableClock(T0), PartitionSeries.NOT_OK,
                () -> ReloadState.INITIAL));

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new OpenMetricsTextFormatWriter(false, false).write(out, registry.scrape(), EscapingScheme.ALLOW_UTF8);
        String text = out.toString(StandardCharsets.UTF_8);

        assertTrue(text.contains("kafka_consumergroup_lag_records{cluster=\"c\",group=\"g\",partition=\"1\",topic=\"orders\"} 5.0"));
        assertFalse(text.contains("partition=\"0\""), "the ok partition is left out");
        assertTrue(text.contains("kafka_consumergroup_group_lag_records{cluster=\"c\",group=\"g\"} 5.0"));
        assertTrue(text.contains("kafka_steward_omitted_series{cluster=\"c\",metric=\"kafka_consumergroup_lag_records\"} 1.0"));
    }

    @Test
    void theCapLeavesOutHealthyPartitionsBeforeThoseThatNeedAttention() throws Exception {
        List<PartitionLag> partitions = new java.util.ArrayList<>();
        for (int i = 0; i < 6; i++) { // 0, 2, 4 ok; 1, 3, 5 lagging
            partitions.add(PartitionLag.committed("g", new TopicPartitionId("orders", i), i % 2 == 0 ? 0 : 5,
                    new LagAge.Known(i % 2 == 0 ? 0 : 9), 0, 1, i % 2 == 0 ? PartitionStatus.OK : PartitionStatus.LAGGING));
        }
        Snapshot snapshot = new Snapshot(T0, true, new LagSnapshot(partitions, List.of()), ReplicationSnapshot.EMPTY,
                Map.of());
        PrometheusRegistry registry = new PrometheusRegistry();
        registry.register(new SnapshotRenderer(() -> new ServedState(Optional.of(snapshot),
                CollectionStatus.startingAt(T0)), "c", "v", new MutableClock(T0), PartitionSeries.ALL.withMax(4),
                () -> ReloadState.INITIAL));

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new OpenMetricsTextFormatWriter(false, false).write(out, registry.scrape(), EscapingScheme.ALLOW_UTF8);
        String text = out.toString(StandardCharsets.UTF_8);

        for (int lagging : new int[] {1, 3, 5}) {
            assertTrue(text.contains("kafka_consumergroup_lag_records{cluster=\"c\",group=\"g\",partition=\""
                    + lagging + "\",topic=\"orders\"} 5.0"), "lagging partition " + lagging + " kept");
        }
        long okShown = java.util.stream.IntStream.of(0, 2, 4).filter(ok -> text.contains(
                "kafka_consumergroup_lag_records{cluster=\"c\",group=\"g\",partition=\"" + ok + "\"")).count();
        assertEquals(1, okShown, "4 of 6: the three lagging partitions and one ok one");
        assertTrue(text.contains("kafka_steward_omitted_series{cluster=\"c\",metric=\"kafka_consumergroup_lag_age_seconds\"} 2.0"));
    }
}
