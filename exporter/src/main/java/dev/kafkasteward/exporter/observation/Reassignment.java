package dev.kafkasteward.exporter.observation;

import java.util.List;

/** A replica reassignment in progress for one partition: the full replica set and who is being added/removed. */
public record Reassignment(List<Integer> replicas, List<Integer> adding, List<Integer> removing) {

    public Reassignment {
        replicas = List.copyOf(replicas);
        adding = List.copyOf(adding);
        removing = List.copyOf(removing);
    }
}
