package dev.kafkasteward.contract.ownership;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Consumer groups (by name or pattern), their owner, and their lag-age thresholds resolved
 * against the tier once, at load time.
 */
public record ConsumerGroupOwnership(NameSelector selector, String owner, String tier,
                                     PromDuration lagAgeWarning, PromDuration lagAgeCritical,
                                     Optional<FreshnessObjective> freshness, List<String> alsoNotify,
                                     Map<String, AlertOverride> alerts) implements OwnedSelection {

    public ConsumerGroupOwnership {
        alsoNotify = List.copyOf(alsoNotify);
        alerts = Map.copyOf(alerts);
    }
}
