package dev.kafkasteward.exporter.collect;

import java.time.Duration;

/**
 * Bounds of one collection cycle.
 *
 * @param requestTimeout      longest wait for any single Admin call
 * @param timestampReadBudget most partitions whose record timestamp may be fetched per cycle
 * @param timestampReadTime   longest time spent fetching record timestamps per cycle
 * @param logStartEvery       log-start offsets are re-read every this many cycles (they move only
 *                            when retention deletes a segment); 1 reads them every cycle
 */
public record CollectorSettings(Duration requestTimeout, int timestampReadBudget, Duration timestampReadTime,
                                int logStartEvery) {

    public static final CollectorSettings DEFAULTS =
            new CollectorSettings(Duration.ofSeconds(10), 1_000, Duration.ofSeconds(5), 4);

    public CollectorSettings {
        if (logStartEvery < 1) {
            throw new IllegalArgumentException("logStartEvery must be at least 1");
        }
    }

    public CollectorSettings(Duration requestTimeout, int timestampReadBudget, Duration timestampReadTime) {
        this(requestTimeout, timestampReadBudget, timestampReadTime, DEFAULTS.logStartEvery());
    }
}
