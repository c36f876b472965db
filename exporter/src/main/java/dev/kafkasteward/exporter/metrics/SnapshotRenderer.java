package dev.kafkasteward.exporter.metrics;

import dev.kafkasteward.exporter.core.ServedState;
import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
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
            LagRenderer.render(cluster, s.lag(), out);
            ReplicationRenderer.render(cluster, s.replication(), out);
            DeadLetterRenderer.render(cluster, s.deadLetters(), out);
            FunnelRenderer.render(cluster, s.funnels(), out);
        });
        SelfRenderer.render(cluster, version, served.status(), clock.instant(), out);
        return new MetricSnapshots(out);
    }
}
