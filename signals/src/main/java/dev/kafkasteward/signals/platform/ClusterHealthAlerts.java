package dev.kafkasteward.signals.platform;

import dev.kafkasteward.contract.catalog.AlertCatalog;
import dev.kafkasteward.contract.catalog.JmxMetrics;
import dev.kafkasteward.contract.catalog.ReplicationMetrics;
import dev.kafkasteward.contract.catalog.SelfMetrics;
import dev.kafkasteward.contract.ownership.ResponsibilityArea;
import dev.kafkasteward.signals.ServingReplicas;
import dev.kafkasteward.signals.Condition;
import dev.kafkasteward.signals.Inhibition;
import dev.kafkasteward.signals.PlatformFamily;
import dev.kafkasteward.signals.PlatformSignal;
import dev.kafkasteward.signals.Scenario;
import dev.kafkasteward.signals.Scenario.Firing;
import dev.kafkasteward.signals.Scenario.Input;
import dev.kafkasteward.signals.Scenarios;
import dev.kafkasteward.signals.SeverityRule;
import dev.kafkasteward.signals.Text;
import dev.kafkasteward.signals.consumer.ConsumerStatusAlerts;
import dev.kafkasteward.signals.promql.Durations;
import dev.kafkasteward.signals.promql.PromQl;
import dev.kafkasteward.signals.promql.ValueUnit;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Cluster health as the exporter computes it from metadata (no JMX needed), for the platform owner: brokers
 * down, slow reassignments, leadership that stays off the preferred replicas or keeps moving, and the
 * metadata quorum (leaderless nodes, unreachable voters, lagging voters, fenced brokers, epoch churn). A
 * broker down inhibits the per-partition noise it causes in the same cluster. What producers feel per topic
 * (under or at min ISR, offline) goes to the topic's owner: {@link TopicDeliveryAlerts}.
 */
public final class ClusterHealthAlerts {

    public static final String BROKER_DOWN = AlertCatalog.BROKER_DOWN.name();
    public static final String REASSIGNMENT_SLOW = AlertCatalog.REASSIGNMENT_SLOW.name();
    public static final String LEADER_IMBALANCE = AlertCatalog.LEADER_IMBALANCE_LASTING.name();
    public static final String LEADERSHIP_CHURN = AlertCatalog.LEADERSHIP_CHURN.name();
    public static final String QUORUM_EPOCH_CHURN = AlertCatalog.QUORUM_EPOCH_CHURN.name();
    public static final String QUORUM_NO_LEADER = AlertCatalog.QUORUM_NO_LEADER.name();
    public static final String QUORUM_VOTER_UNREACHABLE = AlertCatalog.QUORUM_VOTER_UNREACHABLE.name();
    public static final String QUORUM_VOTER_LAGGING = AlertCatalog.QUORUM_VOTER_LAGGING.name();
    public static final String FENCED_BROKERS = AlertCatalog.FENCED_BROKERS.name();
    public static final String METADATA_ERRORS = AlertCatalog.CONTROLLER_METADATA_ERRORS.name();
    /** The alerts of this family computed from exporter series (muted while no exporter replica is fresh). */
    public static final List<String> FROM_EXPORTER = List.of(BROKER_DOWN, REASSIGNMENT_SLOW, LEADER_IMBALANCE,
            LEADERSHIP_CHURN, QUORUM_EPOCH_CHURN, QUORUM_VOTER_LAGGING);
    static final int VOTER_LAG_SECONDS = 30;
    /**
     * Kafka moves leaders back to the preferred replica within {@code leader.imbalance.check.interval.seconds}
     * (5 min) when {@code auto.leader.rebalance.enable} is on; imbalance lasting 30 min means it is off or failing.
     */
    static final String IMBALANCE_FOR = "30m";
    /**
     * Changes of one broker's leader count in an hour, lasting 15 minutes: a restart moves its leaders away and
     * back in a few steps; a broker past this keeps restarting, flapping or losing its session.
     */
    static final int LEADERSHIP_CHANGES_PER_HOUR = 12;
    /** KRaft quorum elections per hour: one is a controller restart, more is a flapping quorum. */
    static final int QUORUM_ELECTIONS_PER_HOUR = 3;

    private ClusterHealthAlerts() {
    }

    public static PlatformFamily family(double timeScale) {
        String hour = Durations.window("1h", timeScale);
        return new PlatformFamily("cluster-health", ResponsibilityArea.BROKERS_AND_CONTROLLERS, timeScale, List.of(
                new PlatformSignal(BROKER_DOWN, SeverityRule.TIER, Durations.parse("1m"),
                        c -> Condition.equal("max by (cluster, broker) (" + ServingReplicas.only(
                                ReplicationMetrics.BROKER_REGISTERED.select(PromQl.eq("cluster", c))) + ")", 0),
                        new Text(v -> "Broker " + v.label("broker") + " is down.",
                                v -> "Broker " + v.label("broker") + " of cluster " + v.label("cluster") + " holds"
                                        + " replicas but is not in the live broker list: it is down or fenced."),
                        ClusterHealthAlerts::brokerDownSeenByTheFreshReplica),
                new PlatformSignal(REASSIGNMENT_SLOW, SeverityRule.INFO, Durations.parse("6h"),
                        c -> Condition.above("max by (cluster, topic) ("
                                + ServingReplicas.only(ReplicationMetrics.TOPIC_REASSIGNING_PARTITIONS.select(
                                PromQl.eq("cluster", c))) + ")",
                                0),
                        new Text(v -> "Topic " + v.label("topic") + " has a reassignment running for hours.",
                                v -> v.value(ValueUnit.NUMBER) + " partitions of topic " + v.label("topic")
                                        + " in cluster " + v.label("cluster") + " have been reassigning for more than"
                                        + " 6 hours."),
                        c -> Scenarios.gauge(ReplicationMetrics.TOPIC_REASSIGNING_PARTITIONS, c, List.of("topic"),
                                Map.of("topic", "orders"), 2, Map.of("topic", "healthy"), 0)),
                new PlatformSignal(LEADER_IMBALANCE, SeverityRule.INFO, Durations.parse(IMBALANCE_FOR),
                        // Summed per exporter replica, then the largest: two replicas do not double it.
                        c -> Condition.above("max by (cluster, broker) (sum by (cluster, broker, instance) ("
                                + ServingReplicas.only(ReplicationMetrics.PARTITION_NON_PREFERRED_LEADER.select(
                                PromQl.eq("cluster", c))) + "))", 0),
                        new Text(v -> "Broker " + v.label("broker") + " leads partitions of other preferred leaders.",
                                v -> "Broker " + v.label("broker") + " of cluster " + v.label("cluster") + " has led "
                                        + v.value(ValueUnit.NUMBER) + " partitions whose preferred leader is another"
                                        + " broker for " + IMBALANCE_FOR + ": load is uneven until a preferred leader"
                                        + " election (is auto.leader.rebalance.enable off?)."),
                        c -> Scenarios.gauge(ReplicationMetrics.PARTITION_NON_PREFERRED_LEADER, c, List.of("broker"),
                                Map.of("topic", "orders", "partition", "0", "broker", "1"), 1,
                                Map.of("topic", "orders", "partition", "1", "broker", "2"), 0)),
                new PlatformSignal(LEADERSHIP_CHURN, SeverityRule.WARNING, Durations.parse("15m"),
                        c -> Condition.above("max by (cluster, broker) (" + ServingReplicas.only("changes("
                                + ReplicationMetrics.BROKER_LEADER_PARTITIONS.select(PromQl.eq("cluster", c)) + "["
                                + hour + "])") + ")", LEADERSHIP_CHANGES_PER_HOUR),
                        new Text(v -> "Partition leadership keeps moving on broker " + v.label("broker") + ".",
                                v -> "How many partitions broker " + v.label("broker") + " of cluster "
                                        + v.label("cluster") + " leads changed " + v.value(ValueUnit.NUMBER)
                                        + " times in the last hour (threshold " + LEADERSHIP_CHANGES_PER_HOUR + "):"
                                        + " it restarts, flaps or loses its session, and clients keep chasing new"
                                        + " leaders."),
                        c -> churnScenario(ReplicationMetrics.BROKER_LEADER_PARTITIONS.name(), c, "broker")),
                new PlatformSignal(QUORUM_EPOCH_CHURN, SeverityRule.WARNING, Durations.parse("0s"),
                        // Highest minus lowest epoch in the hour: whole elections, no extrapolation.
                        c -> Condition.above("max by (cluster) (" + ServingReplicas.only("max_over_time("
                                + ReplicationMetrics.QUORUM_LEADER_EPOCH.select(PromQl.eq("cluster", c)) + "["
                                + hour + "]) - min_over_time(" + ReplicationMetrics.QUORUM_LEADER_EPOCH.select(
                                PromQl.eq("cluster", c)) + "[" + hour + "])") + ")", QUORUM_ELECTIONS_PER_HOUR),
                        new Text(v -> "The KRaft quorum of cluster " + v.label("cluster") + " keeps electing leaders.",
                                v -> "The metadata quorum of cluster " + v.label("cluster") + " went through "
                                        + v.value(ValueUnit.NUMBER) + " leader elections in the last hour (threshold "
                                        + QUORUM_ELECTIONS_PER_HOUR + "): controllers flap, and every election stalls"
                                        + " metadata changes."),
                        c -> churnScenario(ReplicationMetrics.QUORUM_LEADER_EPOCH.name(), c, null)),
                new PlatformSignal(QUORUM_NO_LEADER, SeverityRule.TIER, Durations.parse("1m"),
                        c -> Condition.below("min by (cluster, instance) (" + JmxMetrics.RAFT_CURRENT_LEADER.select(
                                PromQl.eq("cluster", c)) + ")", 0),
                        new Text(v -> "KRaft node " + v.label("instance") + " sees no quorum leader.",
                                v -> "Controller " + v.label("instance") + " in cluster " + v.label("cluster")
                                        + " reports no metadata quorum leader: metadata changes are blocked."),
                        c -> Scenarios.gauge(JmxMetrics.RAFT_CURRENT_LEADER, c, List.of("instance"),
                                Map.of("instance", "controller-2:7072"), -1, Map.of("instance", "controller-1:7072"), 1)),
                new PlatformSignal(QUORUM_VOTER_UNREACHABLE, SeverityRule.WARNING, Durations.parse("5m"),
                        c -> Condition.above("max by (cluster, instance) ("
                                + JmxMetrics.RAFT_UNKNOWN_VOTER_CONNECTIONS.select(PromQl.eq("cluster", c)) + ")", 0),
                        new Text(v -> "KRaft node " + v.label("instance") + " cannot reach quorum voters.",
                                v -> "Controller " + v.label("instance") + " in cluster " + v.label("cluster")
                                        + " cannot connect to " + v.value(ValueUnit.NUMBER) + " voters: the metadata"
                                        + " quorum is degraded."),
                        c -> Scenarios.gauge(JmxMetrics.RAFT_UNKNOWN_VOTER_CONNECTIONS, c, List.of("instance"),
                                Map.of("instance", "controller-1:7072"), 1, Map.of("instance", "controller-2:7072"), 0)),
                new PlatformSignal(QUORUM_VOTER_LAGGING, SeverityRule.WARNING, Durations.parse("5m"),
                        c -> Condition.above("max by (cluster, replica) ("
                                + ServingReplicas.only(ReplicationMetrics.QUORUM_REPLICA_LAG_SECONDS.select(
                                PromQl.eq("cluster", c), PromQl.eq("role", "voter"))) + ")", VOTER_LAG_SECONDS),
                        new Text(v -> "KRaft voter " + v.label("replica") + " lags behind the quorum leader.",
                                v -> "Voter " + v.label("replica") + " of cluster " + v.label("cluster") + " was last"
                                        + " caught up " + v.value(ValueUnit.DURATION) + " ago: one more voter failure"
                                        + " can stop the quorum."),
                        c -> Scenarios.gauge(ReplicationMetrics.QUORUM_REPLICA_LAG_SECONDS, c, List.of("replica"),
                                Map.of("replica", "3001", "role", "voter"), 120, Map.of("replica", "3002", "role",
                                        "voter"), 0)),
                new PlatformSignal(FENCED_BROKERS, SeverityRule.WARNING, Durations.parse("5m"),
                        c -> Condition.above("max by (cluster) (" + JmxMetrics.FENCED_BROKER_COUNT.select(
                                PromQl.eq("cluster", c)) + ")", 0),
                        new Text(v -> "Brokers are fenced in cluster " + v.label("cluster") + ".",
                                v -> "The controller of cluster " + v.label("cluster") + " fences "
                                        + v.value(ValueUnit.NUMBER) + " registered brokers: they serve no traffic."),
                        c -> Scenarios.gauge(JmxMetrics.FENCED_BROKER_COUNT, c, List.of(),
                                Map.of("instance", "controller-1:7072"), 1, null, 0)),
                new PlatformSignal(METADATA_ERRORS, SeverityRule.WARNING, Durations.parse("0s"),
                        c -> Condition.above("max by (cluster, instance) (delta("
                                + JmxMetrics.METADATA_ERROR_COUNT.select(PromQl.eq("cluster", c)) + "["
                                + Durations.window("15m", timeScale) + "]))", 0),
                        new Text(v -> "Controller " + v.label("instance") + " fails to apply metadata.",
                                v -> "Controller " + v.label("instance") + " in cluster " + v.label("cluster") + " hit "
                                        + v.value(ValueUnit.NUMBER) + " errors loading or applying metadata records in"
                                        + " 15 minutes."),
                        c -> Scenarios.counter(JmxMetrics.METADATA_ERROR_COUNT, c, List.of("instance"),
                                Map.of("instance", "controller-1:7072"), 1, Map.of("instance", "controller-2:7072"), 0,
                                15, 15))),
                List.of(Inhibition.of(BROKER_DOWN, PromQl.matchesAny("alertname", List.of(ReplicationAlerts.TOPIC_URP,
                                ReplicationAlerts.BROKER_URP, ReplicationAlerts.ISR_SHRINKS,
                                TopicDeliveryAlerts.AT_MIN_ISR, FENCED_BROKERS, LEADER_IMBALANCE,
                                ConsumerStatusAlerts.STALLED, BrokerRequestAlerts.PRODUCE_LATENCY,
                                BrokerRequestAlerts.FETCH_LATENCY)), List.of("cluster"))));
    }

    /**
     * Two exporter replicas: the fresh one sees broker 2 gone, the stale one still serves it as registered
     * (a frozen snapshot). The alert believes the fresh replica and fires; broker 1, registered for both,
     * and broker 2 in another cluster seen only by a fresh replica that has it, stay silent.
     */
    private static Scenario brokerDownSeenByTheFreshReplica(String cluster) {
        String age = SelfMetrics.SNAPSHOT_AGE.name();
        String other = cluster + Scenarios.OTHER_CLUSTER_SUFFIX;
        List<Input> inputs = new java.util.ArrayList<>(List.of(
                new Input(age, new TreeMap<>(Map.of("cluster", cluster, "instance", "fresh:9340")), 1, 0),
                new Input(age, new TreeMap<>(Map.of("cluster", cluster, "instance", "stale:9340")), 100_000, 0),
                new Input(age, new TreeMap<>(Map.of("cluster", other, "instance", "fresh:9340")), 1, 0)));
        for (String[] r : new String[][] {{cluster, "fresh:9340", "2", "0"}, {cluster, "stale:9340", "2", "1"},
                {cluster, "fresh:9340", "1", "1"}, {cluster, "stale:9340", "1", "1"}, {other, "fresh:9340", "2", "1"}}) {
            inputs.add(Input.gauge(ReplicationMetrics.BROKER_REGISTERED, Map.of("cluster", r[0], "instance", r[1],
                    "broker", r[2]), Double.parseDouble(r[3])));
        }
        return new Scenario(inputs, List.of(Firing.of(Map.of("cluster", cluster, "broker", "2"), 0)), 0);
    }

    /**
     * A gauge stepping up by one every minute for the hour the window reads (fires: 60 changes, an epoch 60
     * higher, above any hourly threshold below 60), and the same gauge standing still in another cluster;
     * {@code label}, when given, is the per-broker label the alert keeps.
     */
    private static Scenario churnScenario(String metric, String cluster, String label) {
        TreeMap<String, String> firing = new TreeMap<>(Map.of("cluster", cluster));
        TreeMap<String, String> still = new TreeMap<>(Map.of("cluster",
                cluster + Scenarios.OTHER_CLUSTER_SUFFIX));
        TreeMap<String, String> kept = new TreeMap<>(Map.of("cluster", cluster));
        if (label != null) {
            firing.put(label, "1");
            still.put(label, "1");
            kept.put(label, "1");
        }
        return new Scenario(List.of(new Input(metric, firing, 1, 1), new Input(metric, still, 1, 0)),
                List.of(Firing.of(kept, 60)), 60);
    }
}
