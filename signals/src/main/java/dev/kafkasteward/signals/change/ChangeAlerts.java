package dev.kafkasteward.signals.change;

import dev.kafkasteward.contract.catalog.AlertCatalog;
import dev.kafkasteward.contract.catalog.ChangeMetrics;
import dev.kafkasteward.contract.catalog.DiskMetrics;
import dev.kafkasteward.contract.catalog.MetricDef;
import dev.kafkasteward.contract.catalog.ReplicationMetrics;
import dev.kafkasteward.contract.ownership.ResponsibilityArea;
import dev.kafkasteward.signals.Condition;
import dev.kafkasteward.signals.PlatformFamily;
import dev.kafkasteward.signals.PlatformSignal;
import dev.kafkasteward.signals.Recording;
import dev.kafkasteward.signals.Scenario;
import dev.kafkasteward.signals.Scenario.Firing;
import dev.kafkasteward.signals.Scenario.Input;
import dev.kafkasteward.signals.Scenarios;
import dev.kafkasteward.signals.ServingReplicas;
import dev.kafkasteward.signals.SeverityRule;
import dev.kafkasteward.signals.Text;
import dev.kafkasteward.signals.promql.Durations;
import dev.kafkasteward.signals.promql.PromQl;
import dev.kafkasteward.signals.promql.ValueUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A cluster in change, for the platform owner: balance per broker (recorded: replicas, leaders and bytes on
 * disk, and each broker's distance from the cluster mean), a broker left far below its peers (what an added
 * broker looks like until someone reassigns), a reassignment that copies nothing, and replication throttles
 * left behind after a reassignment. All tickets: none of them hurts clients now.
 */
public final class ChangeAlerts {

    public static final String UNDERLOADED = AlertCatalog.BROKER_UNDERLOADED.name();
    public static final String NO_PROGRESS = AlertCatalog.REASSIGNMENT_NO_PROGRESS.name();
    public static final String BROKER_THROTTLE_LEFTOVER = AlertCatalog.BROKER_THROTTLE_LEFTOVER.name();
    public static final String TOPIC_THROTTLE_LEFTOVER = AlertCatalog.TOPIC_THROTTLE_LEFTOVER.name();

    /** Per broker: its replicas, leaders and log bytes (serving exporter replicas only), and their skews. */
    public static final String BROKER_REPLICAS = "kafka_steward:broker_replicas";
    public static final String BROKER_LEADERS = "kafka_steward:broker_leaders";
    public static final String BROKER_LOG_BYTES = "kafka_steward:broker_log_bytes";
    /** How far a broker is from the cluster's mean, as a fraction of it: 0 on the mean, -1 empty, 0.5 half more. */
    public static final String SKEW_SUFFIX = "_skew_ratio";
    public static final String BROKER_REPLICAS_SKEW = BROKER_REPLICAS + SKEW_SUFFIX;
    public static final String BROKER_LEADERS_SKEW = BROKER_LEADERS + SKEW_SUFFIX;
    public static final String BROKER_LOG_BYTES_SKEW = BROKER_LOG_BYTES + SKEW_SUFFIX;

    /** A broker with less than half the mean's replicas is far below its peers. */
    static final double UNDERLOADED_SKEW = -0.5;
    static final String UNDERLOADED_FOR = "30m";
    static final String NO_PROGRESS_WINDOW = "15m";
    static final String LEFTOVER_FOR = "30m";

    private ChangeAlerts() {
    }

    public static PlatformFamily family(double timeScale) {
        String window = Durations.window(NO_PROGRESS_WINDOW, timeScale);
        return new PlatformFamily("change", ResponsibilityArea.BROKERS_AND_CONTROLLERS, timeScale, o -> List.of(
                new PlatformSignal(UNDERLOADED, SeverityRule.WARNING, Durations.parse(UNDERLOADED_FOR),
                        c -> Condition.below(BROKER_REPLICAS_SKEW + "{cluster=" + PromQl.quote(c) + "}",
                                UNDERLOADED_SKEW),
                        new Text(v -> "Broker " + v.label("broker") + " holds far fewer replicas than its peers.",
                                v -> "Broker " + v.label("broker") + " of cluster " + v.label("cluster") + " has been"
                                        + " " + v.value(ValueUnit.RATIO) + " away from the cluster's mean number of"
                                        + " replicas (less than half of it) for " + UNDERLOADED_FOR + ": it joined or"
                                        + " came back empty, and Kafka does not move partitions by itself. Reassign a"
                                        + " limited topic set onto it, throttled."),
                        ChangeAlerts::underloadedScenario),
                // Held for the window too: a reassignment that just started has two samples, and an equal pair
                // would otherwise fire at once.
                new PlatformSignal(NO_PROGRESS, SeverityRule.WARNING, Durations.parse(NO_PROGRESS_WINDOW),
                        c -> Condition.below("(max by (cluster, topic) (" + ServingReplicas.only("delta("
                                + ChangeMetrics.TOPIC_REASSIGNMENT_COPIED_BYTES.select(PromQl.eq("cluster", c))
                                + "[" + window + "])") + ") and on (cluster, topic) " + reassigning(c) + ")", 1),
                        new Text(v -> "The reassignment of topic " + v.label("topic") + " copies nothing.",
                                v -> "Topic " + v.label("topic") + " of cluster " + v.label("cluster") + " has"
                                        + " partitions reassigning, and their new replicas copied "
                                        + v.value(ValueUnit.NUMBER) + " bytes in each " + NO_PROGRESS_WINDOW + " window"
                                        + " for " + NO_PROGRESS_WINDOW + ": the throttle is too low, or the new"
                                        + " replicas cannot fetch (an adding broker that is down shows as"
                                        + " KafkaBrokerDown instead: its copy cannot be measured)."),
                        c -> noProgressScenario(c)),
                new PlatformSignal(BROKER_THROTTLE_LEFTOVER, SeverityRule.WARNING, Durations.parse(LEFTOVER_FOR),
                        c -> Condition.above("(count by (cluster, broker) (" + ServingReplicas.only(
                                ChangeMetrics.BROKER_REPLICATION_THROTTLE.select(PromQl.eq("cluster", c)))
                                + ") unless on (cluster) (max by (cluster) (sum by (cluster, instance) ("
                                + ServingReplicas.only(ReplicationMetrics.TOPIC_REASSIGNING_PARTITIONS.select(
                                PromQl.eq("cluster", c))) + ")) > 0))", 0),
                        new Text(v -> "Broker " + v.label("broker") + " still throttles replication.",
                                v -> "Broker " + v.label("broker") + " of cluster " + v.label("cluster") + " has "
                                        + v.value(ValueUnit.NUMBER) + " replication throttle rate(s) set and no"
                                        + " reassignment has been running for " + LEFTOVER_FOR + ": replicas that"
                                        + " fall behind after the next restart will catch up slowly."),
                        c -> leftoverScenario(c, ChangeMetrics.BROKER_REPLICATION_THROTTLE, "broker", "1")),
                new PlatformSignal(TOPIC_THROTTLE_LEFTOVER, SeverityRule.WARNING, Durations.parse(LEFTOVER_FOR),
                        c -> Condition.above("(count by (cluster, topic) (" + ServingReplicas.only(
                                ChangeMetrics.TOPIC_REPLICATION_THROTTLED_REPLICAS.select(PromQl.eq("cluster", c)))
                                + ") unless on (cluster, topic) " + reassigning(c) + ")", 0),
                        new Text(v -> "Topic " + v.label("topic") + " still lists throttled replicas.",
                                v -> "Topic " + v.label("topic") + " of cluster " + v.label("cluster") + " lists"
                                        + " throttled replicas in " + v.value(ValueUnit.NUMBER) + " direction(s)"
                                        + " while none of its partitions has been reassigning for " + LEFTOVER_FOR
                                        + "."),
                        c -> leftoverScenario(c, ChangeMetrics.TOPIC_REPLICATION_THROTTLED_REPLICAS, "topic",
                                "orders"))),
                List.of(), ChangeAlerts::recordings);
    }

    /** Topics of {@code cluster} with partitions reassigning now, by the serving exporter replicas. */
    private static String reassigning(String cluster) {
        return "(max by (cluster, topic) (" + ServingReplicas.only(ReplicationMetrics.TOPIC_REASSIGNING_PARTITIONS
                .select(PromQl.eq("cluster", cluster))) + ") > 0)";
    }

    /** Per broker: replicas, leaders and log bytes; then each one's skew from the cluster's mean. */
    static List<Recording> recordings(String cluster) {
        String c = PromQl.eq("cluster", cluster);
        List<Recording> out = new ArrayList<>(List.of(
                new Recording(BROKER_REPLICAS, perBroker(ReplicationMetrics.BROKER_REPLICA_PARTITIONS.select(c))),
                new Recording(BROKER_LEADERS, perBroker(ReplicationMetrics.BROKER_LEADER_PARTITIONS.select(c))),
                // Bytes per broker: the sum of its log dirs, per exporter replica, then the largest.
                new Recording(BROKER_LOG_BYTES, "max by (cluster, broker) (sum by (cluster, broker, instance) ("
                        + ServingReplicas.only(DiskMetrics.LOG_DIR_USED.select(c)) + "))")));
        for (String series : List.of(BROKER_REPLICAS, BROKER_LEADERS, BROKER_LOG_BYTES)) {
            String own = series + "{" + c + "}";
            String mean = "avg by (cluster) (" + own + ")";
            out.add(new Recording(series + SKEW_SUFFIX, own + " / on (cluster) group_left () (" + mean + " > 0) - 1"));
        }
        return out;
    }

    private static String perBroker(String selector) {
        return "max by (cluster, broker) (" + ServingReplicas.only(selector) + ")";
    }

    /** Brokers 1-3 hold 30 replicas each, broker 4 none: broker 4 fires at -100 %; another cluster balanced. */
    private static Scenario underloadedScenario(String cluster) {
        List<Input> inputs = new ArrayList<>();
        for (String[] b : new String[][] {{"1", "30"}, {"2", "30"}, {"3", "30"}, {"4", "0"}}) {
            inputs.add(Input.gauge(ReplicationMetrics.BROKER_REPLICA_PARTITIONS, Map.of("cluster", cluster,
                    "broker", b[0]), Double.parseDouble(b[1])));
            inputs.add(Input.gauge(ReplicationMetrics.BROKER_REPLICA_PARTITIONS, Map.of("cluster",
                    cluster + Scenarios.OTHER_CLUSTER_SUFFIX, "broker", b[0]), 20));
        }
        return new Scenario(inputs, List.of(Firing.of(Map.of("cluster", cluster, "broker", "4"), -1)), 0);
    }

    /**
     * orders reassigning with its copied bytes standing still (fires with 0 copied); payments reassigning and
     * copying 1 MB a minute; audit's copied bytes standing still but its reassignment finished.
     */
    private static Scenario noProgressScenario(String cluster) {
        List<Input> inputs = new ArrayList<>();
        for (String[] t : new String[][] {{"orders", "1", "0"}, {"payments", "1", "1000000"}, {"audit", "0", "0"}}) {
            inputs.add(Input.gauge(ReplicationMetrics.TOPIC_REASSIGNING_PARTITIONS, Map.of("cluster", cluster,
                    "topic", t[0]), Double.parseDouble(t[1])));
            inputs.add(new Input(ChangeMetrics.TOPIC_REASSIGNMENT_COPIED_BYTES.name(), new java.util.TreeMap<>(
                    Map.of("cluster", cluster, "topic", t[0])), 5_000_000, Double.parseDouble(t[2])));
        }
        return new Scenario(inputs, List.of(Firing.of(Map.of("cluster", cluster, "topic", "orders"), 0)),
                (int) Durations.parse(NO_PROGRESS_WINDOW).value().toMinutes());
    }

    /**
     * A throttle on {@code label}={@code value} with nothing reassigning: fires. The same throttle on another
     * asset while the cluster (brokers) or the topic (topics) reassigns: silent.
     */
    private static Scenario leftoverScenario(String cluster, MetricDef metric, String label, String value) {
        boolean brokers = label.equals("broker");
        String busyCluster = cluster + Scenarios.OTHER_CLUSTER_SUFFIX;
        List<Input> inputs = new ArrayList<>(List.of(
                Input.gauge(metric, Map.of("cluster", cluster, label, value, "direction", "leader"), 1_000_000),
                Input.gauge(ReplicationMetrics.TOPIC_REASSIGNING_PARTITIONS, Map.of("cluster", cluster, "topic",
                        "orders"), 0),
                Input.gauge(metric, Map.of("cluster", busyCluster, label, value, "direction", "leader"), 1_000_000),
                Input.gauge(ReplicationMetrics.TOPIC_REASSIGNING_PARTITIONS, Map.of("cluster", busyCluster, "topic",
                        "orders"), 2)));
        if (!brokers) {
            inputs.add(Input.gauge(metric, Map.of("cluster", cluster, label, "payments", "direction", "follower"), 3));
            inputs.add(Input.gauge(ReplicationMetrics.TOPIC_REASSIGNING_PARTITIONS, Map.of("cluster", cluster,
                    "topic", "payments"), 1));
        }
        return new Scenario(inputs, List.of(Firing.of(Map.of("cluster", cluster, label, value), 1)), 0);
    }
}
