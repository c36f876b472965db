package dev.kafkasteward.rules.lag;

import dev.kafkasteward.contract.ownership.ConsumerGroupOwnership;
import dev.kafkasteward.contract.ownership.PromDuration;
import dev.kafkasteward.contract.ownership.Severity;
import dev.kafkasteward.contract.ownership.Tier;

/**
 * One planned lag-age alert: a planned consumer-group entry (the groups it owns, its tier) at one
 * level, with everything resolved that the rule and its test need.
 */
record LagAgeAlert(ConsumerEntries.Planned planned, Level level, PromDuration alertFor) {

    /** The two thresholds of a lag-age entry. */
    enum Level {
        WARNING("KafkaConsumerLagAgeWarning", "warning"),
        CRITICAL("KafkaConsumerLagAgeCritical", "critical");

        private final String alertName;
        private final String word;

        Level(String alertName, String word) {
            this.alertName = alertName;
            this.word = word;
        }

        String alertName() {
            return alertName;
        }

        String word() {
            return word;
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
     * The warning level pages as {@code warning}, the critical level with the tier's severity. A tier
     * of severity {@code info} makes both {@code info}: a lower threshold never pages louder.
     */
    Severity severity() {
        if (level == Level.CRITICAL || tier().severity() == Severity.INFO) {
            return tier().severity();
        }
        return Severity.WARNING;
    }
}
