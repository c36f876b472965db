package dev.kafkasteward.exporter.change;

/**
 * The replicas of a topic its config lists as throttled (Kafka's reassignment tool sets both lists for the
 * partitions it moves).
 *
 * @param leaderReplicas   replicas in {@code leader.replication.throttled.replicas} ({@code *}: all of them)
 * @param followerReplicas replicas in {@code follower.replication.throttled.replicas}
 */
public record TopicThrottle(int leaderReplicas, int followerReplicas) {
}
