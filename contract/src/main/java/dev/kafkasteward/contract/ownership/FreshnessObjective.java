package dev.kafkasteward.contract.ownership;

/**
 * A freshness SLO: lag age stays under {@code lagAgeUnder} for {@code objective} of the time
 * over {@code window}, e.g. "under 60 s for 99.5 % of 30 days".
 */
public record FreshnessObjective(PromDuration lagAgeUnder, Percent objective, PromDuration window) {

    public static final PromDuration DEFAULT_WINDOW = PromDuration.parse("30d").orElseThrow();
}
