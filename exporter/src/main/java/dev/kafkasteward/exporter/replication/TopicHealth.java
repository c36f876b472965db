package dev.kafkasteward.exporter.replication;

/**
 * Partition counts of one topic by condition.
 *
 * @param minIsrKnown whether the topic's min.insync.replicas was known; if not, the two min-ISR counts are 0
 *                    and mean nothing
 */
public record TopicHealth(int underReplicated, int underMinIsr, int atMinIsr, int offline, int nonPreferredLeader,
                          int reassigning, boolean minIsrKnown) {

    /** A topic known only by its under-replicated count (the other conditions 0, min ISR unknown). */
    public static TopicHealth underReplicatedOnly(int underReplicated) {
        return new TopicHealth(underReplicated, 0, 0, 0, 0, 0, false);
    }
}
