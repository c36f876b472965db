package dev.kafkasteward.exporter.metrics;

import dev.kafkasteward.contract.catalog.LagMetrics;
import dev.kafkasteward.contract.catalog.ReplicationMetrics;
import dev.kafkasteward.contract.catalog.SelfMetrics;
import dev.kafkasteward.exporter.core.CollectionStatus;
import dev.kafkasteward.exporter.core.ServedState;
import dev.kafkasteward.exporter.core.Snapshot;
import dev.kafkasteward.exporter.lag.LagAge;
import dev.kafkasteward.exporter.lag.PartitionLag;
import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The one place that turns the served state into metric samples. A scrape calls {@link #collect()},
 * which reads the latest state from memory: it never calls Kafka.
 */
public final class SnapshotRenderer implements MultiCollector {

    private final Supplier<ServedState> state;
    private final String cluster;
    private final String version;
    private final Clock clock;

    public SnapshotRenderer(Supplier<ServedState> state, String cluster, String version, Clock clock) {
        this.state = state;
        this.cluster = cluster;
        this.version = version;
        this.clock = clock;
    }

    @Override
    public MetricSnapshots collect() {
        ServedState served = state.get();
        List<MetricSnapshot> out = new ArrayList<>();
        served.snapshot().ifPresent(s -> {
            renderLag(s, out);
            renderReplication(s, out);
        });
        renderSelf(served.status(), out);
        return new MetricSnapshots(out);
    }

    private void renderLag(Snapshot s, List<MetricSnapshot> out) {
        Family records = new Family(LagMetrics.LAG_RECORDS);
        Family age = new Family(LagMetrics.LAG_AGE);
        for (PartitionLag p : s.lag().partitions()) {
            String partition = Integer.toString(p.partition().partition());
            records.add(p.records(), cluster, p.group(), p.partition().topic(), partition);
            if (p.age() instanceof LagAge.Known known) {
                age.add(known.seconds(), cluster, p.group(), p.partition().topic(), partition);
            }
        }
        out.add(records.build());
        out.add(age.build());
    }

    private void renderReplication(Snapshot s, List<MetricSnapshot> out) {
        Family urp = new Family(ReplicationMetrics.TOPIC_UNDER_REPLICATED_PARTITIONS);
        s.replication().underReplicatedByTopic().forEach((topic, n) -> urp.add(n, cluster, topic));
        out.add(urp.build());
    }

    private void renderSelf(CollectionStatus status, List<MetricSnapshot> out) {
        out.add(new Family(SelfMetrics.BUILD_INFO).add(1, cluster, version).build());
        Family duration = new Family(SelfMetrics.COLLECTION_DURATION);
        status.lastDuration().ifPresent(d -> duration.add(d.toNanos() / 1e9, cluster));
        out.add(duration.build());
        out.add(new Family(SelfMetrics.LAST_SUCCESS)
                .add(status.lastSuccess().map(t -> t.toEpochMilli() / 1000.0).orElse(0.0), cluster).build());
        out.add(new Family(SelfMetrics.SNAPSHOT_AGE).add(status.stalenessSeconds(clock.instant()), cluster).build());
        out.add(new Family(SelfMetrics.COLLECTIONS)
                .add(status.successes(), cluster, "success")
                .add(status.failures(), cluster, "failure").build());
        Family errors = new Family(SelfMetrics.COLLECTION_ERRORS);
        status.errors().forEach((stage, n) -> errors.add(n, cluster, stage));
        out.add(errors.build());
    }
}
