package dev.kafkasteward.exporter.disk;

import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The disk state carried from one cycle to the next: a history per log dir. Bounded by the number
 * of log dirs times the samples of one window; dirs not seen for a whole window are forgotten.
 */
public record DiskHistory(SortedMap<LogDirKey, LogDirHistory> logDirs) {

    public static final DiskHistory EMPTY = new DiskHistory(new TreeMap<>());

    public DiskHistory {
        logDirs = Collections.unmodifiableSortedMap(new TreeMap<>(logDirs));
    }

    public LogDirHistory get(LogDirKey key) {
        return logDirs.getOrDefault(key, LogDirHistory.EMPTY);
    }

    public static DiskHistory of(Map<LogDirKey, LogDirHistory> logDirs) {
        return new DiskHistory(new TreeMap<>(logDirs));
    }
}
