package dev.kafkasteward.exporter.metrics;

import dev.kafkasteward.contract.catalog.ReplicationMetrics;
import dev.kafkasteward.exporter.replication.ReplicationSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import java.util.List;

/** Replication health series. */
final class ReplicationRenderer {

    private ReplicationRenderer() {
    }

    static void render(String cluster, ReplicationSnapshot replication, List<MetricSnapshot> out) {
        Family urp = new Family(ReplicationMetrics.TOPIC_UNDER_REPLICATED_PARTITIONS);
        replication.underReplicatedByTopic().forEach((topic, n) -> urp.add(n, cluster, topic));
        out.add(urp.build());
    }
}
