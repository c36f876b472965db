package dev.kafkasteward.exporter.observation;

import java.util.List;

/** A topic and its partitions' replica placement. */
public record TopicMetadata(String name, boolean internal, List<PartitionReplicas> partitions) {

    public TopicMetadata {
        partitions = List.copyOf(partitions);
    }
}
