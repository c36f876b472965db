package dev.kafkasteward.exporter.observation;

import java.util.Map;

/** Committed offsets of one consumer group; partitions without a commit are absent. */
public record GroupOffsets(String groupId, Map<TopicPartitionId, Long> committed) {

    public GroupOffsets {
        committed = Map.copyOf(committed);
    }
}
