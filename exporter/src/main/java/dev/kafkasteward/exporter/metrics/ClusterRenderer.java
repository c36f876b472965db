package dev.kafkasteward.exporter.metrics;

import static dev.kafkasteward.contract.catalog.ReplicationMetrics.CLUSTER_ACTIVE_CONTROLLER;
import static dev.kafkasteward.contract.catalog.ReplicationMetrics.CLUSTER_BROKERS;
import static dev.kafkasteward.contract.catalog.ReplicationMetrics.QUORUM_LEADER_EPOCH;
import static dev.kafkasteward.contract.catalog.ReplicationMetrics.QUORUM_REPLICA_LAG_RECORDS;
import static dev.kafkasteward.contract.catalog.ReplicationMetrics.QUORUM_REPLICA_LAG_SECONDS;
import static dev.kafkasteward.contract.catalog.ReplicationMetrics.QUORUM_VOTERS;

import dev.kafkasteward.exporter.replication.QuorumHealth;
import dev.kafkasteward.exporter.replication.ReplicationSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import java.util.List;

/** Cluster-wide series: broker count, active controller, KRaft quorum. Absent when their request failed. */
final class ClusterRenderer {

    private ClusterRenderer() {
    }

    static void render(String cluster, ReplicationSnapshot replication, List<MetricSnapshot> out) {
        Family brokers = new Family(CLUSTER_BROKERS);
        replication.liveBrokers().ifPresent(live -> brokers.add(live.size(), cluster));
        Family controller = new Family(CLUSTER_ACTIVE_CONTROLLER);
        Family voters = new Family(QUORUM_VOTERS);
        Family epoch = new Family(QUORUM_LEADER_EPOCH);
        Family lagRecords = new Family(QUORUM_REPLICA_LAG_RECORDS);
        Family lagSeconds = new Family(QUORUM_REPLICA_LAG_SECONDS);
        replication.quorum().ifPresent(q -> {
            controller.add(1, cluster, Integer.toString(q.leaderId()));
            voters.add(q.voters(), cluster);
            epoch.add(q.leaderEpoch(), cluster);
            for (QuorumHealth.ReplicaLag r : q.replicas()) {
                String id = Integer.toString(r.id());
                lagRecords.add(r.records(), cluster, id, r.role().label());
                r.seconds().ifPresent(s -> lagSeconds.add(s, cluster, id, r.role().label()));
            }
        });
        out.addAll(List.of(brokers.build(), controller.build(), voters.build(), epoch.build(), lagRecords.build(),
                lagSeconds.build()));
    }
}
