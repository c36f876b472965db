package dev.kafkasteward.rules.lag;

import dev.kafkasteward.contract.catalog.LagMetrics;
import dev.kafkasteward.contract.catalog.MetricDef;
import dev.kafkasteward.contract.ownership.ConsumerGroupOwnership;
import dev.kafkasteward.contract.ownership.PromDuration;
import dev.kafkasteward.contract.ownership.Tier;
import dev.kafkasteward.rules.prom.PromQl;
import dev.kafkasteward.rules.prom.ValueUnit;
import dev.kafkasteward.rules.signal.AlertInstance;
import dev.kafkasteward.rules.signal.Recipient;
import dev.kafkasteward.rules.signal.SeverityRule;
import dev.kafkasteward.rules.signal.Text;
import java.util.List;

/**
 * One planned lag-age alert: a planned consumer-group entry (the groups it owns, its tier) at one
 * level, with everything resolved that the rule and its test need.
 */
record LagAgeAlert(ConsumerEntries.Planned planned, Level level, PromDuration alertFor) {

    static final MetricDef METRIC = LagMetrics.LAG_AGE;
    /** The labels an alert keeps from the series: one alert per group and topic, not per partition. */
    static final List<String> BY = List.of("cluster", "group", "topic");

    /**
     * The two thresholds of a lag-age entry. The warning level pages as {@code warning}, the critical
     * level with the tier's severity; an {@code info} tier makes both {@code info}.
     */
    enum Level {
        WARNING("KafkaConsumerLagAgeWarning", "warning", SeverityRule.WARNING),
        CRITICAL("KafkaConsumerLagAgeCritical", "critical", SeverityRule.TIER);

        private final String alertName;
        private final String word;
        private final SeverityRule severity;

        Level(String alertName, String word, SeverityRule severity) {
            this.alertName = alertName;
            this.word = word;
            this.severity = severity;
        }

        String alertName() {
            return alertName;
        }
    }

    ConsumerGroupOwnership entry() {
        return planned.entry();
    }

    Tier tier() {
        return planned.tier();
    }

    String alertName() {
        return level.alertName();
    }

    PromDuration threshold() {
        return level == Level.WARNING ? entry().lagAgeWarning() : entry().lagAgeCritical();
    }

    double thresholdSeconds() {
        return threshold().value().toMillis() / 1000.0;
    }

    /**
     * The alert in {@code cluster}. Its promtool tests are per entry, both levels in one test
     * ({@link LagAgeTests}), so the instance carries no scenarios of its own.
     */
    AlertInstance instance(String cluster) {
        String expr = "max by (" + String.join(", ", BY) + ") (" + METRIC.select(planned.matchers(cluster)
                .toArray(String[]::new)) + ") > " + PromQl.number(thresholdSeconds());
        String owner = entry().owner();
        String threshold = threshold().text();
        Text text = new Text(v -> "Consumer group " + v.label("group") + " is more than " + threshold
                + " behind on topic " + v.label("topic") + ".",
                v -> "The oldest record consumer group " + v.label("group") + " has not consumed from topic "
                        + v.label("topic") + " in cluster " + v.label("cluster") + " is " + v.value(ValueUnit.DURATION)
                        + " old, above the " + level.word + " threshold of " + threshold + " for " + tier().name()
                        + ". Owner: " + owner + ".");
        return new Recipient(owner, tier(), cluster).alert(alertName(), expr, alertFor, level.severity, text,
                List.of());
    }
}
