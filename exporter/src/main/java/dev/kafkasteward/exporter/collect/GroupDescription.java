package dev.kafkasteward.exporter.collect;

import java.util.Set;

/**
 * A consumer group's protocol, state, members and who owns which partition.
 *
 * @param assignmentKnown false while a classic group rebalances: its assignment is then stale, so
 *                        no partition may be called unassigned
 */
public record GroupDescription(String groupId, GroupProtocol protocol, String state, int members,
                               Set<TopicPartitionId> assigned, boolean assignmentKnown) {

    public GroupDescription {
        assigned = Set.copyOf(assigned);
    }

    /** The group membership protocol: classic (JoinGroup/SyncGroup) or KIP-848 consumer. */
    public enum GroupProtocol {
        CLASSIC, CONSUMER, OTHER;

        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
