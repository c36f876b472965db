package dev.kafkasteward.exporter.collect;

import java.util.Locale;

/** The steps of a collection cycle, used as the {@code stage} label of error counts. */
public enum Stage {
    LIST_GROUPS, GROUP_OFFSETS, DESCRIBE_GROUPS, LIST_TOPICS, DESCRIBE_TOPICS, LIST_OFFSETS, RECORD_TIMESTAMPS,
    DESCRIBE_CLUSTER, DESCRIBE_QUORUM, LIST_REASSIGNMENTS, DESCRIBE_CONFIGS, DESCRIBE_LOG_DIRS,
    DEAD_LETTER_OFFSETS, DEAD_LETTER_RECORDS;

    /** Stages without which a cycle says nothing about the cluster; their failure keeps the last snapshot. */
    public boolean essential() {
        return this == LIST_GROUPS || this == LIST_TOPICS;
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
