package dev.kafkasteward.signals;

import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A recording rule: the result of {@code expr} stored as the series {@code record}, with {@code labels}
 * added (several rules may record one series name, told apart by their labels).
 */
public record Recording(String record, String expr, SortedMap<String, String> labels) {

    public Recording {
        labels = Collections.unmodifiableSortedMap(new TreeMap<>(labels));
    }

    public Recording(String record, String expr) {
        this(record, expr, new TreeMap<>());
    }

    public static Recording labelled(String record, String expr, Map<String, String> labels) {
        return new Recording(record, expr, new TreeMap<>(labels));
    }
}
