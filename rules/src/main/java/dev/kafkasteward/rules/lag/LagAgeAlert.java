package dev.kafkasteward.rules.lag;

import dev.kafkasteward.contract.ownership.ConsumerGroupOwnership;
import dev.kafkasteward.contract.ownership.NameSelector;
import dev.kafkasteward.contract.ownership.PromDuration;
import dev.kafkasteward.contract.ownership.Severity;
import dev.kafkasteward.contract.ownership.Tier;
import java.util.List;

/**
 * One planned lag-age alert: a consumer-group entry at one level, with the earlier entries it must
 * leave alone (first entry in file order owns a group) and everything resolved that the rule and
 * its test need.
 */
record LagAgeAlert(ConsumerGroupOwnership entry, Level level, Tier tier, List<NameSelector> excluded,
                   PromDuration alertFor) {

    LagAgeAlert {
        excluded = List.copyOf(excluded);
    }

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

    String alertName() {
        return level.alertName();
    }

    PromDuration threshold() {
        return level == Level.WARNING ? entry.lagAgeWarning() : entry.lagAgeCritical();
    }

    double thresholdSeconds() {
        return threshold().value().toMillis() / 1000.0;
    }

    /**
     * The warning level pages as {@code warning}, the critical level with the tier's severity. A tier
     * of severity {@code info} makes both {@code info}: a lower threshold never pages louder.
     */
    Severity severity() {
        if (level == Level.CRITICAL || tier.severity() == Severity.INFO) {
            return tier.severity();
        }
        return Severity.WARNING;
    }
}
