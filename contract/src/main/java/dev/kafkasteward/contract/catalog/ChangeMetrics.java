package dev.kafkasteward.contract.catalog;

import static dev.kafkasteward.contract.catalog.MetricDef.gauge;

import java.util.List;

/**
 * What the exporter measures of a cluster in change: drain readiness per broker, reassignments with their
 * bytes, progress and time to finish, replication throttles, and finalized feature levels. Per-partition
 * reassignment series exist only while the partition moves; a topic's series stay for a while after its
 * reassignment finished, at 100 %. Throttle series exist only while a throttle is set.
 */
public final class ChangeMetrics {

    // --- per broker: every registered broker and every broker named in a replica set ---

    public static final MetricDef BROKER_PARTITIONS_AT_RISK_IF_STOPPED = gauge(
            "kafka_broker_partitions_at_risk_if_stopped", null,
            "Partitions whose in-sync replicas include the broker and would fall below the effective minimum ISR"
                    + " (or have none left) without it: stopping the broker now fails acks=all writes to them.",
            Source.EXPORTER, "cluster", "broker");

    public static final MetricDef BROKER_SAFE_TO_REMOVE = gauge(
            "kafka_broker_safe_to_remove", null,
            "1 when the broker holds no replica and leads no partition (drained: no partition depends on it), else 0.",
            Source.EXPORTER, "cluster", "broker");

    public static final MetricDef BROKER_REPLICATION_THROTTLE = gauge(
            "kafka_broker_replication_throttle_bytes_per_second", "bytes_per_second",
            "Replication throttle rate set on the broker (direction leader: leader.replication.throttled.rate,"
                    + " follower: follower.replication.throttled.rate); no series while unset.",
            Source.EXPORTER, "cluster", "broker", "direction");

    // --- per topic ---

    public static final MetricDef TOPIC_REPLICATION_THROTTLED_REPLICAS = gauge(
            "kafka_topic_replication_throttled_replicas", null,
            "Replicas of the topic listed as throttled (direction leader: leader.replication.throttled.replicas,"
                    + " follower: follower.replication.throttled.replicas; * counts every replica); no series while"
                    + " none is.",
            Source.EXPORTER, "cluster", "topic", "direction");

    public static final MetricDef TOPIC_REASSIGNMENT_PARTITIONS = gauge(
            "kafka_topic_reassignment_partitions", null,
            "Partitions of the topic's current reassignment (those moving and those that finished since it started);"
                    + " kept for 10 minutes after the last one finished.",
            Source.EXPORTER, "cluster", "topic");

    public static final MetricDef TOPIC_REASSIGNMENT_ADDING_REPLICAS = gauge(
            "kafka_topic_reassignment_adding_replicas", null,
            "Replicas being added to the topic's moving partitions.",
            Source.EXPORTER, "cluster", "topic");

    public static final MetricDef TOPIC_REASSIGNMENT_REMOVING_REPLICAS = gauge(
            "kafka_topic_reassignment_removing_replicas", null,
            "Replicas being removed from the topic's moving partitions once the added ones are in sync.",
            Source.EXPORTER, "cluster", "topic");

    public static final MetricDef TOPIC_REASSIGNMENT_TARGET_BYTES = gauge(
            "kafka_topic_reassignment_target_bytes", "bytes",
            "Bytes the topic's reassignment copies: per moving partition its leader's log size once per adding"
                    + " replica, plus what finished partitions copied.",
            Source.EXPORTER, "cluster", "topic");

    public static final MetricDef TOPIC_REASSIGNMENT_COPIED_BYTES = gauge(
            "kafka_topic_reassignment_copied_bytes", "bytes",
            "Bytes the topic's reassignment has copied: what the adding replicas hold, plus what finished partitions"
                    + " copied.",
            Source.EXPORTER, "cluster", "topic");

    public static final MetricDef TOPIC_REASSIGNMENT_PROGRESS = gauge(
            "kafka_topic_reassignment_progress_ratio", "ratio",
            "Copied over target bytes of the topic's reassignment (the share of partitions finished when there is"
                    + " nothing to copy); 1 once finished.",
            Source.EXPORTER, "cluster", "topic");

    public static final MetricDef TOPIC_REASSIGNMENT_COPY_RATE = gauge(
            "kafka_topic_reassignment_copy_rate_bytes_per_second", "bytes_per_second",
            "How fast the topic's moving partitions copy, summed, over the last minute of log-dir reads.",
            Source.EXPORTER, "cluster", "topic");

    public static final MetricDef TOPIC_REASSIGNMENT_REMAINING = gauge(
            "kafka_topic_reassignment_remaining_seconds", "seconds",
            "Estimated time until the topic's reassignment has copied everything, at the current copy rate;"
                    + " no series while the rate is unknown or zero, 0 once finished.",
            Source.EXPORTER, "cluster", "topic");

    // --- per moving partition: only while it moves ---

    public static final MetricDef PARTITION_REASSIGNMENT_ADDING_REPLICAS = gauge(
            "kafka_partition_reassignment_adding_replicas", null,
            "Replicas being added to the moving partition.",
            Source.EXPORTER, "cluster", "topic", "partition");

    public static final MetricDef PARTITION_REASSIGNMENT_REMOVING_REPLICAS = gauge(
            "kafka_partition_reassignment_removing_replicas", null,
            "Replicas being removed from the moving partition.",
            Source.EXPORTER, "cluster", "topic", "partition");

    public static final MetricDef PARTITION_REASSIGNMENT_TARGET_BYTES = gauge(
            "kafka_partition_reassignment_target_bytes", "bytes",
            "Bytes the moving partition's adding replicas must hold: its leader's log size once per adding replica;"
                    + " no series until the log dirs involved were read.",
            Source.EXPORTER, "cluster", "topic", "partition");

    public static final MetricDef PARTITION_REASSIGNMENT_COPIED_BYTES = gauge(
            "kafka_partition_reassignment_copied_bytes", "bytes",
            "Bytes the moving partition's adding replicas hold so far.",
            Source.EXPORTER, "cluster", "topic", "partition");

    public static final MetricDef PARTITION_REASSIGNMENT_PROGRESS = gauge(
            "kafka_partition_reassignment_progress_ratio", "ratio",
            "Copied over target bytes of the moving partition.",
            Source.EXPORTER, "cluster", "topic", "partition");

    public static final MetricDef PARTITION_REASSIGNMENT_REMAINING = gauge(
            "kafka_partition_reassignment_remaining_seconds", "seconds",
            "Estimated time until the moving partition has copied everything, at its copy rate over the last minute.",
            Source.EXPORTER, "cluster", "topic", "partition");

    // --- cluster ---

    public static final MetricDef CLUSTER_FEATURE_LEVEL = gauge(
            "kafka_cluster_feature_level", null,
            "Finalized version level of a cluster feature (metadata.version, kraft.version, ...) from"
                    + " DescribeFeatures: what every broker has agreed to use.",
            Source.EXPORTER, "cluster", "feature");

    public static final List<MetricDef> ALL = List.of(BROKER_PARTITIONS_AT_RISK_IF_STOPPED, BROKER_SAFE_TO_REMOVE,
            BROKER_REPLICATION_THROTTLE, TOPIC_REPLICATION_THROTTLED_REPLICAS, TOPIC_REASSIGNMENT_PARTITIONS,
            TOPIC_REASSIGNMENT_ADDING_REPLICAS, TOPIC_REASSIGNMENT_REMOVING_REPLICAS, TOPIC_REASSIGNMENT_TARGET_BYTES,
            TOPIC_REASSIGNMENT_COPIED_BYTES, TOPIC_REASSIGNMENT_PROGRESS, TOPIC_REASSIGNMENT_COPY_RATE,
            TOPIC_REASSIGNMENT_REMAINING, PARTITION_REASSIGNMENT_ADDING_REPLICAS,
            PARTITION_REASSIGNMENT_REMOVING_REPLICAS, PARTITION_REASSIGNMENT_TARGET_BYTES,
            PARTITION_REASSIGNMENT_COPIED_BYTES, PARTITION_REASSIGNMENT_PROGRESS, PARTITION_REASSIGNMENT_REMAINING,
            CLUSTER_FEATURE_LEVEL);

    private ChangeMetrics() {
    }
}
