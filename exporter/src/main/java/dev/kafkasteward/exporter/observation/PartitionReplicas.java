package dev.kafkasteward.exporter.observation;

import java.util.List;
import java.util.OptionalInt;

/** Leadership and replica placement of one partition, as the metadata reported it. */
public record PartitionReplicas(TopicPartitionId id, OptionalInt leader, List<Integer> replicas, List<Integer> isr) {

    public PartitionReplicas {
        replicas = List.copyOf(replicas);
        isr = List.copyOf(isr);
    }
}
