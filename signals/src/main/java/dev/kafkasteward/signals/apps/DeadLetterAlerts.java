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
import dev.kafkasteward.signals.Scenarios;
import dev.kafkasteward.signals.SeverityRule;
import dev.kafkasteward.signals.Text;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Dead letters: any new record in a dead-letter topic fires at once (no {@code for}) and goes to
 * the owner of the dead-letter entry, who must act on it. The first entry in file order owns a topic.
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
            instances.add(to.alert(NEW_RECORDS, Condition.above("max by (cluster, topic) (" + ServingReplicas.only(
                    "increase(" + DeadLetterMetrics.RECORDS_WRITTEN.select(matchers) + "[" + window + "])") + ")", 0),
                    PromDuration.ofSeconds(0), SeverityRule.TIER,
                    new Text(v -> "New records arrived in dead-letter topic " + v.label("topic") + ".",
                            v -> v.value(ValueUnit.NUMBER) + " records were written to dead-letter topic "
                                    + v.label("topic") + " in cluster " + v.label("cluster") + " in the last " + window
                                    + ": they were not processed." + dlq.sourceTopic().map(s -> " Records come from " + v.text(s)
                                    + ".").orElse("") + " Owner: " + owner + "."),
                    claim.sample().map(topic -> List.of(Scenarios.counter(DeadLetterMetrics.RECORDS_WRITTEN, cluster,
                            List.of("topic"), Map.of("topic", topic), 1, Map.of("topic", topic + ".quiet"), 0, 5, 5)))
                            .orElse(List.of())));
        }
        return instances;
    }
}
