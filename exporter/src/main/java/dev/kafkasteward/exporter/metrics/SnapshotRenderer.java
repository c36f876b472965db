package dev.kafkasteward.exporter.metrics;

import dev.kafkasteward.contract.catalog.SelfMetrics;
import dev.kafkasteward.exporter.core.ServedState;
import dev.kafkasteward.exporter.core.Snapshot;
import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * The one place that turns the served state into metric samples, one renderer per capability. A
 * scrape calls {@link #collect()}, which reads the latest state from memory: it never calls Kafka.
 */
public final class SnapshotRenderer implements MultiCollector {

    private final Supplier<ServedState> state;
    private final String cluster;
    private final String version;
    private final Clock clock;
    private final PartitionSeries partitionSeries;

    public SnapshotRenderer(Supplier<ServedState> state, String cluster, String version, Clock clock,
                            PartitionSeries partitionSeries) {
        this.state = state;
        this.cluster = cluster;
        this.version = version;
        this.clock = clock;
        this.partitionSeries = partitionSeries;
    }

    public SnapshotRenderer(Supplier<ServedState> state, String cluster, String version, Clock clock) {
        this(state, cluster, version, clock, PartitionSeries.ALL);
    }

    @Override
    public MetricSnapshots collect() {
        ServedState served = state.get();
        List<MetricSnapshot> out = new ArrayList<>();
        Map<String, Integer> omitted = new TreeMap<>();
        served.snapshot().ifPresent(s -> {
            LagRenderer.render(cluster, s.lag(), partitionSeries, omitted, out);
            ReplicationRenderer.render(cluster, s.replication(), out);
            ClusterRenderer.render(cluster, s.replication(), out);
            DiskRenderer.render(cluster, s.disk(), out);
        });
        Map<String, Long> requests = served.snapshot().map(Snapshot::requests).orElse(Map.of());
        served.snapshot().ifPresent(s -> out.add(new Family(SelfMetrics.SNAPSHOT_PARTIAL)
                .add(s.complete() ? 0 : 1, cluster).build()));
        SelfRenderer.render(cluster, version, served.status(), requests, omitted, clock.instant(), out);
        return new MetricSnapshots(out);
    }
}
