package dev.kafkasteward.signals.consumer;

import dev.kafkasteward.contract.catalog.AlertCatalog;
import dev.kafkasteward.contract.catalog.LagMetrics;
import dev.kafkasteward.contract.catalog.MetricDef;
import dev.kafkasteward.contract.ownership.ConsumerGroupOwnership;
import dev.kafkasteward.contract.ownership.Ownership;
import dev.kafkasteward.contract.ownership.PromDuration;
import dev.kafkasteward.signals.ServingReplicas;
import dev.kafkasteward.signals.AlertInstance;
import dev.kafkasteward.signals.Condition;
import dev.kafkasteward.signals.Inhibition;
import dev.kafkasteward.signals.Recipient;
import dev.kafkasteward.signals.Scenario;
import dev.kafkasteward.signals.Scenario.Firing;
import dev.kafkasteward.signals.Scenario.Input;
import dev.kafkasteward.signals.Scenarios;
import dev.kafkasteward.signals.SeverityRule;
import dev.kafkasteward.signals.Text;
import dev.kafkasteward.signals.promql.PromQl;
import dev.kafkasteward.signals.promql.ValueUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Consumer lag age: for every consumer-group entry, a warning and a critical alert on the age of
 * the oldest unconsumed record per group and topic, routed to the entry's owner.
 */
public final class LagAgeAlerts extends ConsumerFamily {

    public static final String WARNING_ALERT = AlertCatalog.CONSUMER_LAG_AGE_WARNING.name();
    public static final String CRITICAL_ALERT = AlertCatalog.CONSUMER_LAG_AGE_CRITICAL.name();
    static final MetricDef METRIC = LagMetrics.LAG_AGE;
    /** The labels an alert keeps from the series: one alert per group and topic, not per partition. */
    static final List<String> BY = List.of("cluster", "group", "topic");

    /**
     * The two thresholds of a lag-age entry. The warning level pages as {@code warning}, the critical
     * level with the tier's severity; an {@code info} tier makes both {@code info}.
     */
    private enum Level {
        WARNING(WARNING_ALERT, "warning", SeverityRule.WARNING),
        CRITICAL(CRITICAL_ALERT, "critical", SeverityRule.TIER);

        private final String alert;
        private final String word;
        private final SeverityRule severity;

        Level(String alert, String word, SeverityRule severity) {
            this.alert = alert;
            this.word = word;
            this.severity = severity;
        }

        PromDuration threshold(ConsumerGroupOwnership entry) {
            return this == WARNING ? entry.lagAgeWarning() : entry.lagAgeCritical();
        }
    }

    public LagAgeAlerts(double timeScale, ConsumerEntries entries) {
        super(timeScale, entries);
    }

    @Override
    public String name() {
        return "consumer-lag-age";
    }

    @Override
    void instances(ConsumerEntries.Planned p, String cluster, List<AlertInstance> instances) {
        PromDuration alertFor = scaled(p.tier().alertFor());
        String owner = p.entry().owner();
        Recipient to = p.recipient();
        for (Level level : Level.values()) {
            String threshold = level.threshold(p.entry()).text();
            double seconds = seconds(level.threshold(p.entry()));
            Condition condition = Condition.above("max by (" + String.join(", ", BY) + ") ("
                    + ServingReplicas.only(METRIC.select(p.matchers(cluster).toArray(String[]::new))) + ")", seconds);
            Text text = new Text(v -> "Consumer group " + v.label("group") + " is more than " + threshold
                    + " behind on topic " + v.label("topic") + ".",
                    v -> "The oldest record consumer group " + v.label("group") + " has not consumed from topic "
                            + v.label("topic") + " in cluster " + v.label("cluster") + " is "
                            + v.value(ValueUnit.DURATION) + " old, above the " + level.word + " threshold of "
                            + threshold + " for " + p.tier().name() + ". Owner: " + owner + ".");
            instances.add(to.alert(level.alert, condition, alertFor, level.severity, text,
                    scenarios(p, cluster, seconds)));
        }
    }

    /** While the critical alert fires for a group and topic, its warning is muted. */
    @Override
    public List<Inhibition> inhibitions() {
        return List.of(Inhibition.of(CRITICAL_ALERT, PromQl.eq("alertname", WARNING_ALERT), BY));
    }

    /**
     * One group the entry owns, with a topic above the critical threshold (partition 0 lagging,
     * partition 1 caught up), one just above the warning threshold, one just below it, and the first
     * in another cluster; the alert at {@code threshold} fires for the topics above it.
     */
    private static List<Scenario> scenarios(ConsumerEntries.Planned p, String cluster, double threshold) {
        return p.sample().map(group -> {
            double warning = seconds(p.entry().lagAgeWarning());
            double critical = seconds(p.entry().lagAgeCritical());
            List<Input> inputs = new ArrayList<>();
            Map<String, Double> worstByTopic = new TreeMap<>();
            inputs.add(point(cluster, group, "above-critical", "0", critical + 1, worstByTopic));
            inputs.add(point(cluster, group, "above-critical", "1", 0, worstByTopic));
            if (warning + 1 <= critical) {
                inputs.add(point(cluster, group, "above-warning", "0", warning + 1, worstByTopic));
            }
            inputs.add(point(cluster, group, "below-warning", "0", Math.max(0, warning - 1), worstByTopic));
            inputs.add(point(cluster + Scenarios.OTHER_CLUSTER_SUFFIX, group, "above-critical", "0", critical + 1,
                    new TreeMap<>()));
            List<Firing> firing = new ArrayList<>();
            worstByTopic.forEach((topic, value) -> {
                if (value > threshold) {
                    firing.add(Firing.of(Map.of("cluster", cluster, "group", group, "topic", topic), value));
                }
            });
            return List.of(new Scenario(inputs, firing, 0));
        }).orElse(List.of());
    }

    private static Input point(String cluster, String group, String topic, String partition, double value,
                               Map<String, Double> worstByTopic) {
        worstByTopic.merge(topic, value, Math::max);
        return Input.gauge(METRIC, Map.of("cluster", cluster, "group", group, "topic", topic, "partition", partition),
                value);
    }

    private static double seconds(PromDuration duration) {
        return duration.value().toMillis() / 1000.0;
    }
}
