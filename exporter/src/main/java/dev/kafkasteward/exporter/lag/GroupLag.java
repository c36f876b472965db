package dev.kafkasteward.exporter.lag;

import dev.kafkasteward.exporter.collect.GroupDescription;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.SortedMap;

/**
 * A group as a whole: its description (when it could be read), total lag, worst known lag age,
 * the same per topic, and how many of its lagging partitions have an unknown age, by reason.
 */
public record GroupLag(String group, Optional<GroupDescription> description, long lagRecords,
                       OptionalDouble maxLagAgeSeconds, SortedMap<String, TopicLag> topics,
                       SortedMap<String, Integer> unknownAges) {

    /** Sum of lag and worst known lag age over one topic's partitions. */
    public record TopicLag(long lagRecords, OptionalDouble maxLagAgeSeconds) {
    }
}
