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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Dead letters: any new record in a dead-letter topic fires at once (no {@code for}) and goes to
 * the owner of the dead-letter entry, who must act on it. The first entry in file order owns a topic.
 * New offsets that held no committed record (an aborted transaction and its marker) are taken off:
 * a dead letter whose transaction was rolled back reached nobody.
 */
public final class DeadLetterAlerts extends InstanceFamily {

    public static final String NEW_RECORDS = AlertCatalog.DEAD_LETTER_RECORDS.name();
    static final String WINDOW = "5m";

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
            // Both counters come from the same scrape, so increase() extrapolates them alike and their
            // difference is exactly the committed records.
            String arrived = "increase(" + DeadLetterMetrics.RECORDS_WRITTEN.select(matchers) + "[" + window + "]) - "
                    + "increase(" + DeadLetterMetrics.OFFSETS_SKIPPED.select(matchers) + "[" + window + "])";
            instances.add(to.alert(NEW_RECORDS, Condition.above("max by (cluster, topic) (" + ServingReplicas.only(
                    arrived) + ")", 0),
                    PromDuration.ofSeconds(0), SeverityRule.TIER,
                    new Text(v -> "New records arrived in dead-letter topic " + v.label("topic") + ".",
                            v -> v.value(ValueUnit.NUMBER) + " records were written to dead-letter topic "
                                    + v.label("topic") + " in cluster " + v.label("cluster") + " in the last " + window
                                    + ": they were not processed." + dlq.sourceTopic().map(s -> " Records come from " + v.text(s)
                                    + ".").orElse("") + " Owner: " + owner + "."),
                    claim.sample().map(topic -> List.of(scenario(cluster, topic))).orElse(List.of())));
        }
        return instances;
    }

    /**
     * Three offsets a minute on the firing topic, two of them aborted records and markers: the alert's
     * value is the one committed record a minute (5 in the window), not the three offsets.
     */
    private static Scenario scenario(String cluster, String topic) {
        Scenario written = Scenarios.counter(DeadLetterMetrics.RECORDS_WRITTEN, cluster, List.of("topic"),
                Map.of("topic", topic), 3, Map.of("topic", topic + ".quiet"), 0, 5, 5);
        List<Scenario.Input> inputs = new ArrayList<>(written.inputs());
        for (Scenario.Input in : written.inputs()) {
            double skippedPerMinute = in.step() > 0 ? 2 : 0;
            inputs.add(new Scenario.Input(DeadLetterMetrics.OFFSETS_SKIPPED.name(), in.labels(), 0, skippedPerMinute));
        }
        return new Scenario(inputs, written.firing(), written.rangeMinutes());
    }
}
