package dev.kafkasteward.exporter.observation;

import java.util.Set;
import java.util.TreeSet;

/**
 * A topic's {@code leader.replication.throttled.replicas} or {@code follower.replication.throttled.replicas}:
 * the replicas whose replication traffic the brokers' throttle rates limit. Kafka's reassignment tool sets
 * them for the partitions it moves and removes them when it verifies the move.
 *
 * @param all      the value is {@code *}: every replica of the topic
 * @param replicas the listed {@code partition:broker} pairs otherwise
 */
public record ThrottledReplicas(boolean all, Set<String> replicas) {

    public static final ThrottledReplicas NONE = new ThrottledReplicas(false, Set.of());

    public ThrottledReplicas {
        replicas = Set.copyOf(replicas);
    }

    /** Parses the config value; blank means none. Malformed entries are kept as listed: each still names a replica. */
    public static ThrottledReplicas parse(String value) {
        if (value == null || value.isBlank()) {
            return NONE;
        }
        if (value.trim().equals("*")) {
            return new ThrottledReplicas(true, Set.of());
        }
        Set<String> out = new TreeSet<>();
        for (String entry : value.split(",")) {
            if (!entry.isBlank()) {
                out.add(entry.trim());
            }
        }
        return new ThrottledReplicas(false, out);
    }

    public boolean any() {
        return all || !replicas.isEmpty();
    }

    /** How many replicas are throttled, for a topic of {@code topicReplicas} replicas in all. */
    public int count(int topicReplicas) {
        return all ? topicReplicas : replicas.size();
    }
}
