package dev.kafkasteward.exporter.collect;

import dev.kafkasteward.exporter.observation.PartitionReplicas;
import dev.kafkasteward.exporter.observation.Reassignment;
import dev.kafkasteward.exporter.observation.TopicMetadata;
import dev.kafkasteward.exporter.observation.TopicPartitionId;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** The brokers whose log dirs tell how far reassignments are: each moving partition's leader and adding replicas. */
final class ReassignmentBrokers {

    private ReassignmentBrokers() {
    }

    static Set<Integer> involved(Map<TopicPartitionId, Reassignment> moving, java.util.List<TopicMetadata> topics) {
        Map<TopicPartitionId, PartitionReplicas> byId = new HashMap<>();
        for (TopicMetadata t : topics) {
            for (PartitionReplicas p : t.partitions()) {
                if (moving.containsKey(p.id())) {
                    byId.put(p.id(), p);
                }
            }
        }
        Set<Integer> out = new TreeSet<>();
        moving.forEach((id, r) -> {
            out.addAll(r.adding());
            PartitionReplicas p = byId.get(id);
            if (p != null) {
                p.leader().ifPresent(out::add);
            }
        });
        return out;
    }
}
