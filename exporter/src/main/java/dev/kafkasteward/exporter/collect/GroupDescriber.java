package dev.kafkasteward.exporter.collect;

import dev.kafkasteward.exporter.observation.GroupDescription;
import dev.kafkasteward.exporter.observation.Stage;
import dev.kafkasteward.exporter.observation.TopicPartitionId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ClassicGroupDescription;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.GroupListing;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.admin.StreamsGroupDescription;
import org.apache.kafka.clients.admin.StreamsGroupMemberAssignment;
import org.apache.kafka.clients.admin.StreamsGroupMemberDescription;
import org.apache.kafka.common.ClassicGroupState;
import org.apache.kafka.common.GroupState;
import org.apache.kafka.common.GroupType;
import org.apache.kafka.common.KafkaFuture;

/**
 * Describes consumer and streams groups, each kind in its own protocol, and turns the answers into
 * {@link GroupDescription}s: state, members, who owns which partition, the epoch, a streams group's tasks.
 */
final class GroupDescriber {

    private final Admin admin;
    /** What is left of the cycle's deadline, asked before each wait. */
    private final LongSupplier timeoutMs;

    GroupDescriber(Admin admin, LongSupplier timeoutMs) {
        this.admin = admin;
        this.timeoutMs = timeoutMs;
    }

    /**
     * Descriptions by group id, the groups their coordinators say no longer exist, and whether a group was
     * found to have switched protocols since it was listed (then the listing should be read again).
     */
    record Descriptions(Map<String, GroupDescription> groups, Set<String> gone, boolean switched) {
    }

    /**
     * Classic groups through DescribeGroups, KIP-848 groups through ConsumerGroupDescribe, both in
     * flight together: asking each group in its own protocol saves the fallback round trip the Admin
     * client makes when a classic group is asked with ConsumerGroupDescribe. A group deleted between
     * list and describe comes back as GroupIdNotFound (counted, like any failed describe) or, from
     * older brokers, as a dead group; either way it is gone. Asked as classic, a group that became a
     * consumer group since it was listed (KIP-848's online migration; the listing is not read every
     * cycle) answers the same way, so a classic group gone is asked once more through
     * {@code describeConsumerGroups}, which speaks both protocols, before it counts as gone.
     */
    Descriptions describe(List<GroupListing> listings, Function<String, Integer> partitionCounts,
                          CycleErrors errors) {
        List<String> classic = new ArrayList<>();
        List<String> modern = new ArrayList<>();
        List<String> streams = new ArrayList<>();
        for (GroupListing l : listings) {
            GroupType type = l.type().orElse(GroupType.CLASSIC);
            (type == GroupType.CLASSIC ? classic : type == GroupType.STREAMS ? streams : modern).add(l.groupId());
        }
        Map<String, KafkaFuture<StreamsGroupDescription>> streamsFutures =
                streams.isEmpty() ? Map.of() : admin.describeStreamsGroups(streams).describedGroups();
        Map<String, KafkaFuture<ClassicGroupDescription>> classicFutures =
                classic.isEmpty() ? Map.of() : admin.describeClassicGroups(classic).describedGroups();
        Map<String, KafkaFuture<ConsumerGroupDescription>> modernFutures =
                modern.isEmpty() ? Map.of() : admin.describeConsumerGroups(modern).describedGroups();
        Map<String, GroupDescription> out = new TreeMap<>();
        Map<String, Optional<Exception>> gone = new TreeMap<>();
        collectDescriptions(classicFutures, d -> d.state() == ClassicGroupState.DEAD, this::describe, out, gone, errors);
        collectDescriptions(modernFutures, d -> d.groupState() == GroupState.DEAD, this::describe, out, gone, errors);
        collectDescriptions(streamsFutures, d -> d.groupState() == GroupState.DEAD, d -> describe(d, partitionCounts),
                out, gone, errors);
        List<String> classicGone = classic.stream().filter(gone::containsKey).toList();
        boolean switched = false;
        if (!classicGone.isEmpty()) {
            // Consumer-protocol groups were asked through describeConsumerGroups already. A classic one
            // described now is found; anything else (gone again, an error, no time left) keeps the
            // first answer.
            Map<String, GroupDescription> found = new TreeMap<>();
            collectDescriptions(admin.describeConsumerGroups(classicGone).describedGroups(),
                    d -> d.groupState() == GroupState.DEAD, this::describe, found, new TreeMap<>(), new CycleErrors());
            if (!found.isEmpty()) {
                out.putAll(found);
                gone.keySet().removeAll(found.keySet());
                switched = true; // list again, so that each group is asked in its protocol
            }
        }
        gone.values().forEach(e -> e.ifPresent(x -> errors.record(Stage.DESCRIBE_GROUPS, x)));
        return new Descriptions(out, gone.keySet(), switched);
    }

    /**
     * Awaits each group's description (either protocol): described, gone (dead, or not found: with
     * the exception, to be counted if it stays gone), or an error.
     */
    private <D> void collectDescriptions(Map<String, KafkaFuture<D>> futures, Predicate<D> dead,
                                        Function<D, GroupDescription> describe, Map<String, GroupDescription> out,
                                        Map<String, Optional<Exception>> gone, CycleErrors errors) {
        futures.forEach((groupId, future) -> {
            try {
                D d = future.get(timeoutMs.getAsLong(), TimeUnit.MILLISECONDS);
                if (dead.test(d)) {
                    gone.put(groupId, Optional.empty());
                } else {
                    out.put(groupId, describe.apply(d));
                }
            } catch (Exception e) {
                if (KafkaCollector.deleted(e)) {
                    gone.put(groupId, Optional.of(e));
                } else {
                    errors.record(Stage.DESCRIBE_GROUPS, e);
                }
            }
        });
    }

    /** Who owns which partition: each member's assignment, and with {@code targets} where a member is headed. */
    private record Ownership(Set<TopicPartitionId> assigned, Map<TopicPartitionId, GroupDescription.Member> owners) {

        static Ownership of(Collection<MemberDescription> members, boolean targets) {
            Set<TopicPartitionId> assigned = new HashSet<>();
            Map<TopicPartitionId, GroupDescription.Member> owners = new HashMap<>();
            for (MemberDescription m : members) {
                GroupDescription.Member member = member(m);
                m.assignment().topicPartitions().forEach(tp -> {
                    assigned.add(Partitions.id(tp));
                    owners.put(Partitions.id(tp), member);
                });
                if (targets) {
                    // KIP-848 groups reconcile towards a target; a partition on its way to a member has an owner.
                    m.targetAssignment().ifPresent(t -> t.topicPartitions().forEach(tp -> assigned.add(Partitions.id(tp))));
                }
            }
            return new Ownership(assigned, owners);
        }
    }

    private GroupDescription describe(ClassicGroupDescription d) {
        Ownership o = Ownership.of(d.members(), false);
        // A classic group's assignment is only current once it is stable again after a rebalance.
        boolean stable = d.state() == ClassicGroupState.STABLE;
        return new GroupDescription(d.groupId(), GroupDescription.GroupProtocol.CLASSIC,
                d.state().toString().toLowerCase(java.util.Locale.ROOT), d.members().size(), o.assigned(), stable,
                o.owners(), java.util.OptionalInt.empty(), memberIds(d.members()));
    }

    private GroupDescription describe(ConsumerGroupDescription d) {
        GroupDescription.GroupProtocol protocol = d.type() == GroupType.CONSUMER ? GroupDescription.GroupProtocol.CONSUMER
                : d.type() == GroupType.CLASSIC ? GroupDescription.GroupProtocol.CLASSIC
                : GroupDescription.GroupProtocol.OTHER;
        Ownership o = Ownership.of(d.members(), true);
        GroupState state = d.groupState();
        boolean assignmentKnown = protocol == GroupDescription.GroupProtocol.CONSUMER
                ? state != GroupState.DEAD
                : state == GroupState.STABLE;
        java.util.OptionalInt epoch = protocol == GroupDescription.GroupProtocol.CONSUMER
                ? d.groupEpoch().map(java.util.OptionalInt::of).orElse(java.util.OptionalInt.empty())
                : java.util.OptionalInt.empty();
        return new GroupDescription(d.groupId(), protocol, state.toString().toLowerCase(java.util.Locale.ROOT),
                d.members().size(), o.assigned(), assignmentKnown, o.owners(), epoch, memberIds(d.members()));
    }

    /**
     * A streams group (KIP-1071): its members are assigned tasks, a subtopology and partition numbers; a task's
     * partitions are those numbers of the subtopology's source topics (user and repartition topics), which is
     * what the group commits offsets for. A partition on its way to a member (target assignment) has an owner.
     */
    private GroupDescription describe(StreamsGroupDescription d, Function<String, Integer> partitionCounts) {
        Map<String, List<String>> sources = new HashMap<>();
        d.subtopologies().forEach(s -> {
            List<String> topics = new ArrayList<>(s.sourceTopics());
            topics.addAll(s.repartitionSourceTopics().keySet());
            sources.put(s.subtopologyId(), topics);
        });
        Set<TopicPartitionId> assigned = new HashSet<>();
        Map<TopicPartitionId, GroupDescription.Member> owners = new HashMap<>();
        Set<String> memberIds = new HashSet<>();
        for (StreamsGroupMemberDescription m : d.members()) {
            memberIds.add(m.memberId());
            GroupDescription.Member member = new GroupDescription.Member(m.clientHost(), m.memberId(), m.clientId());
            for (StreamsGroupMemberAssignment.TaskIds task : m.assignment().activeTasks()) {
                for (TopicPartitionId tp : taskPartitions(sources, task)) {
                    assigned.add(tp);
                    owners.put(tp, member);
                }
            }
            m.targetAssignment().activeTasks().forEach(task -> assigned.addAll(taskPartitions(sources, task)));
        }
        return new GroupDescription(d.groupId(), GroupDescription.GroupProtocol.STREAMS,
                d.groupState().toString().toLowerCase(java.util.Locale.ROOT), d.members().size(), assigned,
                d.groupState() != GroupState.DEAD, owners, java.util.OptionalInt.of(d.groupEpoch()), memberIds,
                Optional.of(StreamsTaskCount.of(d, partitionCounts)));
    }

    private static List<TopicPartitionId> taskPartitions(Map<String, List<String>> sources,
                                                         StreamsGroupMemberAssignment.TaskIds task) {
        List<TopicPartitionId> out = new ArrayList<>();
        for (String topic : sources.getOrDefault(task.subtopologyId(), List.of())) {
            task.partitions().forEach(p -> out.add(new TopicPartitionId(topic, p)));
        }
        return out;
    }

    private static Set<String> memberIds(Collection<MemberDescription> members) {
        return members.stream().map(MemberDescription::consumerId).collect(Collectors.toSet());
    }

    private static GroupDescription.Member member(MemberDescription m) {
        return new GroupDescription.Member(m.host(), m.consumerId(), m.clientId());
    }
}
