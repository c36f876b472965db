package dev.kafkasteward.exporter.collect;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Everything one collection cycle read from Kafka, timestamped, immutable. Analyzers turn it into
 * a snapshot without further I/O.
 *
 * @param at               when the cycle started (committed offsets were read at or after this)
 * @param topics           all topics the cycle could describe
 * @param groups           committed offsets per consumer group
 * @param logOffsets       log-start/log-end offsets, read after the committed offsets
 * @param recordTimestamps timestamp (epoch ms) of the first record at or after a position
 * @param errors           errors by stage; a non-empty map means the observation may be partial
 */
public record Observation(Instant at, List<TopicMetadata> topics, List<GroupOffsets> groups,
                          Map<TopicPartitionId, LogOffsets> logOffsets, Map<RecordPosition, Long> recordTimestamps,
                          Map<String, Integer> errors) {

    public Observation {
        topics = List.copyOf(topics);
        groups = List.copyOf(groups);
        logOffsets = Map.copyOf(logOffsets);
        recordTimestamps = Map.copyOf(recordTimestamps);
        errors = Map.copyOf(errors);
    }

    public boolean complete() {
        return errors.isEmpty();
    }
}
