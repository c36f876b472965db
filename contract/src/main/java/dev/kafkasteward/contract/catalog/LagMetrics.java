package dev.kafkasteward.contract.catalog;

import static dev.kafkasteward.contract.catalog.MetricDef.counter;
import static dev.kafkasteward.contract.catalog.MetricDef.gauge;
import static dev.kafkasteward.contract.catalog.MetricDef.info;

import java.util.List;

/** Consumer-group signals computed by the exporter. */
public final class LagMetrics {

    private static final String[] PARTITION = {"cluster", "group", "topic", "partition"};

    public static final MetricDef LAG_RECORDS = gauge("kafka_consumergroup_lag_records", "records",
            "Records the group has not consumed yet: log-end offset minus committed offset. Partitions without a"
                    + " committed offset have no series.",
            Source.EXPORTER, PARTITION);

    public static final MetricDef LAG_AGE = gauge("kafka_consumergroup_lag_age_seconds", "seconds",
            "Age of the oldest record the group has not consumed: now minus the timestamp of the record at the"
                    + " committed offset; 0 when caught up. Partitions whose age is unknown have no series.",
            Source.EXPORTER, PARTITION);

    public static final MetricDef LAG_AGE_UNKNOWN = gauge("kafka_consumergroup_lag_age_unknown_partitions", null,
            "Lagging partitions of the group whose lag age is not known, by reason (not_read_yet: the record"
                    + " timestamp is still to be read within the per-cycle budget; future_timestamp: the record at the"
                    + " committed offset is stamped more than 60 s ahead of the exporter's clock).",
            Source.EXPORTER, "cluster", "group", "reason");

    public static final MetricDef PARTITION_STATUS = gauge("kafka_consumergroup_partition_status", null,
            "1 for the partition's current status: ok, lagging, stalled (commit not moving while lagging, members"
                    + " present), stopped (lagging, nobody in the group consumes it), unassigned (live group, no owner) or"
                    + " beyond_log_end (the committed offset is past the log end: the topic was deleted and recreated"
                    + " or its log truncated; the consumer will reset by its auto.offset.reset, and the lag is unknown).",
            Source.EXPORTER, "cluster", "group", "topic", "partition", "status");

    public static final MetricDef COMMIT_AGE = gauge("kafka_consumergroup_commit_age_seconds", "seconds",
            "Seconds since the group's committed offset on the partition was last seen to move (counted from the"
                    + " exporter's first sight of it).",
            Source.EXPORTER, PARTITION);

    public static final MetricDef RECORDS_LOST = gauge("kafka_consumergroup_records_lost", null,
            "Records retention deleted before the group read them: log-start offset minus committed offset. Only"
                    + " partitions with a loss have a series.",
            Source.EXPORTER, PARTITION);

    public static final MetricDef RETENTION_HEADROOM = gauge("kafka_consumergroup_retention_headroom_seconds",
            "seconds", "Time until time-based retention (retention.ms) may delete the oldest record the group has not"
                    + " read yet: retention.ms minus lag age. Only lagging partitions of delete-policy topics with a"
                    + " known lag age have a series; size-based retention (retention.bytes) is not forecast.",
            Source.EXPORTER, PARTITION);

    public static final MetricDef TOPIC_LAG_RECORDS = gauge("kafka_consumergroup_topic_lag_records", "records",
            "Sum of the group's lag over the topic's partitions.", Source.EXPORTER, "cluster", "group", "topic");

    public static final MetricDef TOPIC_MAX_LAG_AGE = gauge("kafka_consumergroup_topic_max_lag_age_seconds",
            "seconds", "Largest known lag age of the group over the topic's partitions.", Source.EXPORTER,
            "cluster", "group", "topic");

    public static final MetricDef GROUP_LAG_RECORDS = gauge("kafka_consumergroup_group_lag_records", "records",
            "Sum of the group's lag over all its partitions.", Source.EXPORTER, "cluster", "group");

    public static final MetricDef GROUP_MAX_LAG_AGE = gauge("kafka_consumergroup_group_max_lag_age_seconds", "seconds",
            "Largest known lag age of the group over all its partitions.", Source.EXPORTER, "cluster", "group");

    public static final MetricDef LAG_CARRIED_CYCLES = gauge("kafka_consumergroup_lag_carried_cycles", null,
            "Present only while the group's offsets could not be read (its coordinator unavailable, the cycle"
                    + " failed): cycles in a row (1-3) that its last read lag has been served unchanged.",
            Source.EXPORTER, "cluster", "group");

    public static final MetricDef GROUP_MEMBERS = gauge("kafka_consumergroup_members", null,
            "Members of the group.", Source.EXPORTER, "cluster", "group");

    public static final MetricDef GROUP_STATE = gauge("kafka_consumergroup_state", null,
            "1 for the group's current state (stable, empty, preparingrebalance, completingrebalance, assigning,"
                    + " reconciling, ...) and membership"
                    + " protocol (classic, consumer or streams).",
            Source.EXPORTER, "cluster", "group", "protocol", "state");

    public static final MetricDef REBALANCES = counter("kafka_consumergroup_rebalances_total", null,
            "Rebalances of the group since the exporter first saw it. Consumer-protocol (KIP-848) and streams"
                    + " (KIP-1071) groups: every group-epoch bump, each a new target assignment, none missed. Classic groups, which do not"
                    + " report their generation: a cycle that finds the group rebalancing, or its members or assignment"
                    + " changed since the last cycle; several rebalances between two cycles count as one, and one that"
                    + " leaves members and assignment as they were is missed.",
            Source.EXPORTER, "cluster", "group");

    public static final MetricDef PARTITION_OWNER = info("kafka_consumergroup_partition_owner_info",
            "Only with --partition-owners: the member a partition is assigned to, by host, client id and member id,"
                    + " for every partition with per-partition series; join it to lag to find the instance that lags."
                    + " Off by default: these labels change at every rebalance.",
            Source.EXPORTER, "cluster", "group", "topic", "partition", "member_host", "client_id", "consumer_id");

    public static final MetricDef STREAMS_TASKS = gauge("kafka_streamsgroup_tasks", null,
            "Active tasks of a streams group's topology (KIP-1071): per subtopology, one per partition of its widest"
                    + " source topic. Served for streams groups with members whose source topics are all in scope.",
            Source.EXPORTER, "cluster", "group");

    public static final MetricDef STREAMS_TASKS_UNASSIGNED = gauge("kafka_streamsgroup_tasks_unassigned", null,
            "Active tasks of the streams group that no member holds or is on its way to (target assignment): their"
                    + " partitions are not processed. Served with kafka_streamsgroup_tasks.",
            Source.EXPORTER, "cluster", "group");

    public static final MetricDef STREAMS_ASSIGNMENT_EPOCHS_BEHIND = gauge(
            "kafka_streamsgroup_assignment_epochs_behind", null,
            "Group epochs the streams group's target assignment trails (group epoch minus target assignment epoch):"
                    + " above 0 while the coordinator has not yet assigned tasks for the latest membership or topology."
                    + " Served for streams groups with members.",
            Source.EXPORTER, "cluster", "group");

    public static final List<MetricDef> ALL = List.of(LAG_RECORDS, LAG_AGE, LAG_AGE_UNKNOWN, PARTITION_STATUS,
            COMMIT_AGE, RECORDS_LOST, RETENTION_HEADROOM, TOPIC_LAG_RECORDS, TOPIC_MAX_LAG_AGE, GROUP_LAG_RECORDS, GROUP_MAX_LAG_AGE,
            LAG_CARRIED_CYCLES, GROUP_MEMBERS, GROUP_STATE, REBALANCES, PARTITION_OWNER, STREAMS_TASKS,
            STREAMS_TASKS_UNASSIGNED, STREAMS_ASSIGNMENT_EPOCHS_BEHIND);

    private LagMetrics() {
    }
}
