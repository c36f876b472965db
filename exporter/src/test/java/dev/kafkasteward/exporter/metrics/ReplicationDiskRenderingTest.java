package dev.kafkasteward.exporter.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.kafkasteward.exporter.disk.DiskHistory;
import dev.kafkasteward.exporter.disk.DiskSnapshot;
import dev.kafkasteward.exporter.disk.Forecast;
import dev.kafkasteward.exporter.disk.LogDirReport;
import dev.kafkasteward.exporter.disk.SteadyState;
import dev.kafkasteward.exporter.observation.LogDirState;
import dev.kafkasteward.exporter.observation.TopicLogSize;
import dev.kafkasteward.exporter.observation.TopicPartitionId;
import dev.kafkasteward.exporter.replication.BrokerHealth;
import dev.kafkasteward.exporter.replication.PartitionHealth;
import dev.kafkasteward.exporter.replication.QuorumHealth;
import dev.kafkasteward.exporter.replication.ReplicationSnapshot;
import dev.kafkasteward.exporter.replication.TopicHealth;
import io.prometheus.metrics.config.EscapingScheme;
import io.prometheus.metrics.expositionformats.OpenMetricsTextFormatWriter;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** Golden text of the replication, cluster and disk families: every forecast case and flag, exactly. */
class ReplicationDiskRenderingTest {

    @Test
    void rendersReplicationClusterAndDiskFamiliesExactly() throws Exception {
        ReplicationSnapshot replication = new ReplicationSnapshot(
                new TreeMap<>(Map.of("orders", new TopicHealth(1, 0, 1, 0, 1, 0, true),
                        "audit", new TopicHealth(0, 0, 0, 1, 0, 0, false))),
                List.of(new PartitionHealth(new TopicPartitionId("audit", 0), OptionalInt.empty(), List.of(), false,
                                false, false, true, false, false),
                        new PartitionHealth(new TopicPartitionId("orders", 2), OptionalInt.of(2), List.of(3), true,
                                false, true, false, true, true)),
                new TreeMap<>(Map.of(2, new BrokerHealth(4, 2, 0), 3, new BrokerHealth(3, 0, 1))),
                Optional.of(new TreeSet<>(List.of(1, 2))),
                Optional.of(new QuorumHealth(3000, 4, 1, List.of(
                        new QuorumHealth.ReplicaLag(3000, QuorumHealth.Role.VOTER, 0, OptionalDouble.of(0)),
                        new QuorumHealth.ReplicaLag(2, QuorumHealth.Role.OBSERVER, 3, OptionalDouble.empty())))));
        DiskSnapshot disk = new DiskSnapshot(List.of(
                report(1, "/a", new Forecast.Estimated(1000, 86400), new SteadyState.Bounded(5e9)),
                report(1, "/b", new Forecast.CappedByRetention(500, 2e9), new SteadyState.Bounded(2e9)),
                report(2, "/a", new Forecast.NotGrowing(-5), SteadyState.UNBOUNDED),
                report(2, "/b", new Forecast.InsufficientHistory(3, Duration.ofMinutes(1)),
                        new SteadyState.Unknown("byte rate of orders")),
                new LogDirReport(LogDirState.of(3, "/a", Instant.EPOCH, true, OptionalLong.empty(), OptionalLong.empty(), Map.of()),
                        new Forecast.InsufficientHistory(0, Duration.ZERO), new SteadyState.Unknown("offline"))),
                DiskHistory.EMPTY);

        List<MetricSnapshot> out = new ArrayList<>();
        ReplicationRenderer.render("c", replication, out);
        ClusterRenderer.render("c", replication, out);
        DiskRenderer.render("c", disk, out);
        // Scraped 400 s after the dirs were read: the estimate has counted down since.
        DiskRenderer.renderCountdown("c", disk, Instant.EPOCH.plusSeconds(400), out);
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        new OpenMetricsTextFormatWriter(false, false).write(text, new MetricSnapshots(out), EscapingScheme.ALLOW_UTF8);

        assertEquals(GOLDEN, text.toString(StandardCharsets.UTF_8));
    }

    private static LogDirReport report(int broker, String path, Forecast forecast, SteadyState steady) {
        return new LogDirReport(LogDirState.of(broker, path, Instant.EPOCH, false, OptionalLong.of(10_000), OptionalLong.of(4_000),
                Map.of("orders", new TopicLogSize(5_000, 2), "audit", new TopicLogSize(500, 1))), forecast, steady);
    }

    private static final String GOLDEN = """
            # TYPE kafka_broker_leader_partitions gauge
            # HELP kafka_broker_leader_partitions Partitions the broker leads.
            kafka_broker_leader_partitions{broker="2",cluster="c"} 2.0
            kafka_broker_leader_partitions{broker="3",cluster="c"} 0.0
            # TYPE kafka_broker_registered gauge
            # HELP kafka_broker_registered 1 if the broker is in the cluster's live broker list (DescribeCluster), 0 if it is only named in replica sets: it is down or fenced.
            kafka_broker_registered{broker="2",cluster="c"} 1.0
            kafka_broker_registered{broker="3",cluster="c"} 0.0
            # TYPE kafka_broker_replica_partitions gauge
            # HELP kafka_broker_replica_partitions Partitions the broker holds a replica of (leader or follower).
            kafka_broker_replica_partitions{broker="2",cluster="c"} 4.0
            kafka_broker_replica_partitions{broker="3",cluster="c"} 3.0
            # TYPE kafka_broker_replicas_missing_from_isr gauge
            # HELP kafka_broker_replicas_missing_from_isr Partitions for which the broker is an assigned replica but not in the in-sync replica set.
            kafka_broker_replicas_missing_from_isr{broker="2",cluster="c"} 0.0
            kafka_broker_replicas_missing_from_isr{broker="3",cluster="c"} 1.0
            # TYPE kafka_cluster_active_controller info
            # HELP kafka_cluster_active_controller The active controller: the leader of the KRaft metadata quorum.
            kafka_cluster_active_controller_info{cluster="c",controller="3000"} 1
            # TYPE kafka_cluster_brokers gauge
            # HELP kafka_cluster_brokers Live brokers the cluster reports (DescribeCluster).
            kafka_cluster_brokers{cluster="c"} 2.0
            # TYPE kafka_log_dir_growth_rate_bytes_per_second gauge
            # UNIT kafka_log_dir_growth_rate_bytes_per_second bytes_per_second
            # HELP kafka_log_dir_growth_rate_bytes_per_second Net growth of the space used on the log dir's volume: a robust regression over the forecast window that the saw-tooth of segment deletion does not bias; negative when shrinking. No series until the window has enough samples.
            kafka_log_dir_growth_rate_bytes_per_second{broker="1",cluster="c",log_dir="/a"} 1000.0
            kafka_log_dir_growth_rate_bytes_per_second{broker="1",cluster="c",log_dir="/b"} 500.0
            kafka_log_dir_growth_rate_bytes_per_second{broker="2",cluster="c",log_dir="/a"} -5.0
            # TYPE kafka_log_dir_offline gauge
            # HELP kafka_log_dir_offline 1 if the broker reports the log dir as failed (offline), else 0.
            kafka_log_dir_offline{broker="1",cluster="c",log_dir="/a"} 0.0
            kafka_log_dir_offline{broker="1",cluster="c",log_dir="/b"} 0.0
            kafka_log_dir_offline{broker="2",cluster="c",log_dir="/a"} 0.0
            kafka_log_dir_offline{broker="2",cluster="c",log_dir="/b"} 0.0
            kafka_log_dir_offline{broker="3",cluster="c",log_dir="/a"} 1.0
            # TYPE kafka_log_dir_steady_state_bytes gauge
            # UNIT kafka_log_dir_steady_state_bytes bytes
            # HELP kafka_log_dir_steady_state_bytes Bytes the log dir levels off at if each topic keeps its current byte rate under its retention.ms and retention.bytes (plus one active segment per partition). +Inf when a growing topic has no retention limit. Compare with used + usable bytes.
            kafka_log_dir_steady_state_bytes{broker="1",cluster="c",log_dir="/a"} 5.0E9
            kafka_log_dir_steady_state_bytes{broker="1",cluster="c",log_dir="/b"} 2.0E9
            kafka_log_dir_steady_state_bytes{broker="2",cluster="c",log_dir="/a"} +Inf
            # TYPE kafka_log_dir_time_to_exhaustion_seconds gauge
            # UNIT kafka_log_dir_time_to_exhaustion_seconds seconds
            # HELP kafka_log_dir_time_to_exhaustion_seconds Seconds until the volume is full at the current growth rate. +Inf when it is not growing, or when retention levels the log dir off below its capacity (see kafka_log_dir_steady_state_bytes). No series until the window has enough samples.
            kafka_log_dir_time_to_exhaustion_seconds{broker="1",cluster="c",log_dir="/a"} 86000.0
            kafka_log_dir_time_to_exhaustion_seconds{broker="1",cluster="c",log_dir="/b"} +Inf
            kafka_log_dir_time_to_exhaustion_seconds{broker="2",cluster="c",log_dir="/a"} +Inf
            # TYPE kafka_log_dir_topic_bytes gauge
            # UNIT kafka_log_dir_topic_bytes bytes
            # HELP kafka_log_dir_topic_bytes Bytes of one topic's replicas in the log dir.
            kafka_log_dir_topic_bytes{broker="1",cluster="c",log_dir="/a",topic="audit"} 500.0
            kafka_log_dir_topic_bytes{broker="1",cluster="c",log_dir="/a",topic="orders"} 5000.0
            kafka_log_dir_topic_bytes{broker="1",cluster="c",log_dir="/b",topic="audit"} 500.0
            kafka_log_dir_topic_bytes{broker="1",cluster="c",log_dir="/b",topic="orders"} 5000.0
            kafka_log_dir_topic_bytes{broker="2",cluster="c",log_dir="/a",topic="audit"} 500.0
            kafka_log_dir_topic_bytes{broker="2",cluster="c",log_dir="/a",topic="orders"} 5000.0
            kafka_log_dir_topic_bytes{broker="2",cluster="c",log_dir="/b",topic="audit"} 500.0
            kafka_log_dir_topic_bytes{broker="2",cluster="c",log_dir="/b",topic="orders"} 5000.0
            # TYPE kafka_log_dir_total_bytes gauge
            # UNIT kafka_log_dir_total_bytes bytes
            # HELP kafka_log_dir_total_bytes Size of the volume holding the log dir, as the broker reports it.
            kafka_log_dir_total_bytes{broker="1",cluster="c",log_dir="/a"} 10000.0
            kafka_log_dir_total_bytes{broker="1",cluster="c",log_dir="/b"} 10000.0
            kafka_log_dir_total_bytes{broker="2",cluster="c",log_dir="/a"} 10000.0
            kafka_log_dir_total_bytes{broker="2",cluster="c",log_dir="/b"} 10000.0
            # TYPE kafka_log_dir_usable_bytes gauge
            # UNIT kafka_log_dir_usable_bytes bytes
            # HELP kafka_log_dir_usable_bytes Bytes still usable on the volume holding the log dir, as the broker reports it.
            kafka_log_dir_usable_bytes{broker="1",cluster="c",log_dir="/a"} 4000.0
            kafka_log_dir_usable_bytes{broker="1",cluster="c",log_dir="/b"} 4000.0
            kafka_log_dir_usable_bytes{broker="2",cluster="c",log_dir="/a"} 4000.0
            kafka_log_dir_usable_bytes{broker="2",cluster="c",log_dir="/b"} 4000.0
            # TYPE kafka_log_dir_used_bytes gauge
            # UNIT kafka_log_dir_used_bytes bytes
            # HELP kafka_log_dir_used_bytes Bytes of Kafka data in the log dir: the sum of its replicas' sizes. Total minus usable minus used is space taken by anything else on the volume.
            kafka_log_dir_used_bytes{broker="1",cluster="c",log_dir="/a"} 5500.0
            kafka_log_dir_used_bytes{broker="1",cluster="c",log_dir="/b"} 5500.0
            kafka_log_dir_used_bytes{broker="2",cluster="c",log_dir="/a"} 5500.0
            kafka_log_dir_used_bytes{broker="2",cluster="c",log_dir="/b"} 5500.0
            kafka_log_dir_used_bytes{broker="3",cluster="c",log_dir="/a"} 0.0
            # TYPE kafka_metadata_quorum_leader_epoch gauge
            # HELP kafka_metadata_quorum_leader_epoch Epoch of the KRaft quorum leader; it increases with every election.
            kafka_metadata_quorum_leader_epoch{cluster="c"} 4.0
            # TYPE kafka_metadata_quorum_replica_lag_records gauge
            # HELP kafka_metadata_quorum_replica_lag_records Metadata log offsets a quorum replica is behind the leader's log end; role is voter or observer (brokers are observers).
            kafka_metadata_quorum_replica_lag_records{cluster="c",replica="2",role="observer"} 3.0
            kafka_metadata_quorum_replica_lag_records{cluster="c",replica="3000",role="voter"} 0.0
            # TYPE kafka_metadata_quorum_replica_lag_seconds gauge
            # UNIT kafka_metadata_quorum_replica_lag_seconds seconds
            # HELP kafka_metadata_quorum_replica_lag_seconds How long ago, by the leader's clock, the replica was last caught up with the leader; 0 for the leader.
            kafka_metadata_quorum_replica_lag_seconds{cluster="c",replica="3000",role="voter"} 0.0
            # TYPE kafka_metadata_quorum_voters gauge
            # HELP kafka_metadata_quorum_voters Voters of the KRaft metadata quorum.
            kafka_metadata_quorum_voters{cluster="c"} 1.0
            # TYPE kafka_partition_at_min_isr gauge
            # HELP kafka_partition_at_min_isr 1 for each partition that lost replicas down to exactly the effective minimum ISR; partitions at the minimum by configuration alone (for instance replication factor 1) are only counted per topic.
            kafka_partition_at_min_isr{cluster="c",partition="2",topic="orders"} 1.0
            # TYPE kafka_partition_non_preferred_leader gauge
            # HELP kafka_partition_non_preferred_leader 1 for each partition led by a broker other than its preferred replica; the broker label is the current leader.
            kafka_partition_non_preferred_leader{broker="2",cluster="c",partition="2",topic="orders"} 1.0
            # TYPE kafka_partition_offline gauge
            # HELP kafka_partition_offline 1 for each partition without a leader.
            kafka_partition_offline{cluster="c",partition="0",topic="audit"} 1.0
            # TYPE kafka_partition_reassignment_in_progress gauge
            # HELP kafka_partition_reassignment_in_progress 1 for each partition with a replica reassignment in progress (from ListPartitionReassignments).
            kafka_partition_reassignment_in_progress{cluster="c",partition="2",topic="orders"} 1.0
            # TYPE kafka_partition_replica_missing_from_isr gauge
            # HELP kafka_partition_replica_missing_from_isr 1 for each replica (broker) of a partition that is not in the partition's in-sync replica set.
            kafka_partition_replica_missing_from_isr{broker="3",cluster="c",partition="2",topic="orders"} 1.0
            # TYPE kafka_partition_under_replicated gauge
            # HELP kafka_partition_under_replicated 1 for each under-replicated partition; healthy partitions have no series. See kafka_partition_replica_missing_from_isr for which broker is missing.
            kafka_partition_under_replicated{cluster="c",partition="2",topic="orders"} 1.0
            # TYPE kafka_topic_at_min_isr_partitions gauge
            # HELP kafka_topic_at_min_isr_partitions Partitions of the topic with a leader and exactly the effective minimum of in-sync replicas: one more lost replica makes acks=all writes fail.
            kafka_topic_at_min_isr_partitions{cluster="c",topic="orders"} 1.0
            # TYPE kafka_topic_non_preferred_leader_partitions gauge
            # HELP kafka_topic_non_preferred_leader_partitions Partitions of the topic led by a broker other than the first (preferred) replica.
            kafka_topic_non_preferred_leader_partitions{cluster="c",topic="audit"} 0.0
            kafka_topic_non_preferred_leader_partitions{cluster="c",topic="orders"} 1.0
            # TYPE kafka_topic_offline_partitions gauge
            # HELP kafka_topic_offline_partitions Partitions of the topic without a leader: neither reads nor writes are possible.
            kafka_topic_offline_partitions{cluster="c",topic="audit"} 1.0
            kafka_topic_offline_partitions{cluster="c",topic="orders"} 0.0
            # TYPE kafka_topic_reassigning_partitions gauge
            # HELP kafka_topic_reassigning_partitions Partitions of the topic with a replica reassignment in progress.
            kafka_topic_reassigning_partitions{cluster="c",topic="audit"} 0.0
            kafka_topic_reassigning_partitions{cluster="c",topic="orders"} 0.0
            # TYPE kafka_topic_under_min_isr_partitions gauge
            # HELP kafka_topic_under_min_isr_partitions Partitions of the topic with fewer in-sync replicas than the effective minimum, min(min.insync.replicas, replication factor): acks=all writes to them fail.
            kafka_topic_under_min_isr_partitions{cluster="c",topic="orders"} 0.0
            # TYPE kafka_topic_under_replicated_partitions gauge
            # HELP kafka_topic_under_replicated_partitions Partitions of the topic whose in-sync replica set is smaller than its replica set (replicas a reassignment is still adding are not counted as missing).
            kafka_topic_under_replicated_partitions{cluster="c",topic="audit"} 0.0
            kafka_topic_under_replicated_partitions{cluster="c",topic="orders"} 1.0
            # EOF
            """;
}
