package dev.kafkasteward.contract.catalog;

import static dev.kafkasteward.contract.catalog.MetricDef.gauge;

import java.util.List;

/**
 * Share-group (KIP-932, Kafka's queues) signals computed by the exporter. A share group has no committed
 * offset: its members acquire and acknowledge records one by one, and the broker keeps per share-partition a
 * start offset (every record before it is acknowledged) and, since KIP-1226, the count of records not yet
 * acknowledged — the backlog.
 */
public final class ShareGroupMetrics {

    private static final String[] PARTITION = {"cluster", "group", "topic", "partition"};

    public static final MetricDef BACKLOG_RECORDS = gauge("kafka_sharegroup_backlog_records", "records",
            "Records of the share-partition the group has not acknowledged yet (the broker's KIP-1226 lag:"
                    + " available, acquired or released records from the start offset to the log end). Share-partitions"
                    + " the group has not started reading have no series.",
            Source.EXPORTER, PARTITION);

    public static final MetricDef BACKLOG_AGE = gauge("kafka_sharegroup_backlog_age_seconds", "seconds",
            "Age of the oldest record the group has not acknowledged: now minus the timestamp of the record at"
                    + " max(start offset, log end - backlog) (at log start when retention removed it); 0 without"
                    + " backlog. Exact while records are acknowledged in order; with out-of-order acknowledgements the"
                    + " true oldest lies between the start offset and that record. Partitions whose age is unknown"
                    + " have no series.",
            Source.EXPORTER, PARTITION);

    public static final MetricDef PARTITION_STATUS = gauge("kafka_sharegroup_partition_status", null,
            "1 for the share-partition's current status: ok (no backlog), lagging (a backlog, and records are"
                    + " acknowledged or the start offset moves), stalled (a backlog, members present, and for"
                    + " --stall-after neither has the start offset moved nor was any record acknowledged) or stopped"
                    + " (a backlog, and the group has no members).",
            Source.EXPORTER, "cluster", "group", "topic", "partition", "status");

    public static final MetricDef TOPIC_BACKLOG_RECORDS = gauge("kafka_sharegroup_topic_backlog_records", "records",
            "Sum of the group's backlog over the topic's partitions.", Source.EXPORTER, "cluster", "group", "topic");

    public static final MetricDef TOPIC_MAX_BACKLOG_AGE = gauge("kafka_sharegroup_topic_max_backlog_age_seconds",
            "seconds", "Largest known backlog age of the group over the topic's partitions.", Source.EXPORTER,
            "cluster", "group", "topic");

    public static final MetricDef GROUP_BACKLOG_RECORDS = gauge("kafka_sharegroup_group_backlog_records", "records",
            "Sum of the group's backlog over all its share-partitions; no series while none reports a backlog"
                    + " (a broker without KIP-1226).", Source.EXPORTER, "cluster", "group");

    public static final MetricDef GROUP_MAX_BACKLOG_AGE = gauge("kafka_sharegroup_group_max_backlog_age_seconds",
            "seconds", "Largest known backlog age of the group over all its share-partitions.", Source.EXPORTER,
            "cluster", "group");

    public static final MetricDef MEMBERS = gauge("kafka_sharegroup_members", null,
            "Members of the share group.", Source.EXPORTER, "cluster", "group");

    public static final MetricDef STATE = gauge("kafka_sharegroup_state", null,
            "1 for the share group's current state (stable, empty, dead, ...).", Source.EXPORTER, "cluster", "group",
            "state");

    public static final MetricDef ANSWER_AGE = gauge("kafka_sharegroup_answer_age_seconds", "seconds",
            "How long ago the oldest share-group answer (offsets, backlog, members) served was asked. Brokers answer"
                    + " share-group offsets slowly when a request names many groups, so one answer is asked at a time (when"
                    + " the request budget gives it its turn) and waited for at most 1 s, each group's last answer served"
                    + " meanwhile (and for up to 3 failed answers in a row). Served while there are share groups.",
            Source.EXPORTER, "cluster");

    public static final List<MetricDef> ALL = List.of(BACKLOG_RECORDS, BACKLOG_AGE, PARTITION_STATUS,
            TOPIC_BACKLOG_RECORDS, TOPIC_MAX_BACKLOG_AGE, GROUP_BACKLOG_RECORDS, GROUP_MAX_BACKLOG_AGE, MEMBERS, STATE,
            ANSWER_AGE);

    private ShareGroupMetrics() {
    }
}
