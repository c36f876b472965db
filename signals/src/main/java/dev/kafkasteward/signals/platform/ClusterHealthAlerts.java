package dev.kafkasteward.signals.platform;

import dev.kafkasteward.contract.catalog.JmxMetrics;
import dev.kafkasteward.contract.catalog.MetricDef;
import dev.kafkasteward.contract.catalog.ReplicationMetrics;
import dev.kafkasteward.signals.Inhibition;
import dev.kafkasteward.signals.consumer.ConsumerStatusAlerts;
import dev.kafkasteward.signals.promql.Durations;
import dev.kafkasteward.signals.promql.PromQl;
import dev.kafkasteward.signals.promql.ValueUnit;
import dev.kafkasteward.signals.PlatformFamily;
import dev.kafkasteward.signals.PlatformSignal;
import dev.kafkasteward.signals.Scenarios;
import dev.kafkasteward.signals.SeverityRule;
import dev.kafkasteward.signals.Text;
import java.util.List;
import java.util.Map;

/**
 * Replication and KRaft health as the exporter computes it from metadata (no JMX needed): brokers
 * down, topics under min ISR, offline or one failure away from it, slow reassignments, and the
 * metadata quorum (leaderless nodes, unreachable voters, lagging voters, fenced brokers). A broker
 * down inhibits the per-partition noise it causes in the same cluster.
 */
public final class ClusterHealthAlerts {

    public static final String BROKER_DOWN = "KafkaBrokerDown";
    public static final String TOPIC_UNDER_MIN_ISR = "KafkaTopicUnderMinIsr";
    public static final String TOPIC_OFFLINE = "KafkaTopicOfflinePartitions";
    public static final String TOPIC_AT_MIN_ISR = "KafkaTopicAtMinIsr";
    public static final String REASSIGNMENT_SLOW = "KafkaReassignmentSlow";
    public static final String QUORUM_NO_LEADER = "KafkaQuorumNoLeader";
    public static final String QUORUM_VOTER_UNREACHABLE = "KafkaQuorumVoterUnreachable";
    public static final String QUORUM_VOTER_LAGGING = "KafkaQuorumVoterLagging";
    public static final String FENCED_BROKERS = "KafkaFencedBrokers";
    public static final String METADATA_ERRORS = "KafkaControllerMetadataErrors";
    static final int VOTER_LAG_SECONDS = 30;

    private ClusterHealthAlerts() {
    }

    public static PlatformFamily family(double timeScale) {
        return new PlatformFamily("cluster-health", timeScale, List.of(
                new PlatformSignal(BROKER_DOWN, SeverityRule.TIER, Durations.parse("1m"),
                        c -> "max by (cluster, broker) (" + ReplicationMetrics.BROKER_REGISTERED.select(
                                PromQl.eq("cluster", c)) + ") == 0",
                        new Text(v -> "Broker " + v.label("broker") + " is down.",
                                v -> "Broker " + v.label("broker") + " of cluster " + v.label("cluster") + " holds"
                                        + " replicas but is not in the live broker list: it is down or fenced."),
                        c -> Scenarios.gauge(ReplicationMetrics.BROKER_REGISTERED, c, List.of("broker"),
                                Map.of("broker", "2"), 0, Map.of("broker", "1"), 1)),
                topic(TOPIC_UNDER_MIN_ISR, ReplicationMetrics.TOPIC_UNDER_MIN_ISR_PARTITIONS, SeverityRule.TIER, "1m",
                        "has partitions under min ISR", "have fewer in-sync replicas than min.insync.replicas:"
                                + " acks=all writes to them fail"),
                topic(TOPIC_OFFLINE, ReplicationMetrics.TOPIC_OFFLINE_PARTITIONS, SeverityRule.TIER, "1m",
                        "has offline partitions", "have no leader: nobody can read or write them"),
                topic(TOPIC_AT_MIN_ISR, ReplicationMetrics.TOPIC_AT_MIN_ISR_PARTITIONS, SeverityRule.WARNING, "15m",
                        "is one replica failure away from rejecting writes",
                        "are at exactly min.insync.replicas after losing replicas"),
                topic(REASSIGNMENT_SLOW, ReplicationMetrics.TOPIC_REASSIGNING_PARTITIONS, SeverityRule.INFO, "6h",
                        "has a reassignment running for hours", "have been reassigning for more than 6 hours"),
                new PlatformSignal(QUORUM_NO_LEADER, SeverityRule.TIER, Durations.parse("1m"),
                        c -> "min by (cluster, instance) (" + JmxMetrics.RAFT_CURRENT_LEADER.select(
                                PromQl.eq("cluster", c)) + ") < 0",
                        new Text(v -> "KRaft node " + v.label("instance") + " sees no quorum leader.",
                                v -> "Controller " + v.label("instance") + " in cluster " + v.label("cluster")
                                        + " reports no metadata quorum leader: metadata changes are blocked."),
                        c -> Scenarios.gauge(JmxMetrics.RAFT_CURRENT_LEADER, c, List.of("instance"),
                                Map.of("instance", "controller-2:7072"), -1, Map.of("instance", "controller-1:7072"), 1)),
                new PlatformSignal(QUORUM_VOTER_UNREACHABLE, SeverityRule.WARNING, Durations.parse("5m"),
                        c -> "max by (cluster, instance) (" + JmxMetrics.RAFT_UNKNOWN_VOTER_CONNECTIONS.select(
                                PromQl.eq("cluster", c)) + ") > 0",
                        new Text(v -> "KRaft node " + v.label("instance") + " cannot reach quorum voters.",
                                v -> "Controller " + v.label("instance") + " in cluster " + v.label("cluster")
                                        + " cannot connect to " + v.value(ValueUnit.NUMBER) + " voters: the metadata"
                                        + " quorum is degraded."),
                        c -> Scenarios.gauge(JmxMetrics.RAFT_UNKNOWN_VOTER_CONNECTIONS, c, List.of("instance"),
                                Map.of("instance", "controller-1:7072"), 1, Map.of("instance", "controller-2:7072"), 0)),
                new PlatformSignal(QUORUM_VOTER_LAGGING, SeverityRule.WARNING, Durations.parse("5m"),
                        c -> "max by (cluster, replica) (" + ReplicationMetrics.QUORUM_REPLICA_LAG_SECONDS.select(
                                PromQl.eq("cluster", c), PromQl.eq("role", "voter")) + ") > " + VOTER_LAG_SECONDS,
                        new Text(v -> "KRaft voter " + v.label("replica") + " lags behind the quorum leader.",
                                v -> "Voter " + v.label("replica") + " of cluster " + v.label("cluster") + " was last"
                                        + " caught up " + v.value(ValueUnit.DURATION) + " ago: one more voter failure"
                                        + " can stop the quorum."),
                        c -> Scenarios.gauge(ReplicationMetrics.QUORUM_REPLICA_LAG_SECONDS, c, List.of("replica"),
                                Map.of("replica", "3001", "role", "voter"), 120, Map.of("replica", "3002", "role",
                                        "voter"), 0)),
                new PlatformSignal(FENCED_BROKERS, SeverityRule.WARNING, Durations.parse("5m"),
                        c -> "max by (cluster) (" + JmxMetrics.FENCED_BROKER_COUNT.select(PromQl.eq("cluster", c))
                                + ") > 0",
                        new Text(v -> "Brokers are fenced in cluster " + v.label("cluster") + ".",
                                v -> "The controller of cluster " + v.label("cluster") + " fences "
                                        + v.value(ValueUnit.NUMBER) + " registered brokers: they serve no traffic."),
                        c -> Scenarios.gauge(JmxMetrics.FENCED_BROKER_COUNT, c, List.of(),
                                Map.of("instance", "controller-1:7072"), 1, null, 0)),
                new PlatformSignal(METADATA_ERRORS, SeverityRule.WARNING, Durations.parse("0s"),
                        c -> "max by (cluster, instance) (delta(" + JmxMetrics.METADATA_ERROR_COUNT.select(
                                PromQl.eq("cluster", c)) + "[" + Durations.window("15m", timeScale) + "])) > 0",
                        new Text(v -> "Controller " + v.label("instance") + " fails to apply metadata.",
                                v -> "Controller " + v.label("instance") + " in cluster " + v.label("cluster") + " hit "
                                        + v.value(ValueUnit.NUMBER) + " errors loading or applying metadata records in"
                                        + " 15 minutes."),
                        c -> Scenarios.counter(JmxMetrics.METADATA_ERROR_COUNT, c, List.of("instance"),
                                Map.of("instance", "controller-1:7072"), 1, Map.of("instance", "controller-2:7072"), 0,
                                15, 15))),
                List.of(Inhibition.of(BROKER_DOWN, PromQl.matchesAny("alertname", List.of(ReplicationAlerts.TOPIC_URP,
                                ReplicationAlerts.BROKER_URP, ReplicationAlerts.ISR_SHRINKS, TOPIC_AT_MIN_ISR,
                                FENCED_BROKERS, ConsumerStatusAlerts.STALLED, BrokerRequestAlerts.PRODUCE_LATENCY,
                                BrokerRequestAlerts.FETCH_LATENCY)), List.of("cluster")),
                        Inhibition.of(TOPIC_OFFLINE, PromQl.matchesAny("alertname", List.of(TOPIC_UNDER_MIN_ISR,
                                TOPIC_AT_MIN_ISR, ReplicationAlerts.TOPIC_URP)), List.of("cluster", "topic")),
                        // The per-topic view names the topic; the controller's cluster count is then redundant.
                        Inhibition.of(TOPIC_OFFLINE, PromQl.eq("alertname", ControllerAlerts.OFFLINE_PARTITIONS),
                                List.of("cluster"))));
    }

    private static PlatformSignal topic(String alert, MetricDef metric, SeverityRule severity, String forText,
                                        String summary, String meaning) {
        return new PlatformSignal(alert, severity, Durations.parse(forText),
                c -> "max by (cluster, topic) (" + metric.select(PromQl.eq("cluster", c)) + ") > 0",
                new Text(v -> "Topic " + v.label("topic") + " " + summary + ".",
                        v -> v.value(ValueUnit.NUMBER) + " partitions of topic " + v.label("topic") + " in cluster "
                                + v.label("cluster") + " " + meaning + "."),
                c -> Scenarios.gauge(metric, c, List.of("topic"), Map.of("topic", "orders"), 2,
                        Map.of("topic", "healthy"), 0));
    }
}
