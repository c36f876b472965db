package dev.kafkasteward.exporter.observation;

import java.util.Locale;
import java.util.Map;

/** The steps of a collection cycle, used as the {@code stage} label of error counts. */
public enum Stage {
    LIST_GROUPS, GROUP_OFFSETS, DESCRIBE_GROUPS, LIST_TOPICS, DESCRIBE_TOPICS, LIST_OFFSETS, RECORD_TIMESTAMPS,
    DESCRIBE_CLUSTER, DESCRIBE_QUORUM, LIST_REASSIGNMENTS, DESCRIBE_CONFIGS, DESCRIBE_LOG_DIRS,
    DEAD_LETTER_OFFSETS, DEAD_LETTER_RECORDS, DESCRIBE_FEATURES, DESCRIBE_BROKER_CONFIGS, SHARE_GROUPS;

    /**
     * Whether a cycle learnt something about the cluster, the one rule for it: topics were listed, and
     * the group listing either had no error or listed some group. A listing that only some brokers
     * answered makes a partial snapshot; one that listed nothing and failed says nothing, and the
     * cycle keeps the last snapshot (a cluster without any group would look the same).
     */
    public static boolean reachedCluster(Map<String, Integer> errors, boolean anyGroupListed) {
        return !errors.containsKey(LIST_TOPICS.label()) && (anyGroupListed || !errors.containsKey(LIST_GROUPS.label()));
    }

    /**
     * Whether the cycle may have missed groups that still exist: listing them or reading their
     * offsets failed. Only then is a group missing from the cycle possibly still there.
     */
    public static boolean groupsUnread(Map<String, Integer> errors) {
        return errors.containsKey(LIST_GROUPS.label()) || errors.containsKey(GROUP_OFFSETS.label());
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
