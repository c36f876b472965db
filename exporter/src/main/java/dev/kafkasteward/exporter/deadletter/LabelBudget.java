package dev.kafkasteward.exporter.deadletter;

import java.util.HashSet;
import java.util.Set;

/**
 * Keeps a label's cardinality bounded: the first {@code max} distinct values keep their own series,
 * later ones become {@link #OTHER}. First come, first kept — stable across cycles, so a series never
 * moves between values.
 */
final class LabelBudget {

    static final String OTHER = "other";

    private final int max;
    private final Set<String> admitted = new HashSet<>();

    LabelBudget(int max) {
        this.max = max;
    }

    String admit(String value) {
        if (value.equals(OTHER) || admitted.contains(value)) {
            return value;
        }
        if (admitted.size() < max) {
            admitted.add(value);
            return value;
        }
        return OTHER;
    }
}
