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
 * @param cluster          live brokers, KRaft quorum and reassignments in progress
 * @param topicConfigs     effective config of each topic (cached between cycles by the collector)
 * @param logDirs          every log dir of every broker that answered DescribeLogDirs
 */
public record Observation(Instant at, List<TopicMetadata> topics, List<GroupOffsets> groups,
                          Map<TopicPartitionId, LogOffsets> logOffsets, Map<RecordPosition, Long> recordTimestamps,
                          Map<String, Integer> errors, ClusterState cluster, Map<String, TopicConfig> topicConfigs,
                          List<LogDirState> logDirs) {

    public Observation {
        topics = List.copyOf(topics);
        groups = List.copyOf(groups);
        logOffsets = Map.copyOf(logOffsets);
        recordTimestamps = Map.copyOf(recordTimestamps);
        errors = Map.copyOf(errors);
        topicConfigs = Map.copyOf(topicConfigs);
        logDirs = List.copyOf(logDirs);
    }

    /** An observation without cluster, config or log-dir data (what lag-only callers and tests build). */
    public Observation(Instant at, List<TopicMetadata> topics, List<GroupOffsets> groups,
                       Map<TopicPartitionId, LogOffsets> logOffsets, Map<RecordPosition, Long> recordTimestamps,
                       Map<String, Integer> errors) {
        this(at, topics, groups, logOffsets, recordTimestamps, errors, ClusterState.UNKNOWN, Map.of(), List.of());
    }

    public boolean complete() {
        return errors.isEmpty();
    }
}
