package dev.kafkasteward.contract.catalog;

import static dev.kafkasteward.contract.catalog.MetricDef.gauge;
import static dev.kafkasteward.contract.catalog.MetricDef.info;

import java.util.List;

/**
 * Replication health computed by the exporter from topic metadata, topic configs, reassignments and
 * the KRaft quorum. Per-partition series exist only for unhealthy partitions (absent means healthy);
 * per-topic and per-broker counts are always present, so alerts can use either without exploding
 * cardinality on large clusters.
 */
public final class ReplicationMetrics {

    // --- per topic: always present, zeros included ---

    public static final MetricDef TOPIC_UNDER_REPLICATED_PARTITIONS = gauge(
            "kafka_topic_under_replicated_partitions", null,
            "Partitions of the topic whose in-sync replica set is smaller than its replica set (replicas a"
                    + " reassignment is still adding are not counted as missing).",
            Source.EXPORTER, "cluster", "topic");

    public static final MetricDef TOPIC_UNDER_MIN_ISR_PARTITIONS = gauge(
            "kafka_topic_under_min_isr_partitions", null,
            "Partitions of the topic with fewer in-sync replicas than the effective minimum, min(min.insync.replicas,"
                    + " replication factor): acks=all writes to them fail.",
            Source.EXPORTER, "cluster", "topic");

    public static final MetricDef TOPIC_AT_MIN_ISR_PARTITIONS = gauge(
            "kafka_topic_at_min_isr_partitions", null,
            "Partitions of the topic with a leader and exactly the effective minimum of in-sync replicas: one more"
                    + " lost replica makes acks=all writes fail.",
            Source.EXPORTER, "cluster", "topic");

    public static final MetricDef TOPIC_OFFLINE_PARTITIONS = gauge(
            "kafka_topic_offline_partitions", null,
            "Partitions of the topic without a leader: neither reads nor writes are possible.",
            Source.EXPORTER, "cluster", "topic");

    public static final MetricDef TOPIC_NON_PREFERRED_LEADER_PARTITIONS = gauge(
            "kafka_topic_non_preferred_leader_partitions", null,
            "Partitions of the topic led by a broker other than the first (preferred) replica.",
            Source.EXPORTER, "cluster", "topic");

    public static final MetricDef TOPIC_REASSIGNING_PARTITIONS = gauge(
            "kafka_topic_reassigning_partitions", null,
            "Partitions of the topic with a replica reassignment in progress.",
            Source.EXPORTER, "cluster", "topic");

    public static final MetricDef TOPIC_REPLICATION_FACTOR = gauge("kafka_topic_replication_factor", null,
            "Fewest replicas any partition of the topic has (replicas a reassignment is still adding not counted):"
                    + " what a tier's min_replication_factor is checked against.", Source.EXPORTER, "cluster", "topic");

    public static final MetricDef TOPIC_MIN_INSYNC_REPLICAS = gauge("kafka_topic_min_insync_replicas", null,
            "The topic's effective min.insync.replicas. Present once its config was read.",
            Source.EXPORTER, "cluster", "topic");

    public static final MetricDef TOPIC_UNCLEAN_LEADER_ELECTION = gauge(
            "kafka_topic_unclean_leader_election_enabled", null,
            "1 when the topic's effective unclean.leader.election.enable is true: an out-of-sync replica may become"
                    + " leader, and records only the old leader had are lost.", Source.EXPORTER, "cluster", "topic");

    public static final MetricDef TOPIC_RETENTION = gauge("kafka_topic_retention_seconds", "seconds",
            "The topic's effective retention.ms in seconds; +Inf when time-based deletion never removes records"
                    + " (retention.ms -1, or a cleanup.policy without delete).", Source.EXPORTER, "cluster", "topic");

    // --- per partition: only unhealthy partitions have a series, with value 1 ---

    public static final MetricDef PARTITION_UNDER_REPLICATED = gauge(
            "kafka_partition_under_replicated", null,
            "1 for each under-replicated partition; healthy partitions have no series. See"
                    + " kafka_partition_replica_missing_from_isr for which broker is missing.",
            Source.EXPORTER, "cluster", "topic", "partition");

    public static final MetricDef PARTITION_REPLICA_MISSING_FROM_ISR = gauge(
            "kafka_partition_replica_missing_from_isr", null,
            "1 for each replica (broker) of a partition that is not in the partition's in-sync replica set.",
            Source.EXPORTER, "cluster", "topic", "partition", "broker");

    public static final MetricDef PARTITION_UNDER_MIN_ISR = gauge(
            "kafka_partition_under_min_isr", null,
            "1 for each partition with fewer in-sync replicas than min(min.insync.replicas, replication factor).",
            Source.EXPORTER, "cluster", "topic", "partition");

    public static final MetricDef PARTITION_AT_MIN_ISR = gauge(
            "kafka_partition_at_min_isr", null,
            "1 for each partition that lost replicas down to exactly the effective minimum ISR; partitions at the"
                    + " minimum by configuration alone (for instance replication factor 1) are only counted per topic.",
            Source.EXPORTER, "cluster", "topic", "partition");

    public static final MetricDef PARTITION_OFFLINE = gauge(
            "kafka_partition_offline", null,
            "1 for each partition without a leader.",
            Source.EXPORTER, "cluster", "topic", "partition");

    public static final MetricDef PARTITION_NON_PREFERRED_LEADER = gauge(
            "kafka_partition_non_preferred_leader", null,
            "1 for each partition led by a broker other than its preferred replica; the broker label is the"
                    + " current leader.",
            Source.EXPORTER, "cluster", "topic", "partition", "broker");

    public static final MetricDef PARTITION_REASSIGNMENT_IN_PROGRESS = gauge(
            "kafka_partition_reassignment_in_progress", null,
            "1 for each partition with a replica reassignment in progress (from ListPartitionReassignments).",
            Source.EXPORTER, "cluster", "topic", "partition");

    // --- per broker: every registered broker and every broker named in a replica set ---

    public static final MetricDef BROKER_REPLICAS_MISSING_FROM_ISR = gauge(
            "kafka_broker_replicas_missing_from_isr", null,
            "Partitions for which the broker is an assigned replica but not in the in-sync replica set.",
            Source.EXPORTER, "cluster", "broker");

    public static final MetricDef BROKER_LEADER_PARTITIONS = gauge(
            "kafka_broker_leader_partitions", null,
            "Partitions the broker leads.",
            Source.EXPORTER, "cluster", "broker");

    public static final MetricDef BROKER_REPLICA_PARTITIONS = gauge(
            "kafka_broker_replica_partitions", null,
            "Partitions the broker holds a replica of (leader or follower).",
            Source.EXPORTER, "cluster", "broker");

    public static final MetricDef BROKER_REGISTERED = gauge(
            "kafka_broker_registered", null,
            "1 if the broker is in the cluster's live broker list (DescribeCluster), 0 if it is only named in"
                    + " replica sets: it is down or fenced.",
            Source.EXPORTER, "cluster", "broker");

    // --- cluster and KRaft quorum ---

    public static final MetricDef CLUSTER_BROKERS = gauge(
            "kafka_cluster_brokers", null,
            "Live brokers the cluster reports (DescribeCluster).",
            Source.EXPORTER, "cluster");

    public static final MetricDef CLUSTER_ACTIVE_CONTROLLER = info(
            "kafka_cluster_active_controller_info",
            "The active controller: the leader of the KRaft metadata quorum.",
            Source.EXPORTER, "cluster", "controller");

    public static final MetricDef QUORUM_VOTERS = gauge(
            "kafka_metadata_quorum_voters", null,
            "Voters of the KRaft metadata quorum.",
            Source.EXPORTER, "cluster");

    public static final MetricDef QUORUM_LEADER_EPOCH = gauge(
            "kafka_metadata_quorum_leader_epoch", null,
            "Epoch of the KRaft quorum leader; it increases with every election.",
            Source.EXPORTER, "cluster");

    public static final MetricDef QUORUM_REPLICA_LAG_RECORDS = gauge(
            "kafka_metadata_quorum_replica_lag_records", null,
            "Metadata log offsets a quorum replica is behind the leader's log end; role is voter or observer"
                    + " (brokers are observers).",
            Source.EXPORTER, "cluster", "replica", "role");

    public static final MetricDef QUORUM_REPLICA_LAG_SECONDS = gauge(
            "kafka_metadata_quorum_replica_lag_seconds", "seconds",
            "How long ago, by the leader's clock, the replica was last caught up with the leader; 0 for the leader.",
            Source.EXPORTER, "cluster", "replica", "role");

    public static final List<MetricDef> ALL = List.of(TOPIC_UNDER_REPLICATED_PARTITIONS,
            TOPIC_UNDER_MIN_ISR_PARTITIONS, TOPIC_AT_MIN_ISR_PARTITIONS, TOPIC_OFFLINE_PARTITIONS,
            TOPIC_NON_PREFERRED_LEADER_PARTITIONS, TOPIC_REASSIGNING_PARTITIONS, TOPIC_REPLICATION_FACTOR,
            TOPIC_MIN_INSYNC_REPLICAS, TOPIC_UNCLEAN_LEADER_ELECTION, TOPIC_RETENTION,
            PARTITION_UNDER_REPLICATED, PARTITION_REPLICA_MISSING_FROM_ISR, PARTITION_UNDER_MIN_ISR,
            PARTITION_AT_MIN_ISR, PARTITION_OFFLINE, PARTITION_NON_PREFERRED_LEADER,
            PARTITION_REASSIGNMENT_IN_PROGRESS,
            BROKER_REPLICAS_MISSING_FROM_ISR, BROKER_LEADER_PARTITIONS, BROKER_REPLICA_PARTITIONS, BROKER_REGISTERED,
            CLUSTER_BROKERS, CLUSTER_ACTIVE_CONTROLLER, QUORUM_VOTERS, QUORUM_LEADER_EPOCH,
            QUORUM_REPLICA_LAG_RECORDS, QUORUM_REPLICA_LAG_SECONDS);

    private ReplicationMetrics() {
    }
}
