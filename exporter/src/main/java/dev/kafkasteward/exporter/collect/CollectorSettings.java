package dev.kafkasteward.exporter.collect;

import java.time.Duration;

/**
 * Bounds of one collection cycle.
 *
 * @param requestTimeout      longest wait for any single Admin call
 * @param timestampReadBudget most partitions whose record timestamp may be fetched per cycle
 * @param timestampReadTime   longest time spent fetching record timestamps per cycle
 */
public record CollectorSettings(Duration requestTimeout, int timestampReadBudget, Duration timestampReadTime) {

    public static final CollectorSettings DEFAULTS =
            new CollectorSettings(Duration.ofSeconds(10), 2_000, Duration.ofSeconds(5));
}
