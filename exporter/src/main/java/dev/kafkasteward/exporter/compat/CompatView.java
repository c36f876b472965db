package dev.kafkasteward.exporter.compat;

import dev.kafkasteward.exporter.observation.GroupDescription;
import dev.kafkasteward.exporter.observation.GroupOffsets;
import dev.kafkasteward.exporter.observation.LogOffsets;
import dev.kafkasteward.exporter.observation.Observation;
import dev.kafkasteward.exporter.observation.TopicMetadata;
import dev.kafkasteward.exporter.observation.TopicPartitionId;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The raw positions a compatibility profile serves and our own series do not: every partition's
 * placement and offsets, every group's committed offsets and members. Kept with a snapshot only when
 * a profile is on; it shares the observation's immutable collections, so keeping it copies nothing.
 *
 * @param liveBrokers live broker count, empty when DescribeCluster failed
 */
public record CompatView(List<TopicMetadata> topics, List<GroupOffsets> groups,
                         Map<String, GroupDescription> descriptions, Map<TopicPartitionId, LogOffsets> logOffsets,
                         Optional<Integer> liveBrokers) {

    public static final CompatView EMPTY = new CompatView(List.of(), List.of(), Map.of(), Map.of(), Optional.empty());

    public static CompatView of(Observation o) {
        return new CompatView(o.topics(), o.groups(), o.descriptions(), o.logOffsets(),
                o.cluster().brokers().map(java.util.Set::size));
    }
}
