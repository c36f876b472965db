package dev.kafkasteward.signals.platform;

import dev.kafkasteward.contract.catalog.AlertCatalog;
import dev.kafkasteward.contract.catalog.MetricDef;
import dev.kafkasteward.contract.catalog.ReplicationMetrics;
import dev.kafkasteward.contract.ownership.Ownership;
import dev.kafkasteward.contract.ownership.PromDuration;
import dev.kafkasteward.contract.ownership.ResponsibilityArea;
import dev.kafkasteward.contract.ownership.TopicOwnership;
import dev.kafkasteward.signals.ServingReplicas;
import dev.kafkasteward.signals.AlertInstance;
import dev.kafkasteward.signals.Condition;
import dev.kafkasteward.signals.Inhibition;
import dev.kafkasteward.signals.InstanceFamily;
import dev.kafkasteward.signals.Recipient;
import dev.kafkasteward.signals.Scenarios;
import dev.kafkasteward.signals.SeverityRule;
import dev.kafkasteward.signals.Text;
import dev.kafkasteward.signals.claim.Claim;
import dev.kafkasteward.signals.promql.Durations;
import dev.kafkasteward.signals.promql.PromQl;
import dev.kafkasteward.signals.promql.ValueUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What producers of a topic feel, to the topic's owner (seed 000: producer delivery is the application
 * team's, with platform support): partitions under min ISR (acks=all writes fail with NotEnoughReplicas),
 * at min ISR after losing replicas (one more failure and they do), and offline (no leader). Per topic entry;
 * topics no entry claims go to the {@code unowned} owner. The platform keeps the broker-wide view
 * ({@code KafkaBrokerUnderMinIsr}, {@code KafkaOfflinePartitions}).
 */
public final class TopicDeliveryAlerts extends InstanceFamily {

    public static final String UNDER_MIN_ISR = AlertCatalog.TOPIC_UNDER_MIN_ISR.name();
    public static final String OFFLINE = AlertCatalog.TOPIC_OFFLINE_PARTITIONS.name();
    public static final String AT_MIN_ISR = AlertCatalog.TOPIC_AT_MIN_ISR.name();

    /** One per-topic signal: the count per topic that must stay 0, and what it means to producers. */
    private record TopicSignal(String alert, MetricDef metric, SeverityRule severity, PromDuration alertFor,
                               String summary, String meaning) {
    }

    private static final List<TopicSignal> SIGNALS = List.of(
            new TopicSignal(UNDER_MIN_ISR, ReplicationMetrics.TOPIC_UNDER_MIN_ISR_PARTITIONS, SeverityRule.TIER,
                    Durations.parse("1m"), "has partitions under min ISR",
                    "have fewer in-sync replicas than min.insync.replicas: acks=all writes to them fail"
                            + " (NotEnoughReplicas)"),
            new TopicSignal(OFFLINE, ReplicationMetrics.TOPIC_OFFLINE_PARTITIONS, SeverityRule.TIER,
                    Durations.parse("1m"), "has offline partitions", "have no leader: nobody can write or read them"),
            new TopicSignal(AT_MIN_ISR, ReplicationMetrics.TOPIC_AT_MIN_ISR_PARTITIONS, SeverityRule.WARNING,
                    Durations.parse("15m"), "is one replica failure away from rejecting writes",
                    "are at exactly min.insync.replicas after losing replicas"));

    public TopicDeliveryAlerts(double timeScale) {
        super(timeScale);
    }

    @Override
    public String name() {
        return "topic-delivery";
    }

    @Override
    public List<AlertInstance> instances(Ownership ownership) {
        String cluster = ownership.cluster();
        List<AlertInstance> instances = new ArrayList<>();
        for (Claim<TopicOwnership> claim : Claim.plan(ownership.topics(), ownership::topicOwner)) {
            TopicOwnership topic = claim.entry();
            Recipient to = Recipient.of(ownership, ResponsibilityArea.PRODUCER_DELIVERY, topic);
            String[] matchers = claim.matchers("topic", cluster).toArray(String[]::new);
            for (TopicSignal s : SIGNALS) {
                Text text = new Text(v -> "Topic " + v.label("topic") + " " + s.summary() + ".",
                        v -> v.value(ValueUnit.NUMBER) + " partitions of topic " + v.label("topic") + " in cluster "
                                + v.label("cluster") + " " + s.meaning() + ". Owner: " + topic.owner() + ".");
                instances.add(to.alert(s.alert(), Condition.above("max by (cluster, topic) ("
                                + ServingReplicas.only(s.metric().select(matchers)) + ")", 0), scaled(s.alertFor()),
                        s.severity(), text,
                        claim.sample().map(name -> List.of(Scenarios.gauge(s.metric(), cluster, List.of("topic"),
                                Map.of("topic", name), 2, Map.of("topic", name + "-healthy"), 0))).orElse(List.of())));
            }
        }
        return instances;
    }

    /** Offline partitions explain the ISR alerts of the same topic: nobody leads them. */
    @Override
    public List<Inhibition> inhibitions() {
        // Not the controller's KafkaOfflinePartitions: it is the platform's page, this one the topic owner's.
        return List.of(Inhibition.of(OFFLINE, PromQl.matchesAny("alertname", List.of(UNDER_MIN_ISR, AT_MIN_ISR,
                ReplicationAlerts.TOPIC_URP)), List.of("cluster", "topic")));
    }
}
