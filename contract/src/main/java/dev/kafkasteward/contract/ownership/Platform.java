package dev.kafkasteward.contract.ownership;

/** The team that owns brokers, controllers, disks and replication, and its disk thresholds. */
public record Platform(String owner, String tier, Disk disk) {

    /** Usage ratios and time-to-exhaustion horizons that raise disk alerts. */
    public record Disk(Percent usageWarning, Percent usageCritical, PromDuration exhaustionWarning,
                       PromDuration exhaustionCritical) {

        public static final Disk DEFAULTS = new Disk(
                Percent.parse("80%").orElseThrow(), Percent.parse("90%").orElseThrow(),
                PromDuration.parse("1d").orElseThrow(), PromDuration.parse("4h").orElseThrow());
    }
}
