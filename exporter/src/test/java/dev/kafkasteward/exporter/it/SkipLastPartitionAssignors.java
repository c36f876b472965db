package dev.kafkasteward.exporter.it;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.kafka.clients.consumer.ConsumerPartitionAssignor;
import org.apache.kafka.common.Cluster;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.coordinator.group.api.assignor.ConsumerGroupPartitionAssignor;
import org.apache.kafka.coordinator.group.api.assignor.GroupAssignment;
import org.apache.kafka.coordinator.group.api.assignor.GroupSpec;
import org.apache.kafka.coordinator.group.api.assignor.MemberAssignment;
import org.apache.kafka.coordinator.group.api.assignor.SubscribedTopicDescriber;

/**
 * Assignors that leave the last partition of every topic without an owner, so a live group with an
 * unassigned partition can be produced on purpose — for both group protocols.
 */
public final class SkipLastPartitionAssignors {

    static final String NAME = "skip-last";

    private SkipLastPartitionAssignors() {
    }

    /** KIP-848: runs in the broker's group coordinator ({@code group.consumer.assignors}). */
    public static final class Server implements ConsumerGroupPartitionAssignor {
        @Override
        public String name() {
            return NAME;
        }

        @Override
        public GroupAssignment assign(GroupSpec group, SubscribedTopicDescriber topics) {
            List<String> members = new ArrayList<>(new TreeSet<>(group.memberIds()));
            Map<String, Map<Uuid, Set<Integer>>> out = new HashMap<>();
            members.forEach(m -> out.put(m, new HashMap<>()));
            Set<Uuid> subscribed = new HashSet<>();
            members.forEach(m -> subscribed.addAll(group.memberSubscription(m).subscribedTopicIds()));
            int next = 0;
            for (Uuid topic : new TreeSet<>(subscribed)) {
                int partitions = topics.numPartitions(topic);
                for (int p = 0; p < partitions - 1; p++) {
                    String member = members.get(next++ % members.size());
                    out.get(member).computeIfAbsent(topic, t -> new HashSet<>()).add(p);
                }
            }
            Map<String, MemberAssignment> assignments = new HashMap<>();
            out.forEach((m, parts) -> assignments.put(m, () -> parts));
            return new GroupAssignment(assignments);
        }
    }

    /** Classic protocol: runs in the group leader ({@code partition.assignment.strategy}). */
    public static final class Client implements ConsumerPartitionAssignor {
        @Override
        public String name() {
            return NAME;
        }

        @Override
        public GroupAssignment assign(Cluster metadata, GroupSubscription subscription) {
            List<String> members = new ArrayList<>(new TreeSet<>(subscription.groupSubscription().keySet()));
            Map<String, List<TopicPartition>> out = new HashMap<>();
            members.forEach(m -> out.put(m, new ArrayList<>()));
            Set<String> topics = new TreeSet<>();
            subscription.groupSubscription().values().forEach(s -> topics.addAll(s.topics()));
            int next = 0;
            for (String topic : topics) {
                Integer partitions = metadata.partitionCountForTopic(topic);
                for (int p = 0; p < (partitions == null ? 0 : partitions - 1); p++) {
                    out.get(members.get(next++ % members.size())).add(new TopicPartition(topic, p));
                }
            }
            Map<String, Assignment> assignments = new HashMap<>();
            out.forEach((m, parts) -> assignments.put(m, new Assignment(parts)));
            return new GroupAssignment(assignments);
        }
    }
}
