package dev.kafkasteward.exporter.lag;

import java.util.List;

/** Per-partition lag of every group, sorted by group, topic and partition. */
public record LagSnapshot(List<PartitionLag> partitions) {

    public static final LagSnapshot EMPTY = new LagSnapshot(List.of());

    public LagSnapshot {
        partitions = List.copyOf(partitions);
    }
}
