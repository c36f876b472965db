package dev.kafkasteward.signals.platform;

import dev.kafkasteward.contract.catalog.AlertCatalog;
import dev.kafkasteward.contract.catalog.JmxMetrics;
import dev.kafkasteward.contract.ownership.ResponsibilityArea;
import dev.kafkasteward.signals.Condition;
import dev.kafkasteward.signals.Inhibition;
import dev.kafkasteward.signals.consumer.ConsumerStatusAlerts;
import dev.kafkasteward.signals.promql.Durations;
import dev.kafkasteward.signals.promql.PromQl;
import dev.kafkasteward.signals.promql.ValueUnit;
import dev.kafkasteward.signals.PlatformFamily;
import dev.kafkasteward.signals.PlatformSignal;
import dev.kafkasteward.signals.Scenario;
import dev.kafkasteward.signals.Scenarios;
import dev.kafkasteward.signals.SeverityRule;
import dev.kafkasteward.signals.Text;
import java.util.List;
import java.util.Map;

/**
 * Availability as the KRaft controller sees it: offline partitions, not exactly one active
 * controller, unclean leader elections. Offline partitions explain the under-replication and the
 * stalled consumers that follow, so they inhibit those (same cluster).
 */
public final class ControllerAlerts {

    public static final String OFFLINE_PARTITIONS = AlertCatalog.OFFLINE_PARTITIONS.name();
    public static final String ACTIVE_CONTROLLER = AlertCatalog.ACTIVE_CONTROLLER_COUNT_NOT_ONE.name();
    public static final String UNCLEAN_ELECTION = AlertCatalog.UNCLEAN_LEADER_ELECTION.name();

    private ControllerAlerts() {
    }

    public static PlatformFamily family(double timeScale) {
        return new PlatformFamily("controller", ResponsibilityArea.BROKERS_AND_CONTROLLERS, timeScale, List.of(
                new PlatformSignal(OFFLINE_PARTITIONS, SeverityRule.TIER, Durations.parse("1m"),
                        c -> Condition.above("sum by (cluster) (" + JmxMetrics.OFFLINE_PARTITIONS.select(
                                PromQl.eq("cluster", c)) + ")", 0),
                        new Text(v -> "Partitions are offline in cluster " + v.label("cluster") + ".",
                                v -> v.value(ValueUnit.NUMBER) + " partitions in cluster " + v.label("cluster")
                                        + " have no leader: nobody can produce to or consume from them."),
                        c -> Scenarios.gauge(JmxMetrics.OFFLINE_PARTITIONS, c, List.of(),
                                Map.of("instance", "controller-1:7072"), 3, null, 0)),
                new PlatformSignal(ACTIVE_CONTROLLER, SeverityRule.TIER, Durations.parse("1m"),
                        c -> Condition.notEqual("sum by (cluster) (" + JmxMetrics.ACTIVE_CONTROLLER_COUNT.select(
                                PromQl.eq("cluster", c)) + ")", 1),
                        new Text(v -> "Cluster " + v.label("cluster") + " does not have exactly one active controller.",
                                v -> "Cluster " + v.label("cluster") + " reports " + v.value(ValueUnit.NUMBER)
                                        + " active controllers instead of 1: metadata changes, leader elections and"
                                        + " broker registrations stall."),
                        ControllerAlerts::twoActiveControllers),
                new PlatformSignal(UNCLEAN_ELECTION, SeverityRule.TIER, Durations.parse("0s"),
                        c -> Condition.above("sum by (cluster) (increase(" + JmxMetrics.UNCLEAN_LEADER_ELECTIONS.select(
                                PromQl.eq("cluster", c)) + "[" + Durations.window("5m", timeScale) + "]))", 0),
                        new Text(v -> "An unclean leader election happened in cluster " + v.label("cluster") + ".",
                                v -> v.value(ValueUnit.NUMBER) + " unclean leader elections in cluster "
                                        + v.label("cluster") + " in the last 5 minutes: a replica outside the ISR became"
                                        + " leader and acknowledged records may be lost."),
                        c -> Scenarios.counter(JmxMetrics.UNCLEAN_LEADER_ELECTIONS, c, List.of(),
                                Map.of("instance", "controller-1:7072"), 1, null, 0, 5, 5))),
                List.of(Inhibition.of(OFFLINE_PARTITIONS, PromQl.matchesAny("alertname", List.of(
                        ReplicationAlerts.TOPIC_URP, ReplicationAlerts.BROKER_URP,
                        ReplicationAlerts.BROKER_UNDER_MIN_ISR, ConsumerStatusAlerts.STALLED)), List.of("cluster"))));
    }

    /** Two controllers each claiming to be active (a split brain) must fire; one must not. */
    private static Scenario twoActiveControllers(String cluster) {
        Scenario scenario = Scenarios.gauge(JmxMetrics.ACTIVE_CONTROLLER_COUNT, cluster, List.of(),
                Map.of("instance", "controller-1:7072"), 1, Map.of("instance", "controller-2:7072"), 1);
        // Only the other cluster, with a single active controller, stays silent.
        return new Scenario(scenario.inputs(), List.of(Scenario.Firing.of(Map.of("cluster", cluster), 2)), 0);
    }
}
