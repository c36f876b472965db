package dev.kafkasteward.exporter.change;

import dev.kafkasteward.exporter.observation.BrokerThrottle;
import java.util.Collections;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What a change to the cluster shows of one cycle: reassignments and their progress, the replication
 * throttles in force, and the finalized feature levels. Placement and drain readiness per broker are part
 * of replication health ({@code BrokerHealth}).
 *
 * @param brokerThrottles brokers with a replication throttle rate set
 * @param topicThrottles  topics listing throttled replicas
 * @param features        finalized max level per feature, when DescribeFeatures ever answered
 */
public record ChangeSnapshot(ReassignmentSnapshot reassignments, SortedMap<Integer, BrokerThrottle> brokerThrottles,
                             SortedMap<String, TopicThrottle> topicThrottles,
                             Optional<SortedMap<String, Short>> features) {

    public static final ChangeSnapshot EMPTY = new ChangeSnapshot(ReassignmentSnapshot.EMPTY, new TreeMap<>(),
            new TreeMap<>(), Optional.empty());

    public ChangeSnapshot {
        brokerThrottles = Collections.unmodifiableSortedMap(new TreeMap<>(brokerThrottles));
        topicThrottles = Collections.unmodifiableSortedMap(new TreeMap<>(topicThrottles));
        features = features.map(f -> Collections.unmodifiableSortedMap(new TreeMap<>(f)));
    }
}
