package dev.kafkasteward.exporter.lag;

import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Per-partition lag of every group, sorted by group, topic and partition, and per-group totals;
 * {@code carried}: groups whose offsets this cycle could not read and whose last lag is served
 * unchanged, with the cycles in a row that has been so.
 */
public record LagSnapshot(List<PartitionLag> partitions, List<GroupLag> groups, SortedMap<String, Integer> carried) {

    public static final LagSnapshot EMPTY = new LagSnapshot(List.of(), List.of());

    public LagSnapshot {
        partitions = List.copyOf(partitions);
        groups = List.copyOf(groups);
        carried = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(carried));
    }

    /** Everything read this cycle: nothing carried. */
    public LagSnapshot(List<PartitionLag> partitions, List<GroupLag> groups) {
        this(partitions, groups, new TreeMap<>(Map.of()));
    }
}
