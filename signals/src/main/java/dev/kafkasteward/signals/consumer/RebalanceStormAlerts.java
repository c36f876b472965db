package dev.kafkasteward.signals.consumer;

import dev.kafkasteward.contract.catalog.AlertCatalog;
import dev.kafkasteward.contract.catalog.LagMetrics;
import dev.kafkasteward.contract.ownership.ConsumerGroupOwnership;
import dev.kafkasteward.contract.ownership.PromDuration;
import dev.kafkasteward.signals.AlertInstance;
import dev.kafkasteward.signals.Condition;
import dev.kafkasteward.signals.Scenarios;
import dev.kafkasteward.signals.ServingReplicas;
import dev.kafkasteward.signals.SeverityRule;
import dev.kafkasteward.signals.Text;
import dev.kafkasteward.signals.promql.ValueUnit;
import java.util.List;
import java.util.Map;

/**
 * Rebalance storms: a group that rebalances more than its entry's {@code max_rebalances} within its
 * {@code rebalance_window} spends its time reassigning partitions, however healthy its lag looks between the
 * rebalances. A warning to the group's owner.
 */
public final class RebalanceStormAlerts extends ConsumerFamily {

    public static final String STORM = AlertCatalog.CONSUMER_REBALANCE_STORM.name();

    public RebalanceStormAlerts(double timeScale, ConsumerEntries entries) {
        super(timeScale, entries);
    }

    @Override
    public String name() {
        return "consumer-rebalances";
    }

    @Override
    void instances(ConsumerEntries.Planned p, String cluster, List<AlertInstance> instances) {
        ConsumerGroupOwnership.RebalanceStorm storm = p.entry().rebalanceStorm();
        PromDuration window = window(storm.window());
        int max = storm.maxRebalances();
        // Each exporter replica counts from its own first sight of the group: the largest count, not their sum.
        Condition condition = Condition.above("max by (cluster, group) (" + ServingReplicas.only("increase("
                + LagMetrics.REBALANCES.select(p.matchers(cluster).toArray(String[]::new)) + "[" + window.text()
                + "])") + ")", max);
        Text text = new Text(v -> "Consumer group " + v.label("group") + " is in a rebalance storm.",
                v -> "Consumer group " + v.label("group") + " in cluster " + v.label("cluster") + " rebalanced "
                        + v.value(ValueUnit.NUMBER) + " times within " + storm.window().text() + " (allowed: " + max
                        + "): its members keep joining and leaving, and each rebalance pauses consumption. Owner: "
                        + p.entry().owner() + ".");
        int steps = (int) (storm.window().value().toMinutes());
        instances.add(p.recipient().alert(STORM, condition, scaled(p.tier().alertFor()), SeverityRule.WARNING, text,
                // In test steps (a minute, scaled like the window): the window's increase is exactly steps x rate.
                p.sample().map(group -> List.of(Scenarios.counter(LagMetrics.REBALANCES, cluster, List.of("group"),
                        Map.of("group", group), max + 1, Map.of("group", group + "-calm"), 0,
                        (max + 1) * (double) steps, steps))).orElse(List.of())));
    }
}
