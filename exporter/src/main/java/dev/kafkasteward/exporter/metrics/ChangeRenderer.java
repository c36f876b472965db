package dev.kafkasteward.exporter.metrics;

import static dev.kafkasteward.contract.catalog.ChangeMetrics.*;

import dev.kafkasteward.exporter.change.ChangeSnapshot;
import dev.kafkasteward.exporter.change.PartitionProgress;
import dev.kafkasteward.exporter.replication.ReplicationSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import java.util.List;
import java.util.OptionalLong;

/** Series of a cluster in change: drain readiness, reassignment progress, throttles, feature levels. */
final class ChangeRenderer {

    private ChangeRenderer() {
    }

    static void render(String cluster, ReplicationSnapshot replication, ChangeSnapshot change,
                       List<MetricSnapshot> out) {
        Family atRisk = new Family(BROKER_PARTITIONS_AT_RISK_IF_STOPPED);
        Family safe = new Family(BROKER_SAFE_TO_REMOVE);
        replication.brokers().forEach((id, b) -> {
            String broker = Integer.toString(id);
            atRisk.add(b.atRiskIfStopped(), cluster, broker);
            safe.add(b.safeToRemove() ? 1 : 0, cluster, broker);
        });
        Family brokerThrottle = new Family(BROKER_REPLICATION_THROTTLE);
        change.brokerThrottles().forEach((id, t) -> {
            String broker = Integer.toString(id);
            rate(brokerThrottle, t.leaderBytesPerSecond(), cluster, broker, "leader");
            rate(brokerThrottle, t.followerBytesPerSecond(), cluster, broker, "follower");
        });
        Family topicThrottle = new Family(TOPIC_REPLICATION_THROTTLED_REPLICAS);
        change.topicThrottles().forEach((topic, t) -> {
            if (t.leaderReplicas() > 0) {
                topicThrottle.add(t.leaderReplicas(), cluster, topic, "leader");
            }
            if (t.followerReplicas() > 0) {
                topicThrottle.add(t.followerReplicas(), cluster, topic, "follower");
            }
        });
        Family features = new Family(CLUSTER_FEATURE_LEVEL);
        change.features().ifPresent(f -> f.forEach((name, level) -> features.add(level, cluster, name)));
        out.addAll(List.of(atRisk.build(), safe.build(), brokerThrottle.build(), topicThrottle.build(),
                features.build()));
        renderReassignments(cluster, change, out);
    }

    private static void renderReassignments(String cluster, ChangeSnapshot change, List<MetricSnapshot> out) {
        Family partitions = new Family(TOPIC_REASSIGNMENT_PARTITIONS);
        Family adding = new Family(TOPIC_REASSIGNMENT_ADDING_REPLICAS);
        Family removing = new Family(TOPIC_REASSIGNMENT_REMOVING_REPLICAS);
        Family target = new Family(TOPIC_REASSIGNMENT_TARGET_BYTES);
        Family copied = new Family(TOPIC_REASSIGNMENT_COPIED_BYTES);
        Family progress = new Family(TOPIC_REASSIGNMENT_PROGRESS);
        Family rate = new Family(TOPIC_REASSIGNMENT_COPY_RATE);
        Family remaining = new Family(TOPIC_REASSIGNMENT_REMAINING);
        change.reassignments().topics().forEach((topic, t) -> {
            partitions.add(t.partitions(), cluster, topic);
            adding.add(t.adding(), cluster, topic);
            removing.add(t.removing(), cluster, topic);
            if (t.bytesKnown()) {
                target.add(t.targetBytes(), cluster, topic);
                copied.add(t.copiedBytes(), cluster, topic);
                progress.add(t.progress(), cluster, topic);
            }
            t.bytesPerSecond().ifPresent(r -> rate.add(r, cluster, topic));
            t.remainingSeconds().ifPresent(s -> remaining.add(s, cluster, topic));
        });
        Family pAdding = new Family(PARTITION_REASSIGNMENT_ADDING_REPLICAS);
        Family pRemoving = new Family(PARTITION_REASSIGNMENT_REMOVING_REPLICAS);
        Family pTarget = new Family(PARTITION_REASSIGNMENT_TARGET_BYTES);
        Family pCopied = new Family(PARTITION_REASSIGNMENT_COPIED_BYTES);
        Family pProgress = new Family(PARTITION_REASSIGNMENT_PROGRESS);
        Family pRemaining = new Family(PARTITION_REASSIGNMENT_REMAINING);
        for (PartitionProgress p : change.reassignments().partitions()) {
            String topic = p.id().topic();
            String partition = Integer.toString(p.id().partition());
            pAdding.add(p.adding().size(), cluster, topic, partition);
            pRemoving.add(p.removing().size(), cluster, topic, partition);
            p.targetBytes().ifPresent(b -> pTarget.add(b, cluster, topic, partition));
            p.copiedBytes().ifPresent(b -> pCopied.add(b, cluster, topic, partition));
            p.progress().ifPresent(r -> pProgress.add(r, cluster, topic, partition));
            p.remainingSeconds().ifPresent(s -> pRemaining.add(s, cluster, topic, partition));
        }
        out.addAll(List.of(partitions.build(), adding.build(), removing.build(), target.build(), copied.build(),
                progress.build(), rate.build(), remaining.build(), pAdding.build(), pRemoving.build(), pTarget.build(),
                pCopied.build(), pProgress.build(), pRemaining.build()));
    }

    private static void rate(Family family, OptionalLong rate, String... labels) {
        rate.ifPresent(r -> family.add(r, labels));
    }
}
