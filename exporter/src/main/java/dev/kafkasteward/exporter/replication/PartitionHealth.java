package dev.kafkasteward.exporter.replication;

import dev.kafkasteward.exporter.observation.TopicPartitionId;
import java.util.List;
import java.util.OptionalInt;

/**
 * One partition that is not healthy, and how. Healthy partitions have no record, which keeps
 * per-partition series proportional to trouble, not to cluster size.
 *
 * @param leader             current leader, empty when offline
 * @param missingFromIsr     assigned replicas not in the ISR (replicas a reassignment is adding excluded)
 * @param atMinIsr           lost replicas down to exactly the effective minimum ISR
 * @param nonPreferredLeader led by a broker other than the first replica
 */
public record PartitionHealth(TopicPartitionId id, OptionalInt leader, List<Integer> missingFromIsr,
                              boolean underReplicated, boolean underMinIsr, boolean atMinIsr, boolean offline,
                              boolean nonPreferredLeader, boolean reassigning) {

    public PartitionHealth {
        missingFromIsr = List.copyOf(missingFromIsr);
    }
}
