package dev.kafkasteward.exporter.change;

import java.util.Collections;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Reassignments of one cycle: every moving partition, and per topic its batch (finished batches for a while).
 */
public record ReassignmentSnapshot(List<PartitionProgress> partitions, SortedMap<String, TopicProgress> topics) {

    public static final ReassignmentSnapshot EMPTY = new ReassignmentSnapshot(List.of(), new TreeMap<>());

    public ReassignmentSnapshot {
        partitions = List.copyOf(partitions);
        topics = Collections.unmodifiableSortedMap(new TreeMap<>(topics));
    }
}
