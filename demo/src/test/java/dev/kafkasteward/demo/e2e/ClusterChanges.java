package dev.kafkasteward.demo.e2e;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewPartitionReassignment;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.config.ConfigResource;

/**
 * What an operator does to a cluster with {@code kafka-reassign-partitions} and {@code kafka-configs}, through
 * the Admin API the tools use: set and remove replication throttles, move replicas, wait for the move.
 */
final class ClusterChanges {

    private static final String LEADER_RATE = "leader.replication.throttled.rate";
    private static final String FOLLOWER_RATE = "follower.replication.throttled.rate";
    private static final String LEADER_REPLICAS = "leader.replication.throttled.replicas";
    private static final String FOLLOWER_REPLICAS = "follower.replication.throttled.replicas";

    private final Admin admin;

    ClusterChanges(Admin admin) {
        this.admin = admin;
    }

    /** The replica placement of {@code topic}, partition by partition. */
    List<List<Integer>> placement(String topic) throws Exception {
        TopicDescription d = admin.describeTopics(List.of(topic)).allTopicNames().get(10, TimeUnit.SECONDS).get(topic);
        List<List<Integer>> out = new ArrayList<>();
        for (TopicPartitionInfo p : d.partitions()) {
            out.add(p.replicas().stream().map(n -> n.id()).toList());
        }
        return out;
    }

    /**
     * Moves {@code topic}'s partitions to {@code target} (one replica list per partition), throttled as the tool's
     * {@code --throttle} does: {@code bytesPerSecond} on every broker involved, the current replicas listed as
     * throttled leaders and the new ones as throttled followers.
     */
    void reassignThrottled(String topic, List<List<Integer>> target, long bytesPerSecond) throws Exception {
        List<List<Integer>> current = placement(topic);
        List<String> leaders = new ArrayList<>();
        List<String> followers = new ArrayList<>();
        java.util.Set<Integer> brokers = new java.util.TreeSet<>();
        for (int p = 0; p < current.size(); p++) {
            for (int b : current.get(p)) {
                leaders.add(p + ":" + b);
                brokers.add(b);
            }
            for (int b : target.get(p)) {
                if (!current.get(p).contains(b)) {
                    followers.add(p + ":" + b);
                }
                brokers.add(b);
            }
        }
        for (int b : brokers) {
            alter(new ConfigResource(ConfigResource.Type.BROKER, Integer.toString(b)), List.of(
                    set(LEADER_RATE, Long.toString(bytesPerSecond)), set(FOLLOWER_RATE, Long.toString(bytesPerSecond))));
        }
        alter(new ConfigResource(ConfigResource.Type.TOPIC, topic), List.of(set(LEADER_REPLICAS,
                String.join(",", leaders)), set(FOLLOWER_REPLICAS, String.join(",", followers))));
        reassign(topic, target);
    }

    /** Moves {@code topic}'s partitions to {@code target}, unthrottled. */
    void reassign(String topic, List<List<Integer>> target) throws Exception {
        Map<TopicPartition, Optional<NewPartitionReassignment>> moves = new HashMap<>();
        for (int p = 0; p < target.size(); p++) {
            moves.put(new TopicPartition(topic, p), Optional.of(new NewPartitionReassignment(target.get(p))));
        }
        admin.alterPartitionReassignments(moves).all().get(10, TimeUnit.SECONDS);
    }

    boolean reassigning() throws Exception {
        return !admin.listPartitionReassignments().reassignments().get(10, TimeUnit.SECONDS).isEmpty();
    }

    /** Removes the throttle rates of {@code brokers} and the throttled replicas of {@code topic}, as --verify does. */
    void removeThrottles(Collection<Integer> brokers, String topic) throws Exception {
        for (int b : brokers) {
            alter(new ConfigResource(ConfigResource.Type.BROKER, Integer.toString(b)), List.of(delete(LEADER_RATE),
                    delete(FOLLOWER_RATE)));
        }
        alter(new ConfigResource(ConfigResource.Type.TOPIC, topic), List.of(delete(LEADER_REPLICAS),
                delete(FOLLOWER_REPLICAS)));
    }

    private void alter(ConfigResource resource, List<AlterConfigOp> ops) throws Exception {
        admin.incrementalAlterConfigs(Map.of(resource, ops)).all().get(10, TimeUnit.SECONDS);
    }

    private static AlterConfigOp set(String name, String value) {
        return new AlterConfigOp(new ConfigEntry(name, value), AlterConfigOp.OpType.SET);
    }

    private static AlterConfigOp delete(String name) {
        return new AlterConfigOp(new ConfigEntry(name, null), AlterConfigOp.OpType.DELETE);
    }
}
