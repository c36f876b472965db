package dev.kafkasteward.exporter.funnel.kafka;

import java.time.Duration;

/**
 * How the funnel consumer runs.
 *
 * @param groupId          consumer group shared by all exporter replicas of one cluster
 * @param maxKeysPerFunnel correlation keys tracked at most per funnel and replica
 * @param publishEvery     how often state is swept (expiry, counts) and published, and offsets committed
 */
public record FunnelSettings(String groupId, int maxKeysPerFunnel, Duration publishEvery) {

    public static final int DEFAULT_MAX_KEYS = 2_000_000;

    /** Defaults for a cluster: group {@code kafka-steward-funnels-<cluster>}, publishing at most every second. */
    public static FunnelSettings forCluster(String cluster, Duration interval) {
        Duration every = interval.compareTo(Duration.ofSeconds(1)) < 0 ? interval : Duration.ofSeconds(1);
        return new FunnelSettings("kafka-steward-funnels-" + cluster, DEFAULT_MAX_KEYS, every);
    }
}
