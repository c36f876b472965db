package dev.kafkasteward.exporter.collect;

import dev.kafkasteward.exporter.funnel.FunnelSnapshot;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

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
 * @param deadLetters      the dead-letter topics' offsets and new failure headers
 * @param funnels          the funnel consumer's latest published state (it reads on its own thread)
 */
public record Observation(Instant at, List<TopicMetadata> topics, List<GroupOffsets> groups,
                          Map<TopicPartitionId, LogOffsets> logOffsets, Map<RecordPosition, Long> recordTimestamps,
                          Map<String, Integer> errors, DeadLetterObservation deadLetters,
                          FunnelSnapshot funnels) {

    /** An observation without dead letters or funnels (what the Admin-only part of a cycle yields). */
    public Observation(Instant at, List<TopicMetadata> topics, List<GroupOffsets> groups,
                       Map<TopicPartitionId, LogOffsets> logOffsets, Map<RecordPosition, Long> recordTimestamps,
                       Map<String, Integer> errors) {
        this(at, topics, groups, logOffsets, recordTimestamps, errors, DeadLetterObservation.EMPTY,
                FunnelSnapshot.EMPTY);
    }

    public Observation {
        topics = List.copyOf(topics);
        groups = List.copyOf(groups);
        logOffsets = Map.copyOf(logOffsets);
        recordTimestamps = Map.copyOf(recordTimestamps);
        errors = Map.copyOf(errors);
        deadLetters = deadLetters == null ? DeadLetterObservation.EMPTY : deadLetters;
        funnels = funnels == null ? FunnelSnapshot.EMPTY : funnels;
    }

    /** This observation plus dead letters, funnels and the errors met reading them. */
    public Observation with(DeadLetterObservation deadLetters, FunnelSnapshot funnels,
                            Map<String, Integer> moreErrors) {
        Map<String, Integer> all = new TreeMap<>(errors);
        moreErrors.forEach((stage, n) -> all.merge(stage, n, Integer::sum));
        return new Observation(at, topics, groups, logOffsets, recordTimestamps, all, deadLetters, funnels);
    }

    public boolean complete() {
        return errors.isEmpty();
    }
}
