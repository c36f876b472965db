package dev.kafkasteward.exporter.replication;

import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/** Replication health: under-replicated partition count per topic (every topic, zeros included). */
public record ReplicationSnapshot(SortedMap<String, Integer> underReplicatedByTopic) {

    public static final ReplicationSnapshot EMPTY = new ReplicationSnapshot(new TreeMap<>());

    public ReplicationSnapshot {
        underReplicatedByTopic = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(underReplicatedByTopic));
    }

    public static ReplicationSnapshot of(Map<String, Integer> byTopic) {
        return new ReplicationSnapshot(new TreeMap<>(byTopic));
    }
}
