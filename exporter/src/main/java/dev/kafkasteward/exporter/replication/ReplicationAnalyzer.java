package dev.kafkasteward.exporter.replication;

import dev.kafkasteward.exporter.collect.Observation;
import dev.kafkasteward.exporter.collect.PartitionReplicas;
import dev.kafkasteward.exporter.collect.TopicMetadata;
import java.util.TreeMap;

/** Counts under-replicated partitions per topic: ISR smaller than the replica set. */
public final class ReplicationAnalyzer {

    public ReplicationSnapshot analyze(Observation observation) {
        TreeMap<String, Integer> byTopic = new TreeMap<>();
        for (TopicMetadata topic : observation.topics()) {
            int under = 0;
            for (PartitionReplicas p : topic.partitions()) {
                if (p.isr().size() < p.replicas().size()) {
                    under++;
                }
            }
            byTopic.put(topic.name(), under);
        }
        return new ReplicationSnapshot(byTopic);
    }
}
