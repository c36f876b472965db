package dev.kafkasteward.exporter.observation;

import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The effective settings of a topic that replication and disk analysis need. Effective means what
 * the broker applies: DescribeConfigs already folds topic overrides, dynamic and static broker
 * defaults into each entry's value; Kafka's built-in default fills what it leaves out. This is the
 * one place where that resolution happens.
 *
 * @param retentionMs       retention.ms; negative means no time limit
 * @param retentionBytes    retention.bytes per partition; negative means no size limit
 * @param minInsyncReplicas min.insync.replicas as configured (not capped by the replication factor)
 * @param delete            cleanup.policy contains delete: retention removes old segments
 * @param compact           cleanup.policy contains compact
 * @param segmentBytes      segment.bytes: the active segment is never deleted, so it bounds the slack
 * @param segmentMs         segment.ms
 * @param leaderThrottled   leader.replication.throttled.replicas: replicas whose leaders send at the throttled rate
 * @param followerThrottled follower.replication.throttled.replicas: replicas that fetch at the throttled rate
 * @param uncleanElection   unclean.leader.election.enable: an out-of-sync replica may become leader, losing records
 */
public record TopicConfig(long retentionMs, long retentionBytes, int minInsyncReplicas, boolean delete,
                          boolean compact, long segmentBytes, long segmentMs, ThrottledReplicas leaderThrottled,
                          ThrottledReplicas followerThrottled, boolean uncleanElection) {

    /** With unclean leader election off, Kafka's default. */
    public TopicConfig(long retentionMs, long retentionBytes, int minInsyncReplicas, boolean delete, boolean compact,
                       long segmentBytes, long segmentMs, ThrottledReplicas leaderThrottled,
                       ThrottledReplicas followerThrottled) {
        this(retentionMs, retentionBytes, minInsyncReplicas, delete, compact, segmentBytes, segmentMs,
                leaderThrottled, followerThrottled, false);
    }

    public static final String LEADER_THROTTLED_REPLICAS = "leader.replication.throttled.replicas";
    public static final String FOLLOWER_THROTTLED_REPLICAS = "follower.replication.throttled.replicas";

    /** Kafka's built-in defaults, used only when DescribeConfigs leaves a value out. */
    public static final TopicConfig KAFKA_DEFAULTS =
            new TopicConfig(7L * 24 * 3600 * 1000, -1, 1, true, false, 1L << 30, 7L * 24 * 3600 * 1000);

    /** Settings without replication throttles. */
    public TopicConfig(long retentionMs, long retentionBytes, int minInsyncReplicas, boolean delete, boolean compact,
                       long segmentBytes, long segmentMs) {
        this(retentionMs, retentionBytes, minInsyncReplicas, delete, compact, segmentBytes, segmentMs,
                ThrottledReplicas.NONE, ThrottledReplicas.NONE);
    }

    /** Resolves the effective settings from DescribeConfigs name/value pairs; null values count as absent. */
    public static TopicConfig resolve(Map<String, String> values) {
        TopicConfig d = KAFKA_DEFAULTS;
        Set<String> policy = parsePolicy(values.get("cleanup.policy"));
        return new TopicConfig(
                longOr(values.get("retention.ms"), d.retentionMs()),
                longOr(values.get("retention.bytes"), d.retentionBytes()),
                (int) longOr(values.get("min.insync.replicas"), d.minInsyncReplicas()),
                policy == null ? d.delete() : policy.contains("delete"),
                policy == null ? d.compact() : policy.contains("compact"),
                longOr(values.get("segment.bytes"), d.segmentBytes()),
                longOr(values.get("segment.ms"), d.segmentMs()),
                ThrottledReplicas.parse(values.get(LEADER_THROTTLED_REPLICAS)),
                ThrottledReplicas.parse(values.get(FOLLOWER_THROTTLED_REPLICAS)),
                Boolean.parseBoolean(String.valueOf(values.get("unclean.leader.election.enable")).trim()));
    }

    private static Set<String> parsePolicy(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return Arrays.stream(value.split(",")).map(String::trim).collect(Collectors.toSet());
    }

    private static long longOr(String value, long fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
