package dev.kafkasteward.signals.apps;

import dev.kafkasteward.contract.catalog.AlertCatalog;
import dev.kafkasteward.contract.catalog.DeadLetterMetrics;
import dev.kafkasteward.contract.ownership.DeadLetterTopic;
import dev.kafkasteward.contract.ownership.Ownership;
import dev.kafkasteward.contract.ownership.PromDuration;
import dev.kafkasteward.contract.ownership.ResponsibilityArea;
import dev.kafkasteward.signals.ServingReplicas;
import dev.kafkasteward.signals.Condition;
import dev.kafkasteward.signals.claim.Claim;
import dev.kafkasteward.signals.promql.ValueUnit;
import dev.kafkasteward.signals.AlertInstance;
import dev.kafkasteward.signals.InstanceFamily;
import dev.kafkasteward.signals.Recipient;
import dev.kafkasteward.signals.Scenario;
import dev.kafkasteward.signals.Scenarios;
import dev.kafkasteward.signals.SeverityRule;
import dev.kafkasteward.signals.Text;
import dev.kafkasteward.contract.catalog.LagMetrics;
import dev.kafkasteward.contract.catalog.MetricDef;
import dev.kafkasteward.signals.promql.PromQl;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Dead letters: any new record in a dead-letter topic fires at once (no {@code for}) and goes to
 * the owner of the dead-letter entry, who must act on it. The first entry in file order owns a topic.
 * A dead letter whose transaction was rolled back reached nobody and does not fire: the alert fires
 * on committed dead letters read, or on new offsets the exporter did not see as skipped once it has
 * read everything (records written while it was down, or before it read them with every offset
 * judged).
 */
public final class DeadLetterAlerts extends InstanceFamily {

    public static final String NEW_RECORDS = AlertCatalog.DEAD_LETTER_RECORDS.name();
    static final String WINDOW = "5m";

    public static final String DECISIONS_PENDING = AlertCatalog.DEAD_LETTER_DECISIONS_PENDING.name();

    private final String window;

    public DeadLetterAlerts(double timeScale) {
        super(timeScale);
        this.window = window(WINDOW);
    }

    @Override
    public String name() {
        return "dead-letters";
    }

    @Override
    public List<AlertInstance> instances(Ownership ownership) {
        String cluster = ownership.cluster();
        List<AlertInstance> instances = new ArrayList<>();
        for (Claim<DeadLetterTopic> claim : Claim.plan(ownership.deadLetterTopics(), ownership::deadLetterTopic)) {
            DeadLetterTopic dlq = claim.entry();
            String owner = dlq.owner();
            String[] matchers = claim.matchers("topic", cluster).toArray(String[]::new);
            Recipient to = Recipient.of(ownership, ResponsibilityArea.DEAD_LETTERS, dlq);
            // max, not sum: every exporter replica counts the same records from the same offsets.
            // Committed dead letters read; else new offsets, unless some were seen aborted, once every
            // offset is read (an open transaction holds the reader back, and is not judged before it ends).
            // Parenthesised whole: "and" binds tighter than "or", and the serving filter is for both.
            String arrived = "((increase(" + DeadLetterMetrics.RECORDS_READ.select(matchers) + "[" + window + "]) > 0)"
                    + " or ((increase(" + DeadLetterMetrics.RECORDS_WRITTEN.select(matchers) + "[" + window + "]) > 0"
                    + " unless increase(" + DeadLetterMetrics.OFFSETS_SKIPPED.select(matchers) + "[" + window
                    + "]) > 0) and " + DeadLetterMetrics.UNREAD_RECORDS.select(matchers) + " == 0))";
            instances.add(to.alert(NEW_RECORDS, Condition.above("max by (cluster, topic) (" + ServingReplicas.only(
                    arrived) + ")", 0),
                    PromDuration.ofSeconds(0), SeverityRule.TIER,
                    new Text(v -> "New records arrived in dead-letter topic " + v.label("topic") + ".",
                            v -> v.value(ValueUnit.NUMBER) + " records were written to dead-letter topic "
                                    + v.label("topic") + " in cluster " + v.label("cluster") + " in the last " + window
                                    + ": they were not processed." + dlq.sourceTopic().map(s -> " Records come from " + v.text(s)
                                    + ".").orElse("") + " Owner: " + owner + "."),
                    claim.sample().map(topic -> List.of(scenario(cluster, topic))).orElse(List.of())));
            dlq.decisions().ifPresent(d -> instances.add(decisionsPending(to, d, claim, cluster, owner)));
        }
        return instances;
    }

    /**
     * Records still awaiting a replay-or-close decision longer than the entry's {@code decide_within}: the
     * age of the oldest record the decision group has not committed past (its lag age on the topic), so a
     * ticket stays open until every old dead letter has been replayed or closed.
     */
    private AlertInstance decisionsPending(Recipient to, DeadLetterTopic.Decisions d, Claim<DeadLetterTopic> claim,
                                           String cluster, String owner) {
        List<String> matchers = new ArrayList<>(claim.matchers("topic", cluster));
        matchers.add(PromQl.eq("group", d.group()));
        String[] m = matchers.toArray(String[]::new);
        long threshold = scaled(d.decideWithin()).seconds();
        MetricDef age = LagMetrics.TOPIC_MAX_LAG_AGE;
        return to.alert(DECISIONS_PENDING, Condition.above("max by (cluster, topic) (" + ServingReplicas.only(
                        age.select(m)) + ")", threshold), scaled(PromDuration.ofSeconds(300)), SeverityRule.WARNING,
                new Text(v -> "Dead letters of " + v.label("topic") + " await a replay-or-close decision.",
                        v -> "The oldest record of dead-letter topic " + v.label("topic") + " in cluster "
                                + v.label("cluster") + " not yet replayed or closed (decision group " + v.text(d.group())
                                + ") is " + v.value(ValueUnit.DURATION) + " old; decisions are due within "
                                + d.decideWithin() + ". Owner: " + owner + "."),
                claim.sample().map(topic -> List.of(Scenarios.gauge(age, cluster, List.of("topic"),
                        Map.of("group", d.group(), "topic", topic), threshold * 2.0,
                        Map.of("group", d.group(), "topic", topic + ".quiet"), threshold / 2.0)))
                        .orElse(List.<Scenario>of()));
    }

    /**
     * The firing topic's offsets, 1,000 when the exporter started, grow by three a minute, two of them
     * aborted records and markers: the alert's value is the one committed record read a minute (5 in
     * the window), not the offsets.
     */
    private static Scenario scenario(String cluster, String topic) {
        Scenario read = Scenarios.counter(DeadLetterMetrics.RECORDS_READ, cluster, List.of("topic"),
                Map.of("topic", topic), 1, Map.of("topic", topic + ".quiet"), 0, 5, 5);
        List<Scenario.Input> inputs = new ArrayList<>(read.inputs());
        for (Scenario.Input in : read.inputs()) {
            boolean firing = in.step() > 0;
            inputs.add(new Scenario.Input(DeadLetterMetrics.RECORDS_WRITTEN.name(), in.labels(), 1000, firing ? 3 : 0));
            inputs.add(new Scenario.Input(DeadLetterMetrics.OFFSETS_SKIPPED.name(), in.labels(), 0, firing ? 2 : 0));
            inputs.add(new Scenario.Input(DeadLetterMetrics.UNREAD_RECORDS.name(), in.labels(), 0, 0));
        }
        return new Scenario(inputs, read.firing(), read.rangeMinutes());
    }
}
