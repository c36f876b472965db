package dev.kafkasteward.exporter.observation;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;

/**
 * A share group (KIP-932) as its last answer told: its state and members from DescribeShareGroups, and per
 * share-partition the start offset and backlog from DescribeShareGroupOffsets.
 *
 * @param state      the group state as the coordinator names it, lower case (stable, empty, dead, ...)
 * @param partitions share-partitions the group has state for; one it never read from is absent
 * @param askedAt    when the answer was asked: brokers answer share-group offsets slowly, and a cycle may
 *                   serve an answer an earlier cycle asked for
 */
public record ShareGroupObservation(String groupId, String state, List<Member> members,
                                    Map<TopicPartitionId, SharePosition> partitions, Instant askedAt) {

    public ShareGroupObservation {
        members = List.copyOf(members);
        partitions = Map.copyOf(partitions);
    }

    /** A member and the share-partitions it is assigned (several members may share one). */
    public record Member(String memberId, String clientId, String host, Set<TopicPartitionId> assigned) {
        public Member {
            assigned = Set.copyOf(assigned);
        }
    }

    /**
     * @param startOffset the share-partition start offset: every record before it is acknowledged
     * @param backlog     records from the start offset on not acknowledged yet (KIP-1226), when the broker says
     */
    public record SharePosition(long startOffset, OptionalLong backlog) {
    }
}
