package dev.kafkasteward.exporter.observation;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Cluster-wide facts of one cycle. Each part is empty when its request failed, so the analyzer can
 * tell "no brokers" from "could not ask".
 *
 * @param brokers       live broker ids from DescribeCluster
 * @param quorum        the KRaft metadata quorum from DescribeMetadataQuorum
 * @param reassignments reassignments in progress from ListPartitionReassignments
 * @param settings      feature levels and broker replication throttles (read periodically)
 */
public record ClusterState(Optional<SortedSet<Integer>> brokers, Optional<QuorumState> quorum,
                           Optional<Map<TopicPartitionId, Reassignment>> reassignments, ClusterSettings settings) {

    public static final ClusterState UNKNOWN = new ClusterState(Optional.empty(), Optional.empty(), Optional.empty());

    public ClusterState {
        brokers = brokers.map(b -> java.util.Collections.unmodifiableSortedSet(new TreeSet<>(b)));
        reassignments = reassignments.map(Map::copyOf);
        settings = settings == null ? ClusterSettings.UNKNOWN : settings;
    }

    /** Without settings. */
    public ClusterState(Optional<SortedSet<Integer>> brokers, Optional<QuorumState> quorum,
                        Optional<Map<TopicPartitionId, Reassignment>> reassignments) {
        this(brokers, quorum, reassignments, ClusterSettings.UNKNOWN);
    }

    public static ClusterState of(Set<Integer> brokers, QuorumState quorum,
                                  Map<TopicPartitionId, Reassignment> reassignments) {
        return new ClusterState(Optional.of(new TreeSet<>(brokers)), Optional.of(quorum), Optional.of(reassignments));
    }

    /** This state with {@code settings}. */
    public ClusterState with(ClusterSettings settings) {
        return new ClusterState(brokers, quorum, reassignments, settings);
    }
}
