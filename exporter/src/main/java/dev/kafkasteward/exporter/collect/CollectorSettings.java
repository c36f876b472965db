package dev.kafkasteward.exporter.collect;

import java.time.Duration;

/**
 * Bounds of one collection cycle.
 *
 * @param requestTimeout      longest wait for any single Admin call
 * @param timestampReadBudget most partitions whose record timestamp may be fetched per cycle
 * @param timestampReadTime   longest time spent fetching record timestamps per cycle
 * @param logStartEvery       log-start offsets are due again after this many cycles (they move only
 *                            when retention deletes a segment), and read when the request budget
 *                            gives them their turn; 1 makes them due every cycle
 * @param cycleDeadline       longest time the Admin phase of a cycle may take: whatever has not
 *                            answered by then is counted as an error and the snapshot is partial
 * @param topicConfigRefresh  how often all topic configs are described again (new topics are read at once)
 * @param placementRefresh    how often log dirs (one DescribeLogDirs per broker) and partition
 *                            reassignments fall due again (read when the request budget gives them their
 *                            turn): where data sits changes slowly, and a reassignment in progress is
 *                            followed every cycle; zero makes them due every cycle
 * @param requestsPerBroker   Admin requests per live broker that a warm cycle plans for: the periodic reads
 *                            (group listing, log starts, placement, topic configs) take turns within what
 *                            the reads for lag leave ({@link ReadSchedule}); first sightings, retries of
 *                            failed reads and dead-letter timestamp lookups are not planned. 0 makes every
 *                            periodic read as soon as it is due
 */
public record CollectorSettings(Duration requestTimeout, int timestampReadBudget, Duration timestampReadTime,
                                int logStartEvery, Duration cycleDeadline, Duration topicConfigRefresh,
                                Duration placementRefresh, int requestsPerBroker) {

    public static final Duration DEFAULT_TOPIC_CONFIG_REFRESH = Duration.ofMinutes(5);

    public static final Duration DEFAULT_PLACEMENT_REFRESH = Duration.ofSeconds(30);

    /**
     * Partitions whose record timestamps a cycle may read: after a cold start a 20,000-partition
     * cluster knows every lag age within four cycles; each read is one small fetch per partition,
     * and {@link #timestampReadTime} bounds a cycle's reading anyway.
     */
    public static final int DEFAULT_TIMESTAMP_READS = 5_000;

    /**
     * A warm cycle's reads for lag cost 3 requests per broker and 4 more (ReadSchedule#fixedCost); 6
     * leaves room for one periodic read per cycle on three brokers or more.
     */
    public static final int DEFAULT_REQUESTS_PER_BROKER = 6;

    public static final CollectorSettings DEFAULTS = new CollectorSettings(Duration.ofSeconds(10),
            DEFAULT_TIMESTAMP_READS, Duration.ofSeconds(5), 4, Duration.ofSeconds(30), DEFAULT_TOPIC_CONFIG_REFRESH,
            DEFAULT_PLACEMENT_REFRESH, DEFAULT_REQUESTS_PER_BROKER);

    public CollectorSettings {
        if (logStartEvery < 1) {
            throw new IllegalArgumentException("logStartEvery must be at least 1");
        }
        if (placementRefresh.isNegative()) {
            throw new IllegalArgumentException("placementRefresh must not be negative");
        }
        if (requestsPerBroker < 0) {
            throw new IllegalArgumentException("requestsPerBroker must be 0 (no budget) or more");
        }
    }

    /** With a cycle deadline of three request timeouts (30 s at least) and the default refresh intervals. */
    public CollectorSettings(Duration requestTimeout, int timestampReadBudget, Duration timestampReadTime,
                             int logStartEvery) {
        this(requestTimeout, timestampReadBudget, timestampReadTime, logStartEvery,
                requestTimeout.multipliedBy(3).compareTo(DEFAULTS.cycleDeadline()) > 0
                        ? requestTimeout.multipliedBy(3) : DEFAULTS.cycleDeadline(),
                DEFAULT_TOPIC_CONFIG_REFRESH, DEFAULT_PLACEMENT_REFRESH, DEFAULT_REQUESTS_PER_BROKER);
    }

    public CollectorSettings(Duration requestTimeout, int timestampReadBudget, Duration timestampReadTime) {
        this(requestTimeout, timestampReadBudget, timestampReadTime, DEFAULTS.logStartEvery());
    }

    /** These settings with another topic-config refresh interval. */
    public CollectorSettings withTopicConfigRefresh(Duration refresh) {
        return new CollectorSettings(requestTimeout, timestampReadBudget, timestampReadTime, logStartEvery,
                cycleDeadline, refresh, placementRefresh, requestsPerBroker);
    }

    /** These settings with another placement (log dirs, reassignments) refresh interval. */
    public CollectorSettings withPlacementRefresh(Duration refresh) {
        return new CollectorSettings(requestTimeout, timestampReadBudget, timestampReadTime, logStartEvery,
                cycleDeadline, topicConfigRefresh, refresh, requestsPerBroker);
    }

    /** These settings with another request budget per broker (0: none). */
    public CollectorSettings withRequestsPerBroker(int requests) {
        return new CollectorSettings(requestTimeout, timestampReadBudget, timestampReadTime, logStartEvery,
                cycleDeadline, topicConfigRefresh, placementRefresh, requests);
    }
}
