package dev.kafkasteward.exporter.observation;

import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What a change to the cluster needs to know besides placement: the finalized feature levels
 * ({@code metadata.version} and the others, from DescribeFeatures) and each broker's replication throttle
 * (from its dynamic config). Each part is empty when it was never read successfully.
 *
 * @param features  finalized max version level per feature
 * @param throttles the replication throttle of every broker whose config was read
 */
public record ClusterSettings(Optional<SortedMap<String, Short>> features,
                              Optional<SortedMap<Integer, BrokerThrottle>> throttles) {

    public static final ClusterSettings UNKNOWN = new ClusterSettings(Optional.empty(), Optional.empty());

    public ClusterSettings {
        features = features.map(f -> java.util.Collections.unmodifiableSortedMap(new TreeMap<>(f)));
        throttles = throttles.map(t -> java.util.Collections.unmodifiableSortedMap(new TreeMap<>(t)));
    }

    public static ClusterSettings of(Map<String, Short> features, Map<Integer, BrokerThrottle> throttles) {
        return new ClusterSettings(Optional.of(new TreeMap<>(features)), Optional.of(new TreeMap<>(throttles)));
    }
}
