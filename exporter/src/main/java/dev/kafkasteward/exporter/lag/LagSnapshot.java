package dev.kafkasteward.exporter.lag;

import java.util.List;

/** Per-partition lag of every group, sorted by group, topic and partition, and per-group totals. */
public record LagSnapshot(List<PartitionLag> partitions, List<GroupLag> groups) {

    public static final LagSnapshot EMPTY = new LagSnapshot(List.of(), List.of());

    public LagSnapshot {
        partitions = List.copyOf(partitions);
        groups = List.copyOf(groups);
    }
}
