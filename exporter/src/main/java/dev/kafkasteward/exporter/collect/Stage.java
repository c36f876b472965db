package dev.kafkasteward.exporter.collect;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;

/** The steps of a collection cycle, used as the {@code stage} label of error counts. */
public enum Stage {
    LIST_GROUPS, GROUP_OFFSETS, DESCRIBE_GROUPS, LIST_TOPICS, DESCRIBE_TOPICS, LIST_OFFSETS, RECORD_TIMESTAMPS,
    DESCRIBE_CLUSTER, DESCRIBE_QUORUM, LIST_REASSIGNMENTS, DESCRIBE_CONFIGS, DESCRIBE_LOG_DIRS,
    DEAD_LETTER_OFFSETS, DEAD_LETTER_RECORDS;

    /**
     * Stages without which a cycle says nothing about the cluster: when one yields nothing, the cycle keeps
     * the last snapshot. A group listing that only some brokers answered is counted as a
     * {@code list_groups} error but makes a partial snapshot (see {@link Observation#reachedCluster()}).
     */
    public boolean essential() {
        return this == LIST_GROUPS || this == LIST_TOPICS;
    }

    /** Whether {@code errors} (by label) name no essential stage. */
    public static boolean noneEssentialFailed(Map<String, Integer> errors) {
        return Arrays.stream(values()).filter(Stage::essential).noneMatch(s -> errors.containsKey(s.label()));
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
