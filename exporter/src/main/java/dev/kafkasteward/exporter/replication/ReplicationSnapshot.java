package dev.kafkasteward.exporter.replication;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Replication health of one observation.
 *
 * @param topics      counts per topic, every topic (zeros included)
 * @param partitions  unhealthy partitions only, in partition order
 * @param brokers     every live broker and every broker named in a replica set
 * @param liveBrokers the live broker list, when DescribeCluster answered
 * @param quorum      the KRaft quorum, when DescribeMetadataQuorum answered
 */
public record ReplicationSnapshot(SortedMap<String, TopicHealth> topics, List<PartitionHealth> partitions,
                                  SortedMap<Integer, BrokerHealth> brokers, Optional<SortedSet<Integer>> liveBrokers,
                                  Optional<QuorumHealth> quorum) {

    public static final ReplicationSnapshot EMPTY = new ReplicationSnapshot(new TreeMap<>(), List.of(), new TreeMap<>(),
            Optional.empty(), Optional.empty());

    public ReplicationSnapshot {
        topics = Collections.unmodifiableSortedMap(new TreeMap<>(topics));
        partitions = List.copyOf(partitions);
        brokers = Collections.unmodifiableSortedMap(new TreeMap<>(brokers));
        liveBrokers = liveBrokers.map(b -> Collections.unmodifiableSortedSet(new TreeSet<>(b)));
    }

    /** A snapshot with only per-topic under-replicated counts. */
    public static ReplicationSnapshot of(Map<String, Integer> underReplicatedByTopic) {
        TreeMap<String, TopicHealth> topics = new TreeMap<>();
        underReplicatedByTopic.forEach((t, n) -> topics.put(t, TopicHealth.underReplicatedOnly(n)));
        return new ReplicationSnapshot(topics, List.of(), new TreeMap<>(), Optional.empty(), Optional.empty());
    }

    /** Under-replicated partition count per topic. */
    public SortedMap<String, Integer> underReplicatedByTopic() {
        TreeMap<String, Integer> out = new TreeMap<>();
        topics.forEach((t, h) -> out.put(t, h.underReplicated()));
        return Collections.unmodifiableSortedMap(out);
    }
}
