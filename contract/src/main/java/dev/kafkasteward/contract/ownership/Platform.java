package dev.kafkasteward.contract.ownership;

import java.util.Map;

/**
 * The team that owns brokers, controllers, disks and replication, its disk thresholds, and what it changes
 * about its own alerts ({@code alerts:}).
 */
public record Platform(String owner, String tier, Disk disk, Map<String, AlertOverride> alerts) {

    public Platform {
        alerts = Map.copyOf(alerts);
    }

    /** Usage ratios and time-to-exhaustion horizons that raise disk alerts. */
    public record Disk(Percent usageWarning, Percent usageCritical, PromDuration exhaustionWarning,
                       PromDuration exhaustionCritical) {

        public static final Disk DEFAULTS = new Disk(
                Percent.parse("80%").orElseThrow(), Percent.parse("90%").orElseThrow(),
                PromDuration.parse("1d").orElseThrow(), PromDuration.parse("4h").orElseThrow());
    }
}
