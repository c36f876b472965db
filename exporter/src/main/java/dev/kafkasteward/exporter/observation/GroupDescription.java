package dev.kafkasteward.exporter.observation;

import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * A consumer group's protocol, state, members and who owns which partition.
 *
 * @param assignmentKnown false while a classic group rebalances: its assignment is then stale, so
 *                        no partition may be called unassigned
 * @param owners          the member each partition is currently assigned to (members share one record)
 * @param groupEpoch      a consumer-protocol group's epoch, bumped by the coordinator at every rebalance (a new
 *                        target assignment); empty for classic groups, which do not report their generation,
 *                        and for groups known from the listing only ({@link #listedEmpty})
 * @param memberIds       the members' ids: a classic group's rebalance between two cycles shows as a change
 * @param streamsTasks    a described streams group's tasks and assignment epoch; empty for other groups
 */
public record GroupDescription(String groupId, GroupProtocol protocol, String state, int members,
                               Set<TopicPartitionId> assigned, boolean assignmentKnown,
                               Map<TopicPartitionId, Member> owners, OptionalInt groupEpoch, Set<String> memberIds,
                               Optional<StreamsGroupTasks> streamsTasks) {

    public GroupDescription {
        assigned = Set.copyOf(assigned);
        owners = Map.copyOf(owners);
        memberIds = Set.copyOf(memberIds);
    }

    /** Not a streams group. */
    public GroupDescription(String groupId, GroupProtocol protocol, String state, int members,
                            Set<TopicPartitionId> assigned, boolean assignmentKnown,
                            Map<TopicPartitionId, Member> owners, OptionalInt groupEpoch, Set<String> memberIds) {
        this(groupId, protocol, state, members, assigned, assignmentKnown, owners, groupEpoch, memberIds,
                Optional.empty());
    }

    /** Without epoch or member ids. */
    public GroupDescription(String groupId, GroupProtocol protocol, String state, int members,
                            Set<TopicPartitionId> assigned, boolean assignmentKnown,
                            Map<TopicPartitionId, Member> owners) {
        this(groupId, protocol, state, members, assigned, assignmentKnown, owners, OptionalInt.empty(), Set.of());
    }

    /** Without owners. */
    public GroupDescription(String groupId, GroupProtocol protocol, String state, int members,
                            Set<TopicPartitionId> assigned, boolean assignmentKnown) {
        this(groupId, protocol, state, members, assigned, assignmentKnown, Map.of());
    }

    /**
     * A group its coordinator listed as empty in this cycle: no members, nothing assigned. Listed, not
     * described, so no epoch: the next description compares with the epoch seen before.
     */
    public static GroupDescription listedEmpty(String groupId, GroupProtocol protocol) {
        return new GroupDescription(groupId, protocol, "empty", 0, Set.of(), true, Map.of(), OptionalInt.empty(),
                Set.of());
    }

    /** A member as the group describes it: where it runs, its member id and its client id. */
    public record Member(String host, String consumerId, String clientId) {
    }

    /** The group membership protocol: classic (JoinGroup/SyncGroup), KIP-848 consumer or KIP-1071 streams. */
    public enum GroupProtocol {
        CLASSIC, CONSUMER, STREAMS, OTHER;

        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
