package dev.kafkasteward.signals.steward;

import dev.kafkasteward.contract.catalog.LagMetrics;
import dev.kafkasteward.contract.catalog.MetricDef;
import dev.kafkasteward.contract.catalog.SelfMetrics;
import dev.kafkasteward.contract.ownership.PromDuration;
import dev.kafkasteward.signals.Inhibition;
import dev.kafkasteward.signals.platform.ClusterHealthAlerts;
import dev.kafkasteward.signals.platform.DiskAlerts;
import dev.kafkasteward.signals.promql.Durations;
import dev.kafkasteward.signals.promql.PromQl;
import dev.kafkasteward.signals.promql.ValueUnit;
import dev.kafkasteward.signals.PlatformFamily;
import dev.kafkasteward.signals.PlatformSignal;
import dev.kafkasteward.signals.Scenario;
import dev.kafkasteward.signals.Scenario.Firing;
import dev.kafkasteward.signals.Scenario.Input;
import dev.kafkasteward.signals.Scenarios;
import dev.kafkasteward.signals.SeverityRule;
import dev.kafkasteward.signals.Text;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The exporter watching itself: down, failing, stale, erroring, slow, or leaving series out. While
 * it is down or stale, every alert it feeds is inhibited (same cluster): one failure, one page.
 */
public final class StewardSelfAlerts {

    public static final String DOWN = "KafkaStewardExporterDown";
    public static final String FAILING = "KafkaStewardCollectionFailing";
    public static final String STALE = "KafkaStewardSnapshotStale";
    public static final String ERRORS = "KafkaStewardCollectionErrors";
    public static final String SLOW = "KafkaStewardCollectionSlow";
    public static final String OMITTED = "KafkaStewardSeriesOmitted";
    public static final String LAG_AGE_UNKNOWN = "KafkaStewardLagAgeUnknown";
    public static final String RELOAD_FAILED = "KafkaStewardConfigReloadFailed";
    public static final String FUNNEL_READER_DOWN = "KafkaStewardFunnelReaderDown";
    /** Prometheus' own per-target series; not in the catalog because Prometheus, not Kafka Steward, writes it. */
    public static final String UP = "up";
    /** Alerts computed from exporter series, muted while the exporter is down or stale. */
    public static final String FED_ALERTS = "KafkaConsumer.*|KafkaTopic.*|KafkaDisk.*|KafkaDeadLetter.*|KafkaFunnel.*"
            + "|" + ClusterHealthAlerts.BROKER_DOWN + "|" + DiskAlerts.LOG_DIR_OFFLINE
            + "|" + ClusterHealthAlerts.REASSIGNMENT_SLOW + "|" + ClusterHealthAlerts.QUORUM_VOTER_LAGGING;
    static final double FAILURE_RATIO = 0.5;
    static final int STALE_SECONDS = 300;
    static final int SLOW_SECONDS = 60;

    private StewardSelfAlerts() {
    }

    public static PlatformFamily family(double timeScale, String exporterJob) {
        String fire = "exporter-1:9404";
        // Time-valued thresholds scale with the `for` durations, so a test at timeScale 1/60 sees stale
        // data after 5 s as production sees it after 5 min.
        long staleSeconds = Durations.scale(PromDuration.ofSeconds(STALE_SECONDS), timeScale).seconds();
        long slowSeconds = Durations.scale(PromDuration.ofSeconds(SLOW_SECONDS), timeScale).seconds();
        String failureWindow = Durations.window("10m", timeScale);
        String errorWindow = Durations.window("15m", timeScale);
        return new PlatformFamily("exporter", timeScale, List.of(
                new PlatformSignal(DOWN, SeverityRule.TIER, Durations.parse("2m"),
                        // up has no cluster label of its own; the exporter job serves exactly this cluster.
                        c -> "label_replace(" + UP + "{" + PromQl.eq("job", exporterJob) + "} == 0, "
                                + PromQl.quote("cluster") + ", " + PromQl.quote(c) + ", \"\", \"\")",
                        new Text(v -> "The Kafka Steward exporter " + v.label("instance") + " is down.",
                                v -> "Prometheus cannot scrape " + v.label("instance") + " (job " + v.label("job")
                                        + "), the exporter for cluster " + v.label("cluster")
                                        + ": lag, dead-letter, funnel and replication alerts it feeds are silent."),
                        c -> new Scenario(List.of(
                                new Input(UP, new TreeMap<>(Map.of("job", exporterJob, "instance", fire)), 0, 0),
                                new Input(UP, new TreeMap<>(Map.of("job", exporterJob, "instance", "exporter-2:9404")),
                                        1, 0),
                                new Input(UP, new TreeMap<>(Map.of("job", "other-job", "instance", fire)), 0, 0)),
                                List.of(Firing.of(Map.of("cluster", c, "job", exporterJob, "instance", fire), 0)), 0)),
                new PlatformSignal(FAILING, SeverityRule.WARNING, Durations.parse("5m"),
                        c -> "sum by (cluster) (rate(" + SelfMetrics.COLLECTIONS.select(PromQl.eq("cluster", c),
                                PromQl.eq("outcome", "failure")) + "[" + failureWindow + "])) / sum by (cluster) (rate("
                                + SelfMetrics.COLLECTIONS.select(PromQl.eq("cluster", c)) + "[" + failureWindow + "])) > "
                                + PromQl.number(FAILURE_RATIO),
                        new Text(v -> "Kafka Steward collections are failing in cluster " + v.label("cluster") + ".",
                                v -> v.value(ValueUnit.RATIO) + " of collection cycles in cluster " + v.label("cluster")
                                        + " failed over the last 10 minutes; the data behind lag and replication alerts"
                                        + " is getting old."),
                        c -> new Scenario(List.of(
                                Input.counter(SelfMetrics.COLLECTIONS, Map.of("cluster", c, "outcome", "failure"), 3),
                                Input.counter(SelfMetrics.COLLECTIONS, Map.of("cluster", c, "outcome", "success"), 1),
                                Input.counter(SelfMetrics.COLLECTIONS, Map.of("cluster", c + "-healthy",
                                        "outcome", "failure"), 1),
                                Input.counter(SelfMetrics.COLLECTIONS, Map.of("cluster", c + "-healthy",
                                        "outcome", "success"), 3)),
                                List.of(Firing.of(Map.of("cluster", c), 0.75)), 10)),
                new PlatformSignal(STALE, SeverityRule.TIER, Durations.parse("2m"),
                        c -> "max by (cluster) (" + SelfMetrics.SNAPSHOT_AGE.select(PromQl.eq("cluster", c)) + ") > "
                                + staleSeconds,
                        new Text(v -> "Kafka Steward data for cluster " + v.label("cluster") + " is stale.",
                                v -> "The exporter for cluster " + v.label("cluster") + " serves data "
                                        + v.value(ValueUnit.DURATION) + " old (threshold " + staleSeconds + "s):"
                                        + " the alerts it feeds are muted until it recovers."),
                        c -> Scenarios.gauge(SelfMetrics.SNAPSHOT_AGE, c, List.of(), Map.of(), 600, null, 0)),
                new PlatformSignal(ERRORS, SeverityRule.INFO, Durations.parse("15m"),
                        c -> "sum by (cluster, stage) (increase(" + SelfMetrics.COLLECTION_ERRORS.select(
                                PromQl.eq("cluster", c)) + "[" + errorWindow + "])) > 0",
                        new Text(v -> "Kafka Steward meets errors in stage " + v.label("stage") + ".",
                                v -> v.value(ValueUnit.NUMBER) + " errors in collection stage " + v.label("stage")
                                        + " in cluster " + v.label("cluster") + " over the last 15 minutes; some"
                                        + " series may be missing."),
                        c -> Scenarios.counter(SelfMetrics.COLLECTION_ERRORS, c, List.of("stage"),
                                Map.of("stage", "list_offsets"), 2, Map.of("stage", "list_groups"), 0, 30, 15)),
                new PlatformSignal(SLOW, SeverityRule.INFO, Durations.parse("15m"),
                        c -> "max by (cluster) (" + SelfMetrics.COLLECTION_DURATION.select(PromQl.eq("cluster", c))
                                + ") > " + slowSeconds,
                        new Text(v -> "Kafka Steward collection cycles are slow in cluster " + v.label("cluster") + ".",
                                v -> "A collection cycle in cluster " + v.label("cluster") + " takes "
                                        + v.value(ValueUnit.DURATION) + " (threshold " + slowSeconds + "s), so lag"
                                        + " age is measured coarsely."),
                        c -> Scenarios.gauge(SelfMetrics.COLLECTION_DURATION, c, List.of(), Map.of(), 90, null, 0)),
                new PlatformSignal(OMITTED, SeverityRule.INFO, Durations.parse("15m"),
                        c -> "max by (cluster, metric) (" + SelfMetrics.OMITTED_SERIES.select(PromQl.eq("cluster", c))
                                + ") > 0",
                        new Text(v -> "Kafka Steward leaves " + v.label("metric") + " series out.",
                                v -> v.value(ValueUnit.NUMBER) + " series of " + v.label("metric") + " in cluster "
                                        + v.label("cluster") + " exceed the per-partition series limit and are not"
                                        + " exported; per-group totals still are."),
                        c -> Scenarios.gauge(SelfMetrics.OMITTED_SERIES, c, List.of("metric"),
                                Map.of("metric", "kafka_consumergroup_lag_records"), 120,
                                Map.of("metric", "kafka_consumergroup_lag_age_seconds"), 0)),
                new PlatformSignal(LAG_AGE_UNKNOWN, SeverityRule.INFO, Durations.parse("30m"),
                        c -> "sum by (cluster, group) (" + LagMetrics.LAG_AGE_UNKNOWN.select(PromQl.eq("cluster", c))
                                + ") > 0",
                        new Text(v -> "Lag age of group " + v.label("group") + " stays unknown.",
                                v -> "For 30 minutes the exporter could not read the timestamps behind "
                                        + v.value(ValueUnit.NUMBER) + " lagging partitions of group " + v.label("group")
                                        + " in cluster " + v.label("cluster") + "; raise its per-cycle read budget."),
                        c -> Scenarios.gauge(LagMetrics.LAG_AGE_UNKNOWN, c, List.of("group"),
                                Map.of("group", "orders", "reason", "not_read_yet"), 7,
                                Map.of("group", "billing", "reason", "not_read_yet"), 0)),
                // min: with two replicas, one that failed to reload serves an older configuration.
                new PlatformSignal(RELOAD_FAILED, SeverityRule.WARNING, Durations.parse("5m"),
                        c -> "min by (cluster) (" + SelfMetrics.CONFIG_LAST_RELOAD_SUCCESSFUL.select(
                                PromQl.eq("cluster", c)) + ") == 0",
                        new Text(v -> "Kafka Steward could not reload ownership.yml for cluster " + v.label("cluster")
                                + ".", v -> "The last reload of ownership.yml failed on an exporter of cluster "
                                + v.label("cluster") + " (invalid, or a change such as the cluster name that needs a"
                                + " restart); it keeps using its previous configuration. Its log names file, line and"
                                + " column of each problem."),
                        c -> oneReplicaAtZero(SelfMetrics.CONFIG_LAST_RELOAD_SUCCESSFUL, c, fire)),
                new PlatformSignal(FUNNEL_READER_DOWN, SeverityRule.WARNING, Durations.parse("5m"),
                        c -> "min by (cluster) (" + SelfMetrics.FUNNEL_READER_UP.select(PromQl.eq("cluster", c))
                                + ") == 0",
                        new Text(v -> "The Kafka Steward funnel reader has stopped in cluster " + v.label("cluster")
                                + ".", v -> "An exporter of cluster " + v.label("cluster") + " stopped reading the"
                                + " funnel stage topics on an error (its log says which, often a missing Read ACL on"
                                + " the funnel consumer group): its funnel series are frozen and funnel alerts blind."),
                        c -> oneReplicaAtZero(SelfMetrics.FUNNEL_READER_UP, c, fire))),
                List.of(Inhibition.of(DOWN, PromQl.matches("alertname", FED_ALERTS), List.of("cluster")),
                        Inhibition.of(STALE, PromQl.matches("alertname", FED_ALERTS), List.of("cluster")),
                        Inhibition.of(DOWN, PromQl.matchesAny("alertname", List.of(STALE, FAILING, ERRORS, SLOW,
                                OMITTED, LAG_AGE_UNKNOWN, RELOAD_FAILED, FUNNEL_READER_DOWN)), List.of("cluster"))));
    }

    /**
     * A 0/1 health gauge per exporter replica: one replica at 0 fires (it serves an older or frozen
     * view) while its twin is at 1; the same replica of another cluster at 1 stays silent.
     */
    private static Scenario oneReplicaAtZero(MetricDef metric, String c, String fire) {
        return new Scenario(List.of(
                Input.gauge(metric, Map.of("cluster", c, "instance", fire), 0),
                Input.gauge(metric, Map.of("cluster", c, "instance", "exporter-2:9404"), 1),
                Input.gauge(metric, Map.of("cluster", c + Scenarios.OTHER_CLUSTER_SUFFIX, "instance", fire), 1)),
                List.of(Firing.of(Map.of("cluster", c), 0)), 0);
    }
}
