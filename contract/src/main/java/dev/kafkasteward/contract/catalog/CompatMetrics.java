package dev.kafkasteward.contract.catalog;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The names other exporters' users have dashboards and alerts on, served under a path of their own
 * when a compatibility profile is switched on ({@code serve --compat}). They are kept out of
 * {@link MetricCatalog}: their names break our conventions (no unit suffix, milliseconds) and one
 * of them ({@code kafka_consumergroup_members}) is also ours with other labels, so they never share
 * a scrape with our series. Each help text says where our value differs from theirs.
 */
public final class CompatMetrics {

    private CompatMetrics() {
    }

    /** One profile: its name on the command line, the path it is served on, the exporter it stands in for. */
    public record Profile(String name, String path, String upstream, List<MetricDef> metrics) {

        public Profile {
            metrics = List.copyOf(metrics);
        }
    }

    private static final String KE_PATH = "/compat/kafka_exporter";
    private static final String KLE_PATH = "/compat/kafka-lag-exporter";
    private static final Source KE = new Source.Compat(KE_PATH);
    private static final Source KLE = new Source.Compat(KLE_PATH);
    private static final String[] KE_PARTITION = {"topic", "partition"};
    private static final String[] KE_GROUP_PARTITION = {"consumergroup", "topic", "partition"};
    private static final String[] KLE_GROUP_PARTITION = {"cluster_name", "group", "topic", "partition", "member_host",
        "consumer_id", "client_id"};

    // kafka_exporter (danielqsj/kafka_exporter): no cluster label; the Prometheus target tells clusters apart.
    public static final MetricDef KE_BROKERS = gauge("kafka_brokers", "Number of live brokers in the cluster.", KE);
    public static final MetricDef KE_TOPIC_PARTITIONS = gauge("kafka_topic_partitions",
            "Number of partitions of the topic.", KE, "topic");
    public static final MetricDef KE_CURRENT_OFFSET = gauge("kafka_topic_partition_current_offset",
            "Log-end offset (high watermark) of the partition.", KE, KE_PARTITION);
    public static final MetricDef KE_OLDEST_OFFSET = gauge("kafka_topic_partition_oldest_offset",
            "Log-start offset of the partition (read every few cycles, as it moves only when retention deletes a"
                    + " segment).", KE, KE_PARTITION);
    public static final MetricDef KE_IN_SYNC = gauge("kafka_topic_partition_in_sync_replica",
            "Number of in-sync replicas of the partition.", KE, KE_PARTITION);
    public static final MetricDef KE_LEADER = gauge("kafka_topic_partition_leader",
            "Broker id of the partition's leader; no series while it has none.", KE, KE_PARTITION);
    public static final MetricDef KE_LEADER_PREFERRED = gauge("kafka_topic_partition_leader_is_preferred",
            "1 when the partition is led by its preferred (first assigned) replica.", KE, KE_PARTITION);
    public static final MetricDef KE_REPLICAS = gauge("kafka_topic_partition_replicas",
            "Number of replicas assigned to the partition.", KE, KE_PARTITION);
    public static final MetricDef KE_UNDER_REPLICATED = gauge("kafka_topic_partition_under_replicated_partition",
            "1 when the partition has fewer in-sync replicas than assigned replicas.", KE, KE_PARTITION);
    public static final MetricDef KE_GROUP_OFFSET = gauge("kafka_consumergroup_current_offset",
            "Committed offset of the group on the partition. Unlike kafka_exporter, a partition without a commit"
                    + " has no series (kafka_exporter serves -1).", KE, KE_GROUP_PARTITION);
    public static final MetricDef KE_GROUP_OFFSET_SUM = gauge("kafka_consumergroup_current_offset_sum",
            "Sum of the group's committed offsets over the topic's partitions that have one (kafka_exporter adds -1"
                    + " for each partition without one).", KE,
            "consumergroup", "topic");
    public static final MetricDef KE_LAG = gauge("kafka_consumergroup_lag",
            "Log-end offset minus the group's committed offset. Unlike kafka_exporter, a partition without a commit"
                    + " has no series (kafka_exporter serves -1) and a commit past the log end (topic recreated) has"
                    + " none either (kafka_exporter serves a negative lag).", KE, KE_GROUP_PARTITION);
    public static final MetricDef KE_LAG_SUM = gauge("kafka_consumergroup_lag_sum",
            "Sum of kafka_consumergroup_lag over the topic's partitions.", KE, "consumergroup", "topic");
    public static final MetricDef KE_MEMBERS = gauge("kafka_consumergroup_members",
            "Members of the group, for classic and consumer-protocol groups alike (kafka_exporter describes"
                    + " consumer-protocol groups with the classic API and serves 0).", KE, "consumergroup");

    // kafka-lag-exporter (seglo/kafka-lag-exporter): every series carries cluster_name.
    public static final MetricDef KLE_GROUP_OFFSET = gauge("kafka_consumergroup_group_offset",
            "Committed offset of the group on the partition; the member labels name the member it is assigned to,"
                    + " \"unknown\" when none is (kafka-lag-exporter leaves unassigned partitions of live groups out)."
                    + " No series without a commit (kafka-lag-exporter serves NaN).", KLE, KLE_GROUP_PARTITION);
    public static final MetricDef KLE_LAG = gauge("kafka_consumergroup_group_lag",
            "Log-end offset minus the group's committed offset. A commit past the log end (topic recreated) has no"
                    + " series (kafka-lag-exporter serves 0).", KLE, KLE_GROUP_PARTITION);
    public static final MetricDef KLE_LAG_SECONDS = gauge("kafka_consumergroup_group_lag_seconds",
            "Lag age: now minus the timestamp of the record at the committed offset, as at the scrape"
                    + " (kafka-lag-exporter interpolates it from log-end offsets it sampled, NaN or +Inf until it has"
                    + " two that differ). No series while unknown.",
            KLE, KLE_GROUP_PARTITION);
    public static final MetricDef KLE_MAX_LAG = gauge("kafka_consumergroup_group_max_lag",
            "Largest lag of the group over its partitions.", KLE, "cluster_name", "group");
    public static final MetricDef KLE_MAX_LAG_SECONDS = gauge("kafka_consumergroup_group_max_lag_seconds",
            "Largest known lag age of the group over its partitions, as at the scrape.", KLE, "cluster_name", "group");
    public static final MetricDef KLE_SUM_LAG = gauge("kafka_consumergroup_group_sum_lag",
            "Sum of the group's lag over its partitions.", KLE, "cluster_name", "group");
    public static final MetricDef KLE_TOPIC_SUM_LAG = gauge("kafka_consumergroup_group_topic_sum_lag",
            "Sum of the group's lag over the topic's partitions.", KLE, "cluster_name", "group", "topic");
    public static final MetricDef KLE_LATEST_OFFSET = gauge("kafka_partition_latest_offset",
            "Log-end offset of a partition some group commits on.", KLE, "cluster_name", "topic", "partition");
    public static final MetricDef KLE_EARLIEST_OFFSET = gauge("kafka_partition_earliest_offset",
            "Log-start offset of a partition some group commits on (read every few cycles).", KLE,
            "cluster_name", "topic", "partition");
    public static final MetricDef KLE_POLL_TIME = gauge("kafka_consumergroup_poll_time_ms",
            "Milliseconds the last collection cycle took (all groups at once).", KLE, "cluster_name");

    public static final Profile KAFKA_EXPORTER = new Profile("kafka_exporter", KE_PATH, "danielqsj/kafka_exporter",
            List.of(KE_BROKERS, KE_TOPIC_PARTITIONS, KE_CURRENT_OFFSET, KE_OLDEST_OFFSET, KE_IN_SYNC, KE_LEADER,
                    KE_LEADER_PREFERRED, KE_REPLICAS, KE_UNDER_REPLICATED, KE_GROUP_OFFSET, KE_GROUP_OFFSET_SUM,
                    KE_LAG, KE_LAG_SUM, KE_MEMBERS));

    public static final Profile KAFKA_LAG_EXPORTER = new Profile("kafka-lag-exporter", KLE_PATH,
            "seglo/kafka-lag-exporter", List.of(KLE_GROUP_OFFSET, KLE_LAG, KLE_LAG_SECONDS, KLE_MAX_LAG,
            KLE_MAX_LAG_SECONDS, KLE_SUM_LAG, KLE_TOPIC_SUM_LAG, KLE_LATEST_OFFSET, KLE_EARLIEST_OFFSET,
            KLE_POLL_TIME));

    public static final List<Profile> PROFILES = List.of(KAFKA_EXPORTER, KAFKA_LAG_EXPORTER);

    /** The profile of that name (case-insensitive; {@code -} and {@code _} alike). */
    public static Optional<Profile> profile(String name) {
        String wanted = normal(name);
        return PROFILES.stream().filter(p -> normal(p.name()).equals(wanted)).findFirst();
    }

    public static List<String> names() {
        return PROFILES.stream().map(Profile::name).toList();
    }

    private static String normal(String name) {
        return name.trim().toLowerCase(Locale.ROOT).replace('-', '_');
    }

    private static MetricDef gauge(String name, String help, Source source, String... labels) {
        return new MetricDef(name, MetricType.GAUGE, Optional.empty(), List.of(labels), help, source);
    }
}
