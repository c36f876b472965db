package dev.kafkasteward.exporter.metrics;

import static dev.kafkasteward.contract.catalog.ReplicationMetrics.*;

import dev.kafkasteward.exporter.replication.PartitionHealth;
import dev.kafkasteward.exporter.replication.ReplicationSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import java.util.List;

/** Replication health series: per topic counts, unhealthy partitions, brokers. */
final class ReplicationRenderer {

    private ReplicationRenderer() {
    }

    static void render(String cluster, ReplicationSnapshot replication, List<MetricSnapshot> out) {
        Family urp = new Family(TOPIC_UNDER_REPLICATED_PARTITIONS);
        Family underMin = new Family(TOPIC_UNDER_MIN_ISR_PARTITIONS);
        Family atMin = new Family(TOPIC_AT_MIN_ISR_PARTITIONS);
        Family offline = new Family(TOPIC_OFFLINE_PARTITIONS);
        Family nonPreferred = new Family(TOPIC_NON_PREFERRED_LEADER_PARTITIONS);
        Family reassigning = new Family(TOPIC_REASSIGNING_PARTITIONS);
        Family replicationFactor = new Family(TOPIC_REPLICATION_FACTOR);
        Family minIsr = new Family(TOPIC_MIN_INSYNC_REPLICAS);
        Family unclean = new Family(TOPIC_UNCLEAN_LEADER_ELECTION);
        Family retention = new Family(TOPIC_RETENTION);
        replication.topics().forEach((topic, h) -> {
            h.durability().ifPresent(d -> {
                replicationFactor.add(d.replicationFactor(), cluster, topic);
                minIsr.add(d.minInsyncReplicas(), cluster, topic);
                unclean.add(d.uncleanElection() ? 1 : 0, cluster, topic);
                retention.add(d.retentionSeconds(), cluster, topic);
            });
            urp.add(h.underReplicated(), cluster, topic);
            if (h.minIsrKnown()) {
                underMin.add(h.underMinIsr(), cluster, topic);
                atMin.add(h.atMinIsr(), cluster, topic);
            }
            offline.add(h.offline(), cluster, topic);
            nonPreferred.add(h.nonPreferredLeader(), cluster, topic);
            reassigning.add(h.reassigning(), cluster, topic);
        });
        out.addAll(List.of(urp.build(), underMin.build(), atMin.build(), offline.build(), nonPreferred.build(),
                reassigning.build(), replicationFactor.build(), minIsr.build(), unclean.build(), retention.build()));
        renderPartitions(cluster, replication.partitions(), out);
        renderBrokers(cluster, replication, out);
    }

    private static void renderPartitions(String cluster, List<PartitionHealth> partitions, List<MetricSnapshot> out) {
        Family urp = new Family(PARTITION_UNDER_REPLICATED);
        Family missing = new Family(PARTITION_REPLICA_MISSING_FROM_ISR);
        Family underMin = new Family(PARTITION_UNDER_MIN_ISR);
        Family atMin = new Family(PARTITION_AT_MIN_ISR);
        Family offline = new Family(PARTITION_OFFLINE);
        Family nonPreferred = new Family(PARTITION_NON_PREFERRED_LEADER);
        Family reassigning = new Family(PARTITION_REASSIGNMENT_IN_PROGRESS);
        for (PartitionHealth p : partitions) {
            String topic = p.id().topic();
            String partition = Integer.toString(p.id().partition());
            flag(urp, p.underReplicated(), cluster, topic, partition);
            p.missingFromIsr().forEach(b -> missing.add(1, cluster, topic, partition, Integer.toString(b)));
            flag(underMin, p.underMinIsr(), cluster, topic, partition);
            flag(atMin, p.atMinIsr(), cluster, topic, partition);
            flag(offline, p.offline(), cluster, topic, partition);
            if (p.nonPreferredLeader()) {
                nonPreferred.add(1, cluster, topic, partition, Integer.toString(p.leader().getAsInt()));
            }
            flag(reassigning, p.reassigning(), cluster, topic, partition);
        }
        out.addAll(List.of(urp.build(), missing.build(), underMin.build(), atMin.build(), offline.build(),
                nonPreferred.build(), reassigning.build()));
    }

    private static void renderBrokers(String cluster, ReplicationSnapshot replication, List<MetricSnapshot> out) {
        Family missing = new Family(BROKER_REPLICAS_MISSING_FROM_ISR);
        Family leaders = new Family(BROKER_LEADER_PARTITIONS);
        Family replicas = new Family(BROKER_REPLICA_PARTITIONS);
        Family registered = new Family(BROKER_REGISTERED);
        replication.brokers().forEach((id, b) -> {
            String broker = Integer.toString(id);
            missing.add(b.missingFromIsr(), cluster, broker);
            leaders.add(b.leaders(), cluster, broker);
            replicas.add(b.replicas(), cluster, broker);
            replication.liveBrokers().ifPresent(live -> registered.add(live.contains(id) ? 1 : 0, cluster, broker));
        });
        out.addAll(List.of(missing.build(), leaders.build(), replicas.build(), registered.build()));
    }

    private static void flag(Family family, boolean set, String... labels) {
        if (set) {
            family.add(1, labels);
        }
    }
}
