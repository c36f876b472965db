package dev.kafkasteward.exporter.observation;

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
 * @param descriptions     state, members and assignment per consumer group id
 * @param logOffsets       log-start/log-end offsets, read after the committed offsets
 * @param recordTimestamps timestamp (epoch ms) of the first record at or after a position
 * @param requests         requests sent to Kafka during the cycle, by client (admin, consumer)
 * @param errors           errors by stage; a non-empty map means the observation may be partial
 * @param cluster          live brokers, KRaft quorum and reassignments in progress
 * @param topicConfigs     effective config of each topic (cached between cycles by the collector)
 * @param logDirs          every log dir of every live broker whose last DescribeLogDirs answered, as it described it
 * @param deadLetters      the dead-letter topics' offsets and new failure headers
 * @param funnels          the funnel consumer's latest published state (it reads on its own thread)
 * @param reachedCluster   the cycle learnt something about the cluster ({@link Stage#reachedCluster}). Without
 *                         it the cycle keeps the last snapshot; with it and errors, the snapshot is partial
 *                         (a hung broker leaves out only its own groups)
 * @param shareGroups      state, members and share-partition positions per share group id
 */
public record Observation(Instant at, List<TopicMetadata> topics, List<GroupOffsets> groups,
                          Map<String, GroupDescription> descriptions,
                          Map<TopicPartitionId, LogOffsets> logOffsets, Map<RecordPosition, Long> recordTimestamps,
                          Map<String, Long> requests, Map<String, Integer> errors, ClusterState cluster,
                          Map<String, TopicConfig> topicConfigs, List<LogDirState> logDirs,
                          DeadLetterObservation deadLetters, FunnelSnapshot funnels, boolean reachedCluster,
                          Map<String, ShareGroupObservation> shareGroups) {

    public Observation {
        topics = List.copyOf(topics);
        groups = List.copyOf(groups);
        descriptions = Map.copyOf(descriptions);
        logOffsets = Map.copyOf(logOffsets);
        recordTimestamps = Map.copyOf(recordTimestamps);
        requests = Map.copyOf(requests);
        errors = Map.copyOf(errors);
        topicConfigs = Map.copyOf(topicConfigs);
        logDirs = List.copyOf(logDirs);
        deadLetters = deadLetters == null ? DeadLetterObservation.EMPTY : deadLetters;
        funnels = funnels == null ? FunnelSnapshot.EMPTY : funnels;
        shareGroups = Map.copyOf(shareGroups);
    }

    /** An observation without share groups. */
    public Observation(Instant at, List<TopicMetadata> topics, List<GroupOffsets> groups,
                       Map<String, GroupDescription> descriptions,
                       Map<TopicPartitionId, LogOffsets> logOffsets, Map<RecordPosition, Long> recordTimestamps,
                       Map<String, Long> requests, Map<String, Integer> errors, ClusterState cluster,
                       Map<String, TopicConfig> topicConfigs, List<LogDirState> logDirs,
                       DeadLetterObservation deadLetters, FunnelSnapshot funnels, boolean reachedCluster) {
        this(at, topics, groups, descriptions, logOffsets, recordTimestamps, requests, errors, cluster, topicConfigs,
                logDirs, deadLetters, funnels, reachedCluster, Map.of());
    }

    /**
     * An observation without dead letters or funnels, for tests and tools. Whether it reached the
     * cluster is judged with "some group has offsets" standing in for "some group was listed".
     */
    public Observation(Instant at, List<TopicMetadata> topics, List<GroupOffsets> groups,
                       Map<String, GroupDescription> descriptions, Map<TopicPartitionId, LogOffsets> logOffsets,
                       Map<RecordPosition, Long> recordTimestamps, Map<String, Long> requests,
                       Map<String, Integer> errors, ClusterState cluster, Map<String, TopicConfig> topicConfigs,
                       List<LogDirState> logDirs) {
        this(at, topics, groups, descriptions, logOffsets, recordTimestamps, requests, errors, cluster, topicConfigs,
                logDirs, DeadLetterObservation.EMPTY, FunnelSnapshot.EMPTY,
                Stage.reachedCluster(errors, !groups.isEmpty()));
    }

    /** An observation without cluster, config or log-dir data (what lag-only callers and tests build). */
    public Observation(Instant at, List<TopicMetadata> topics, List<GroupOffsets> groups,
                       Map<String, GroupDescription> descriptions, Map<TopicPartitionId, LogOffsets> logOffsets,
                       Map<RecordPosition, Long> recordTimestamps, Map<String, Long> requests,
                       Map<String, Integer> errors) {
        this(at, topics, groups, descriptions, logOffsets, recordTimestamps, requests, errors, ClusterState.UNKNOWN,
                Map.of(), List.of());
    }

    /** An observation with only the parts lag analysis needs; for tests and tools. */
    public static Observation ofOffsets(Instant at, List<GroupOffsets> groups,
                                        Map<TopicPartitionId, LogOffsets> logOffsets,
                                        Map<RecordPosition, Long> recordTimestamps) {
        return new Observation(at, List.of(), groups, Map.of(), logOffsets, recordTimestamps, Map.of(), Map.of());
    }

    /** An observation of share groups only, with the record timestamps read for them; for tests and tools. */
    public static Observation ofShareGroups(Instant at, Map<String, ShareGroupObservation> shareGroups,
                                            Map<TopicPartitionId, LogOffsets> logOffsets,
                                            Map<RecordPosition, Long> recordTimestamps) {
        return new Observation(at, List.of(), List.of(), Map.of(), logOffsets, recordTimestamps, Map.of(), Map.of(),
                ClusterState.UNKNOWN, Map.of(), List.of(), DeadLetterObservation.EMPTY, FunnelSnapshot.EMPTY, true,
                shareGroups);
    }

    /** This observation with the record timestamps read in the cycle's second phase, and their cost. */
    public Observation withTimestamps(Map<RecordPosition, Long> timestamps, long consumerRequests,
                                      Map<String, Integer> moreErrors) {
        Map<String, Long> allRequests = new TreeMap<>(requests);
        allRequests.merge("consumer", consumerRequests, Long::sum);
        Map<String, Integer> allErrors = new TreeMap<>(errors);
        moreErrors.forEach((k, v) -> allErrors.merge(k, v, Integer::sum));
        return new Observation(at, topics, groups, descriptions, logOffsets, timestamps, allRequests, allErrors,
                cluster, topicConfigs, logDirs, deadLetters, funnels, reachedCluster, shareGroups);
    }

    /** This observation plus dead letters, funnels, and the requests and errors it took to read them. */
    public Observation with(DeadLetterObservation deadLetters, FunnelSnapshot funnels,
                            Map<String, Long> moreRequests, Map<String, Integer> moreErrors) {
        Map<String, Long> allRequests = new TreeMap<>(requests);
        moreRequests.forEach((client, n) -> allRequests.merge(client, n, Long::sum));
        Map<String, Integer> allErrors = new TreeMap<>(errors);
        moreErrors.forEach((stage, n) -> allErrors.merge(stage, n, Integer::sum));
        return new Observation(at, topics, groups, descriptions, logOffsets, recordTimestamps, allRequests, allErrors,
                cluster, topicConfigs, logDirs, deadLetters, funnels, reachedCluster, shareGroups);
    }

    public boolean complete() {
        return errors.isEmpty();
    }
}
