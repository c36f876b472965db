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
                                     Map<String, AlertOverride> alerts, RebalanceStorm rebalanceStorm)
        implements OwnedSelection {

    public ConsumerGroupOwnership {
        alsoNotify = List.copyOf(alsoNotify);
        alerts = Map.copyOf(alerts);
    }

    /** With the default rebalance-storm thresholds. */
    public ConsumerGroupOwnership(NameSelector selector, String owner, String tier, PromDuration lagAgeWarning,
                                  PromDuration lagAgeCritical, Optional<FreshnessObjective> freshness,
                                  List<String> alsoNotify, Map<String, AlertOverride> alerts) {
        this(selector, owner, tier, lagAgeWarning, lagAgeCritical, freshness, alsoNotify, alerts,
                RebalanceStorm.DEFAULTS);
    }

    /**
     * More than {@code maxRebalances} rebalances within {@code window} is a storm: the group spends its time
     * reassigning partitions instead of consuming, however healthy its lag looks between them.
     *
     * @param window whole minutes (the generated promtool tests step by the minute)
     */
    public record RebalanceStorm(int maxRebalances, PromDuration window) {
        public static final RebalanceStorm DEFAULTS = new RebalanceStorm(10, PromDuration.parse("15m").orElseThrow());
    }
}
