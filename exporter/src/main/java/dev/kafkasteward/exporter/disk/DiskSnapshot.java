package dev.kafkasteward.exporter.disk;

import java.util.List;

/**
 * Disk analysis of one observation, and the history to hand to the next one.
 *
 * @param logDirs every log dir observed this cycle, ordered by broker and path
 * @param history state carried to the next cycle's analysis
 */
public record DiskSnapshot(List<LogDirReport> logDirs, DiskHistory history) {

    public static final DiskSnapshot EMPTY = new DiskSnapshot(List.of(), DiskHistory.EMPTY);

    public DiskSnapshot {
        logDirs = List.copyOf(logDirs);
    }
}
