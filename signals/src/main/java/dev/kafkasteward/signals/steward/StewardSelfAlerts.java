package dev.kafkasteward.signals.steward;

import dev.kafkasteward.contract.catalog.AlertCatalog;
import dev.kafkasteward.contract.catalog.LagMetrics;
import dev.kafkasteward.contract.catalog.MetricDef;
import dev.kafkasteward.contract.catalog.SelfMetrics;
import dev.kafkasteward.contract.ownership.PromDuration;
import dev.kafkasteward.contract.ownership.ResponsibilityArea;
import dev.kafkasteward.signals.Condition;
import dev.kafkasteward.signals.Inhibition;
import dev.kafkasteward.signals.PlatformFamily;
import dev.kafkasteward.signals.PlatformSignal;
import dev.kafkasteward.signals.Scenario.Firing;
import dev.kafkasteward.signals.Scenario.Input;
import dev.kafkasteward.signals.Scenario;
import dev.kafkasteward.signals.Scenarios;
import dev.kafkasteward.signals.ServingReplicas;
import dev.kafkasteward.signals.SeverityRule;
import dev.kafkasteward.signals.Text;
import dev.kafkasteward.signals.apps.DeadLetterAlerts;
import dev.kafkasteward.signals.apps.FunnelAlerts;
import dev.kafkasteward.signals.consumer.ConsumerStatusAlerts;
import dev.kafkasteward.signals.consumer.FreshnessSloAlerts;
import dev.kafkasteward.signals.consumer.LagAgeAlerts;
import dev.kafkasteward.signals.consumer.RebalanceStormAlerts;
import dev.kafkasteward.signals.platform.ClusterHealthAlerts;
import dev.kafkasteward.signals.platform.DiskAlerts;
import dev.kafkasteward.signals.platform.ReplicationAlerts;
import dev.kafkasteward.signals.platform.TopicDeliveryAlerts;
import dev.kafkasteward.signals.platform.TopicDurabilityAlerts;
import dev.kafkasteward.signals.promql.Durations;
import dev.kafkasteward.signals.promql.PromQl;
import dev.kafkasteward.signals.promql.ValueUnit;
import dev.kafkasteward.signals.share.ShareGroupAlerts;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The exporter watching itself, built for replicas (docs/running-in-production.md runs two per cluster, one
 * Prometheus job per cluster): a replica down, stale, failing or erroring is a warning or info to platform
 * and mutes nothing, because the other replica still feeds every data alert. Only when <em>no</em> replica
 * serves fresh data for the cluster does a critical alert fire, and it alone mutes the cluster's data
 * alerts: one failure, one page, and never a silent one.
 */
public final class StewardSelfAlerts {

    public static final String DOWN = AlertCatalog.STEWARD_EXPORTER_DOWN.name();
    public static final String STALE = AlertCatalog.STEWARD_SNAPSHOT_STALE.name();
    public static final String NO_FRESH_DATA = AlertCatalog.STEWARD_NO_FRESH_DATA.name();
    public static final String FAILING = AlertCatalog.STEWARD_COLLECTION_FAILING.name();
    public static final String ERRORS = AlertCatalog.STEWARD_COLLECTION_ERRORS.name();
    public static final String SLOW = AlertCatalog.STEWARD_COLLECTION_SLOW.name();
    public static final String OMITTED = AlertCatalog.STEWARD_SERIES_OMITTED.name();
    public static final String LAG_AGE_UNKNOWN = AlertCatalog.STEWARD_LAG_AGE_UNKNOWN.name();
    public static final String RELOAD_FAILED = AlertCatalog.STEWARD_CONFIG_RELOAD_FAILED.name();
    public static final String FUNNEL_READER_DOWN = AlertCatalog.STEWARD_FUNNEL_READER_DOWN.name();
    /** Prometheus' own per-target series; not in the catalog because Prometheus, not Kafka Steward, writes it. */
    public static final String UP = "up";
    /** Alerts computed from exporter series, muted while no replica serves fresh data. */
    public static final List<String> FED_ALERTS = fedAlerts();
    static final double FAILURE_RATIO = 0.5;
    static final int STALE_SECONDS = 300;
    static final int SLOW_SECONDS = 60;
    private static final String REPLICA = "exporter-1:9340";
    private static final String TWIN = "exporter-2:9340";

    private StewardSelfAlerts() {
    }

    private static List<String> fedAlerts() {
        List<String> fed = new ArrayList<>(List.of(LagAgeAlerts.WARNING_ALERT, LagAgeAlerts.CRITICAL_ALERT,
                FreshnessSloAlerts.PAGE, FreshnessSloAlerts.TICKET, ConsumerStatusAlerts.STALLED,
                ConsumerStatusAlerts.STOPPED, ConsumerStatusAlerts.UNASSIGNED, ConsumerStatusAlerts.RECORDS_LOST,
                ConsumerStatusAlerts.RETENTION_HEADROOM, RebalanceStormAlerts.STORM, ShareGroupAlerts.WARNING_ALERT, ShareGroupAlerts.CRITICAL_ALERT,
                ShareGroupAlerts.STALLED, ShareGroupAlerts.STOPPED, TopicDeliveryAlerts.UNDER_MIN_ISR, TopicDeliveryAlerts.OFFLINE,
                TopicDeliveryAlerts.AT_MIN_ISR, TopicDurabilityAlerts.REPLICATION_FACTOR, TopicDurabilityAlerts.MIN_ISR,
                TopicDurabilityAlerts.UNCLEAN, TopicDurabilityAlerts.RETENTION, ReplicationAlerts.TOPIC_URP, DiskAlerts.EXHAUSTION_WARNING,
                DiskAlerts.EXHAUSTION_CRITICAL, DiskAlerts.USAGE_WARNING, DiskAlerts.USAGE_CRITICAL,
                DiskAlerts.LOG_DIR_OFFLINE, DeadLetterAlerts.NEW_RECORDS, DeadLetterAlerts.DECISIONS_PENDING, FunnelAlerts.KEYS_OVERDUE,
                FunnelAlerts.KEYS_DROPPED, FunnelAlerts.CORRELATION_MISSES, FunnelAlerts.NOT_COPARTITIONED,
                FunnelAlerts.CONVERSION_LOW));
        fed.addAll(ClusterHealthAlerts.FROM_EXPORTER);
        return List.copyOf(fed);
    }

    public static PlatformFamily family(double timeScale, String exporterJob) {
        // Time-valued thresholds scale with the `for` durations, so a test at timeScale 1/60 sees stale
        // data after 5 s as production sees it after 5 min.
        long staleSeconds = Durations.scale(PromDuration.ofSeconds(STALE_SECONDS), timeScale).seconds();
        long slowSeconds = Durations.scale(PromDuration.ofSeconds(SLOW_SECONDS), timeScale).seconds();
        String failureWindow = Durations.window("10m", timeScale);
        String errorWindow = Durations.window("15m", timeScale);
        String job = PromQl.eq("job", exporterJob);
        List<PlatformSignal> signals = List.of(
                new PlatformSignal(NO_FRESH_DATA, SeverityRule.TIER, Durations.parse("2m"),
                        // Stale everywhere, or nothing answers at all (the stale replicas' series are gone then).
                        c -> Condition.of("min by (cluster) (" + SelfMetrics.SNAPSHOT_AGE.select(PromQl.eq("cluster", c))
                                + ") > " + staleSeconds + " or label_replace(absent(" + UP + "{" + job + "} == 1), "
                                + PromQl.quote("cluster") + ", " + PromQl.quote(c) + ", \"\", \"\")"),
                        new Text(v -> "No Kafka Steward replica serves fresh data for cluster " + v.label("cluster")
                                + ".", v -> "Every exporter replica of cluster " + v.label("cluster") + " (job "
                                + exporterJob + ") is down, or serves data older than " + staleSeconds + "s: lag,"
                                + " dead-letter, funnel, topic and disk alerts of the cluster are muted until one"
                                + " recovers."),
                        c -> noFreshData(c, exporterJob, staleSeconds)),
                new PlatformSignal(DOWN, SeverityRule.WARNING, Durations.parse("2m"),
                        // up has no cluster label of its own; the exporter job serves exactly this cluster.
                        c -> Condition.of("label_replace(" + UP + "{" + job + "} == 0, " + PromQl.quote("cluster")
                                + ", " + PromQl.quote(c) + ", \"\", \"\")"),
                        new Text(v -> "Kafka Steward replica " + v.label("instance") + " is down.",
                                v -> "Prometheus cannot scrape " + v.label("instance") + " (job " + v.label("job")
                                        + "), an exporter replica of cluster " + v.label("cluster") + ". Alerts keep"
                                        + " coming from the other replicas; if none is left, "
                                        + NO_FRESH_DATA + " pages."),
                        c -> new Scenario(List.of(
                                new Input(UP, new TreeMap<>(Map.of("job", exporterJob, "instance", REPLICA)), 0, 0),
                                new Input(UP, new TreeMap<>(Map.of("job", exporterJob, "instance", TWIN)), 1, 0),
                                new Input(UP, new TreeMap<>(Map.of("job", "other-job", "instance", REPLICA)), 0, 0)),
                                List.of(Firing.of(Map.of("cluster", c, "job", exporterJob, "instance", REPLICA), 0)), 0)),
                new PlatformSignal(STALE, SeverityRule.WARNING, Durations.parse("2m"),
                        c -> Condition.above("max by (cluster, instance) (" + SelfMetrics.SNAPSHOT_AGE.select(
                                PromQl.eq("cluster", c)) + ")", staleSeconds),
                        new Text(v -> "Kafka Steward replica " + v.label("instance") + " serves stale data.",
                                v -> "Exporter replica " + v.label("instance") + " of cluster " + v.label("cluster")
                                        + " serves data " + v.value(ValueUnit.DURATION) + " old (threshold "
                                        + staleSeconds + "s): it cannot reach Kafka. Alerts keep coming from fresh"
                                        + " replicas; if none is left, " + NO_FRESH_DATA + " pages."),
                        c -> perReplica(SelfMetrics.SNAPSHOT_AGE, c, 600, 1, 600)),
                new PlatformSignal(FAILING, SeverityRule.WARNING, Durations.parse("5m"),
                        c -> Condition.above("sum by (cluster, instance) (rate(" + SelfMetrics.COLLECTIONS.select(
                                PromQl.eq("cluster", c), PromQl.eq("outcome", "failure")) + "[" + failureWindow
                                + "])) / sum by (cluster, instance) (rate(" + SelfMetrics.COLLECTIONS.select(
                                PromQl.eq("cluster", c)) + "[" + failureWindow + "]))", FAILURE_RATIO),
                        new Text(v -> "Kafka Steward collections fail on replica " + v.label("instance") + ".",
                                v -> v.value(ValueUnit.RATIO) + " of the collection cycles of exporter replica "
                                        + v.label("instance") + " in cluster " + v.label("cluster") + " failed over the"
                                        + " last 10 minutes; the data it serves is getting old."),
                        c -> new Scenario(List.of(
                                Input.counter(SelfMetrics.COLLECTIONS, Map.of("cluster", c, "instance", REPLICA,
                                        "outcome", "failure"), 3),
                                Input.counter(SelfMetrics.COLLECTIONS, Map.of("cluster", c, "instance", REPLICA,
                                        "outcome", "success"), 1),
                                Input.counter(SelfMetrics.COLLECTIONS, Map.of("cluster", c, "instance", TWIN,
                                        "outcome", "failure"), 1),
                                Input.counter(SelfMetrics.COLLECTIONS, Map.of("cluster", c, "instance", TWIN,
                                        "outcome", "success"), 3)),
                                List.of(Firing.of(Map.of("cluster", c, "instance", REPLICA), 0.75)), 10)),
                new PlatformSignal(ERRORS, SeverityRule.INFO, Durations.parse("15m"),
                        c -> Condition.above("max by (cluster, stage) (increase(" + SelfMetrics.COLLECTION_ERRORS.select(
                                PromQl.eq("cluster", c)) + "[" + errorWindow + "]))", 0),
                        new Text(v -> "Kafka Steward meets errors in stage " + v.label("stage") + ".",
                                v -> v.value(ValueUnit.NUMBER) + " errors in collection stage " + v.label("stage")
                                        + " in cluster " + v.label("cluster") + " over the last 15 minutes; some"
                                        + " series may be missing."),
                        c -> Scenarios.counter(SelfMetrics.COLLECTION_ERRORS, c, List.of("stage"),
                                Map.of("stage", "list_offsets"), 2, Map.of("stage", "list_groups"), 0, 30, 15)),
                new PlatformSignal(SLOW, SeverityRule.INFO, Durations.parse("15m"),
                        c -> Condition.above("max by (cluster) (" + SelfMetrics.COLLECTION_DURATION.select(
                                PromQl.eq("cluster", c)) + ")", slowSeconds),
                        new Text(v -> "Kafka Steward collection cycles are slow in cluster " + v.label("cluster") + ".",
                                v -> "A collection cycle in cluster " + v.label("cluster") + " takes "
                                        + v.value(ValueUnit.DURATION) + " (threshold " + slowSeconds + "s), so lag"
                                        + " age is measured coarsely."),
                        c -> Scenarios.gauge(SelfMetrics.COLLECTION_DURATION, c, List.of(), Map.of(), 90, null, 0)),
                new PlatformSignal(OMITTED, SeverityRule.INFO, Durations.parse("15m"),
                        c -> Condition.above("max by (cluster, metric) (" + SelfMetrics.OMITTED_SERIES.select(
                                PromQl.eq("cluster", c)) + ")", 0),
                        new Text(v -> "Kafka Steward leaves " + v.label("metric") + " series out.",
                                v -> v.value(ValueUnit.NUMBER) + " series of " + v.label("metric") + " in cluster "
                                        + v.label("cluster") + " exceed the per-partition series limit and are not"
                                        + " exported; per-group totals still are."),
                        c -> Scenarios.gauge(SelfMetrics.OMITTED_SERIES, c, List.of("metric"),
                                Map.of("metric", "kafka_consumergroup_lag_records"), 120,
                                Map.of("metric", "kafka_consumergroup_lag_age_seconds"), 0)),
                new PlatformSignal(LAG_AGE_UNKNOWN, SeverityRule.INFO, Durations.parse("30m"),
                        // Summed per replica, then the largest: two replicas do not double the count.
                        c -> Condition.above("max by (cluster, group) (sum by (cluster, group, instance) ("
                                + ServingReplicas.only(LagMetrics.LAG_AGE_UNKNOWN.select(PromQl.eq("cluster", c))) + "))", 0),
                        new Text(v -> "Lag age of group " + v.label("group") + " stays unknown.",
                                v -> "For 30 minutes the exporter could not read the timestamps behind "
                                        + v.value(ValueUnit.NUMBER) + " lagging partitions of group " + v.label("group")
                                        + " in cluster " + v.label("cluster") + "; raise its per-cycle read budget."),
                        c -> Scenarios.gauge(LagMetrics.LAG_AGE_UNKNOWN, c, List.of("group"),
                                Map.of("group", "orders", "reason", "not_read_yet"), 7,
                                Map.of("group", "billing", "reason", "not_read_yet"), 0)),
                // min: with two replicas, one that failed to reload serves an older configuration.
                new PlatformSignal(RELOAD_FAILED, SeverityRule.WARNING, Durations.parse("5m"),
                        c -> Condition.equal("min by (cluster) (" + SelfMetrics.CONFIG_LAST_RELOAD_SUCCESSFUL.select(
                                PromQl.eq("cluster", c)) + ")", 0),
                        new Text(v -> "Kafka Steward could not reload ownership.yml for cluster " + v.label("cluster")
                                + ".", v -> "The last reload of ownership.yml failed on an exporter of cluster "
                                + v.label("cluster") + " (invalid, or a change such as the cluster name that needs a"
                                + " restart); it keeps using its previous configuration. Its log names file, line and"
                                + " column of each problem."),
                        c -> oneReplicaAtZero(SelfMetrics.CONFIG_LAST_RELOAD_SUCCESSFUL, c)),
                new PlatformSignal(FUNNEL_READER_DOWN, SeverityRule.WARNING, Durations.parse("5m"),
                        c -> Condition.equal("min by (cluster) (" + SelfMetrics.FUNNEL_READER_UP.select(
                                PromQl.eq("cluster", c)) + ")", 0),
                        new Text(v -> "The Kafka Steward funnel reader has stopped in cluster " + v.label("cluster")
                                + ".", v -> "An exporter of cluster " + v.label("cluster") + " stopped reading the"
                                + " funnel stage topics on an error (its log says which, often a missing Read ACL on"
                                + " the funnel consumer group): its funnel series are frozen and funnel alerts blind."),
                        c -> oneReplicaAtZero(SelfMetrics.FUNNEL_READER_UP, c)));
        return new PlatformFamily("exporter", ResponsibilityArea.MONITORING, timeScale, o -> signals,
                List.of(Inhibition.of(NO_FRESH_DATA, PromQl.matchesAny("alertname", FED_ALERTS), List.of("cluster")),
                        Inhibition.of(NO_FRESH_DATA, PromQl.matchesAny("alertname", List.of(DOWN, STALE, FAILING,
                                ERRORS, SLOW, OMITTED, LAG_AGE_UNKNOWN, RELOAD_FAILED, FUNNEL_READER_DOWN)),
                                List.of("cluster"))),
                cluster -> List.of(ServingReplicas.recording(cluster, staleSeconds)));
    }

    /**
     * Both replicas stale fires with the freshest one's age; one stale replica beside a fresh one, and the
     * same in another cluster, stays silent. Prometheus still scrapes both (up is 1).
     */
    private static Scenario noFreshData(String cluster, String exporterJob, long staleSeconds) {
        double old = staleSeconds * 2.0;
        String other = cluster + Scenarios.OTHER_CLUSTER_SUFFIX;
        return new Scenario(List.of(
                Input.gauge(SelfMetrics.SNAPSHOT_AGE, Map.of("cluster", cluster, "instance", REPLICA), old),
                Input.gauge(SelfMetrics.SNAPSHOT_AGE, Map.of("cluster", cluster, "instance", TWIN), old + 30),
                Input.gauge(SelfMetrics.SNAPSHOT_AGE, Map.of("cluster", other, "instance", REPLICA), old),
                Input.gauge(SelfMetrics.SNAPSHOT_AGE, Map.of("cluster", other, "instance", TWIN), 1),
                new Input(UP, new TreeMap<>(Map.of("job", exporterJob, "instance", REPLICA)), 1, 0),
                new Input(UP, new TreeMap<>(Map.of("job", exporterJob, "instance", TWIN)), 1, 0)),
                List.of(Firing.of(Map.of("cluster", cluster), old)), 0);
    }

    /** One replica at {@code high} fires; its fresh twin at {@code low} and the same replica elsewhere do not. */
    private static Scenario perReplica(MetricDef metric, String c, double high, double low, double value) {
        return new Scenario(List.of(
                Input.gauge(metric, Map.of("cluster", c, "instance", REPLICA), high),
                Input.gauge(metric, Map.of("cluster", c, "instance", TWIN), low),
                Input.gauge(metric, Map.of("cluster", c + Scenarios.OTHER_CLUSTER_SUFFIX, "instance", REPLICA), low)),
                List.of(Firing.of(Map.of("cluster", c, "instance", REPLICA), value)), 0);
    }

    /**
     * A 0/1 health gauge per exporter replica: one replica at 0 fires (it serves an older or frozen
     * view) while its twin is at 1; the same replica of another cluster at 1 stays silent.
     */
    private static Scenario oneReplicaAtZero(MetricDef metric, String c) {
        return new Scenario(List.of(
                Input.gauge(metric, Map.of("cluster", c, "instance", REPLICA), 0),
                Input.gauge(metric, Map.of("cluster", c, "instance", TWIN), 1),
                Input.gauge(metric, Map.of("cluster", c + Scenarios.OTHER_CLUSTER_SUFFIX, "instance", REPLICA), 1)),
                List.of(Firing.of(Map.of("cluster", c), 0)), 0);
    }
}
