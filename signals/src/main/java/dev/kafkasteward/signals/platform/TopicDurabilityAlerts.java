package dev.kafkasteward.signals.platform;

import dev.kafkasteward.contract.catalog.AlertCatalog;
import dev.kafkasteward.contract.catalog.MetricDef;
import dev.kafkasteward.contract.catalog.ReplicationMetrics;
import dev.kafkasteward.contract.ownership.Ownership;
import dev.kafkasteward.contract.ownership.ResponsibilityArea;
import dev.kafkasteward.contract.ownership.Tier;
import dev.kafkasteward.contract.ownership.TopicOwnership;
import dev.kafkasteward.signals.AlertInstance;
import dev.kafkasteward.signals.Condition;
import dev.kafkasteward.signals.InstanceFamily;
import dev.kafkasteward.signals.Scenario;
import dev.kafkasteward.signals.Recipient;
import dev.kafkasteward.signals.Scenarios;
import dev.kafkasteward.signals.ServingReplicas;
import dev.kafkasteward.signals.SeverityRule;
import dev.kafkasteward.signals.Text;
import dev.kafkasteward.signals.claim.Claim;
import dev.kafkasteward.signals.promql.Durations;
import dev.kafkasteward.signals.promql.ValueUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a tier promises about its topics' data, checked against each topic's configuration (seed 000:
 * durability is chosen per workload, and the choice must be explicit): a replication factor, a
 * min.insync.replicas, unclean leader election off and a retention floor, as the topic's tier declares
 * them under {@code durability}. A violation is a ticket, not a page — nothing is lost yet, the next
 * failure is what loses it — to the topic's owner with platform informed (producer delivery's area).
 * The thresholds live in the rules, like every other threshold; the exporter reports the facts.
 */
public final class TopicDurabilityAlerts extends InstanceFamily {

    public static final String REPLICATION_FACTOR = AlertCatalog.TOPIC_REPLICATION_FACTOR_BELOW_TIER.name();
    public static final String MIN_ISR = AlertCatalog.TOPIC_MIN_ISR_BELOW_TIER.name();
    public static final String UNCLEAN = AlertCatalog.TOPIC_UNCLEAN_ELECTION_ENABLED.name();
    public static final String RETENTION = AlertCatalog.TOPIC_RETENTION_BELOW_TIER.name();

    public TopicDurabilityAlerts(double timeScale) {
        super(timeScale);
    }

    @Override
    public String name() {
        return "topic-durability";
    }

    @Override
    public List<AlertInstance> instances(Ownership ownership) {
        String cluster = ownership.cluster();
        List<AlertInstance> instances = new ArrayList<>();
        for (Claim<TopicOwnership> claim : Claim.plan(ownership.topics(), ownership::topicOwner)) {
            TopicOwnership topic = claim.entry();
            Tier tier = ownership.tier(topic.tier());
            Tier.Durability policy = tier.durability();
            if (!policy.declared()) {
                continue;
            }
            Recipient to = Recipient.of(ownership, ResponsibilityArea.PRODUCER_DELIVERY, topic);
            String[] matchers = claim.matchers("topic", cluster).toArray(String[]::new);
            Optional<String> sample = claim.sample();
            policy.minReplicationFactor().ifPresent(rf -> instances.add(below(to, REPLICATION_FACTOR,
                    ReplicationMetrics.TOPIC_REPLICATION_FACTOR, matchers, rf, cluster, sample, tier,
                    "has fewer replicas than its tier requires",
                    "replicas (fewest of any partition)", " replicas", topic)));
            policy.minInsyncReplicas().ifPresent(isr -> instances.add(below(to, MIN_ISR,
                    ReplicationMetrics.TOPIC_MIN_INSYNC_REPLICAS, matchers, isr, cluster, sample, tier,
                    "accepts acks=all writes on fewer in-sync replicas than its tier requires",
                    "as min.insync.replicas", "", topic)));
            if (policy.uncleanElectionOff()) {
                MetricDef m = ReplicationMetrics.TOPIC_UNCLEAN_LEADER_ELECTION;
                Text text = new Text(v -> "Topic " + v.label("topic") + " allows unclean leader election.",
                        v -> "Topic " + v.label("topic") + " in cluster " + v.label("cluster") + " has"
                                + " unclean.leader.election.enable=true: when its in-sync replicas are lost, an"
                                + " out-of-sync replica may lead and acknowledged records are lost. Tier " + tier.name()
                                + " requires it off. Owner: " + topic.owner() + ".");
                instances.add(to.alert(UNCLEAN, Condition.equal(max(m, matchers), 1), scaled(Durations.parse("10m")),
                        SeverityRule.WARNING, text, sample.map(name -> List.of(Scenarios.gauge(m, cluster,
                                List.of("topic"), Map.of("topic", name), 1, Map.of("topic", name + "-safe"), 0)))
                                .orElse(List.<Scenario>of())));
            }
            policy.minRetention().ifPresent(floor -> {
                MetricDef m = ReplicationMetrics.TOPIC_RETENTION;
                long seconds = floor.seconds();
                Text text = new Text(v -> "Topic " + v.label("topic") + " keeps records shorter than its tier requires.",
                        v -> "Topic " + v.label("topic") + " in cluster " + v.label("cluster") + " deletes records"
                                + " after " + v.value(ValueUnit.DURATION) + "; tier " + tier.name() + " requires at least "
                                + floor + ", so consumers and replays have less"
                                + " time than promised. Owner: " + topic.owner() + ".");
                instances.add(to.alert(RETENTION, Condition.below(max(m, matchers), seconds),
                        scaled(Durations.parse("10m")), SeverityRule.WARNING, text,
                        sample.map(name -> List.of(Scenarios.gauge(m, cluster, List.of("topic"),
                                Map.of("topic", name), seconds / 2.0, Map.of("topic", name + "-safe"), seconds * 2.0)))
                                .orElse(List.<Scenario>of())));
            });
        }
        return instances;
    }

    /** A count the topic must have at least {@code required} of. */
    private AlertInstance below(Recipient to, String alert, MetricDef metric, String[] matchers, int required,
                                String cluster, Optional<String> sample, Tier tier, String summary, String what,
                                String unit, TopicOwnership topic) {
        Text text = new Text(v -> "Topic " + v.label("topic") + " " + summary + ".",
                v -> "Topic " + v.label("topic") + " in cluster " + v.label("cluster") + " has "
                        + v.value(ValueUnit.NUMBER) + " " + what + "; tier " + tier.name() + " requires at least "
                        + required + unit + ". One failure less is enough to lose or stop its data. Owner: "
                        + topic.owner() + ".");
        return to.alert(alert, Condition.below(max(metric, matchers), required), scaled(Durations.parse("10m")),
                SeverityRule.WARNING, text, sample.map(name -> List.of(Scenarios.gauge(metric, cluster,
                        List.of("topic"), Map.of("topic", name), required - 1, Map.of("topic", name + "-safe"),
                        required))).orElse(List.<Scenario>of()));
    }

    private static String max(MetricDef metric, String[] matchers) {
        return "max by (cluster, topic) (" + ServingReplicas.only(metric.select(matchers)) + ")";
    }
}
