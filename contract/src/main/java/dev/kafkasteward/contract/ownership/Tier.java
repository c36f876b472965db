package dev.kafkasteward.contract.ownership;

/**
 * A criticality class: the severity its assets page with and the default thresholds they inherit
 * unless the asset overrides them.
 */
public record Tier(String name, Severity severity, PromDuration lagAgeWarning, PromDuration lagAgeCritical,
                   PromDuration alertFor) {

    public static final PromDuration DEFAULT_LAG_AGE_WARNING = PromDuration.parse("5m").orElseThrow();
    public static final PromDuration DEFAULT_LAG_AGE_CRITICAL = PromDuration.parse("15m").orElseThrow();
    public static final PromDuration DEFAULT_FOR = PromDuration.parse("2m").orElseThrow();
}
