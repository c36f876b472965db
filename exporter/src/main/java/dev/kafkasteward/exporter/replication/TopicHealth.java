package dev.kafkasteward.exporter.replication;

/**
 * Partition counts of one topic by condition.
 *
 * @param minIsrKnown whether the topic's min.insync.replicas was known; if not, the two min-ISR counts are 0
 *                    and mean nothing
 * @param durability  what the topic's placement and configuration guarantee; empty while its config is unknown
 */
public record TopicHealth(int underReplicated, int underMinIsr, int atMinIsr, int offline, int nonPreferredLeader,
                          int reassigning, boolean minIsrKnown, java.util.Optional<Durability> durability) {

    /** Without durability facts. */
    public TopicHealth(int underReplicated, int underMinIsr, int atMinIsr, int offline, int nonPreferredLeader,
                       int reassigning, boolean minIsrKnown) {
        this(underReplicated, underMinIsr, atMinIsr, offline, nonPreferredLeader, reassigning, minIsrKnown,
                java.util.Optional.empty());
    }

    /**
     * What a tier's durability policy is checked against.
     *
     * @param replicationFactor fewest replicas any partition has (replicas a reassignment is still adding not counted)
     * @param minInsyncReplicas min.insync.replicas
     * @param uncleanElection   unclean.leader.election.enable
     * @param retentionSeconds  retention.ms in seconds; +Inf when time-based deletion never removes records
     *                          (retention.ms -1, or cleanup.policy without delete)
     */
    public record Durability(int replicationFactor, int minInsyncReplicas, boolean uncleanElection,
                             double retentionSeconds) {
    }

    /** A topic known only by its under-replicated count (the other conditions 0, min ISR unknown). */
    public static TopicHealth underReplicatedOnly(int underReplicated) {
        return new TopicHealth(underReplicated, 0, 0, 0, 0, 0, false);
    }
}
