package dev.kafkasteward.exporter.collect;

import java.time.Duration;

/**
 * Bounds of one collection cycle.
 *
 * @param requestTimeout      longest wait for any single Admin call
 * @param timestampReadBudget most partitions whose record timestamp may be fetched per cycle
 * @param timestampReadTime   longest time spent fetching record timestamps per cycle
 * @param topicConfigRefresh  how often all topic configs are described again (new topics are read at once)
 */
public record CollectorSettings(Duration requestTimeout, int timestampReadBudget, Duration timestampReadTime,
                                Duration topicConfigRefresh) {

    public static final Duration DEFAULT_TOPIC_CONFIG_REFRESH = Duration.ofMinutes(5);

    public static final CollectorSettings DEFAULTS =
            new CollectorSettings(Duration.ofSeconds(10), 2_000, Duration.ofSeconds(5));

    /** Settings with the default topic-config refresh interval. */
    public CollectorSettings(Duration requestTimeout, int timestampReadBudget, Duration timestampReadTime) {
        this(requestTimeout, timestampReadBudget, timestampReadTime, DEFAULT_TOPIC_CONFIG_REFRESH);
    }
}
