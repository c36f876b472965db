package dev.kafkasteward.exporter.metrics;

import dev.kafkasteward.exporter.core.ServedState;
import dev.kafkasteward.exporter.http.ScrapeSource;
import dev.kafkasteward.exporter.lag.LagSnapshot;
import dev.kafkasteward.exporter.reload.ReloadState;
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
 * The one place that turns the served state into metric samples, one renderer per capability. It
 * reads the latest state from memory and never calls Kafka: {@code /metrics} goes through
 * {@link #begin()} (the snapshot's part cached per cycle, the status part per scrape), and
 * {@link #collect()} renders both at once for callers that want every series uncached.
 */
public final class SnapshotRenderer implements MultiCollector, ScrapeSource {

    private final Supplier<ServedState> state;
    private final String cluster;
    private final String version;
    private final Clock clock;
    private volatile LagRenderer.AgeRows ageRows;
    private final PartitionSeries partitionSeries;
    private final Supplier<ReloadState> reloads;

    public SnapshotRenderer(Supplier<ServedState> state, String cluster, String version, Clock clock,
                            PartitionSeries partitionSeries, Supplier<ReloadState> reloads) {
        this.state = state;
        this.cluster = cluster;
        this.version = version;
        this.clock = clock;
        this.partitionSeries = partitionSeries;
        this.reloads = reloads;
    }

    /** Every partition series, and an ownership.yml that is never reloaded. */
    public SnapshotRenderer(Supplier<ServedState> state, String cluster, String version, Clock clock) {
        this(state, cluster, version, clock, PartitionSeries.ALL, () -> ReloadState.INITIAL);
    }

    @Override
    public MetricSnapshots collect() {
        ServedState served = state.get();
        List<MetricSnapshot> out = new ArrayList<>(snapshotPart(served).stream().toList());
        statusPart(served).forEach(out::add);
        return new MetricSnapshots(out);
    }

    /** Series that depend only on the served snapshot: the same bytes until the next cycle replaces it. */
    MetricSnapshots snapshotPart(ServedState served) {
        List<MetricSnapshot> out = new ArrayList<>();
        served.snapshot().ifPresent(s -> {
            Map<String, Integer> omitted = new TreeMap<>();
            LagRenderer.render(cluster, s.lag(), partitionSeries, omitted, out);
            ShareGroupRenderer.render(cluster, s.shareGroups(), partitionSeries, omitted, out);
            LagRenderer.renderRebalances(cluster, s.rebalances(), out);
            ReplicationRenderer.render(cluster, s.replication(), out);
            ClusterRenderer.render(cluster, s.replication(), out);
            ChangeRenderer.render(cluster, s.replication(), s.change(), out);
            DiskRenderer.render(cluster, s.disk(), out);
            DeadLetterRenderer.render(cluster, s.deadLetters(), out);
            FunnelRenderer.render(cluster, s.funnels(), out);
            SelfRenderer.renderCycle(cluster, s.requests(), omitted, s.complete(), out);
        });
        return new MetricSnapshots(out);
    }

    /**
     * Series that change with the clock or with every cycle, snapshot or not: rendered at every scrape.
     * The snapshot's ages are among them, as they are now: Prometheus stores a sample at the scrape's
     * time, and an age measured at the snapshot would trail the truth by the snapshot's age.
     */
    MetricSnapshots statusPart(ServedState served) {
        List<MetricSnapshot> out = new ArrayList<>();
        java.time.Instant now = clock.instant();
        served.snapshot().ifPresent(s -> {
            double elapsed = Math.max(0, java.time.Duration.between(s.at(), now).toMillis()) / 1000.0;
            LagRenderer.renderAges(cluster, ageRows(s.lag()), elapsed, out);
            ShareGroupRenderer.renderAges(cluster, s.shareGroups(), partitionSeries, elapsed, out);
            DiskRenderer.renderCountdown(cluster, s.disk(), now, out);
        });
        SelfRenderer.renderStatus(cluster, version, served.status(), clock.instant(), out);
        SelfRenderer.renderReloads(cluster, reloads.get(), out);
        return new MetricSnapshots(out);
    }

    /** The age rows of {@code lag}, made at its first scrape and kept until the next snapshot's. */
    private LagRenderer.AgeRows ageRows(LagSnapshot lag) {
        LagRenderer.AgeRows rows = ageRows;
        if (rows == null || rows.lag() != lag) {
            rows = LagRenderer.AgeRows.of(cluster, lag, partitionSeries);
            ageRows = rows; // concurrent first scrapes may each make them: the same rows, no harm
        }
        return rows;
    }

    /** The snapshot's series are cached by the HTTP layer until the next cycle publishes a new snapshot. */
    @Override
    public Scrape begin() {
        return scrapeOf(state.get());
    }

    /** The scrape of a given state, e.g. one about to be published. */
    public Scrape scrapeOf(ServedState served) {
        return new Scrape(served.snapshot().orElse(null), () -> snapshotPart(served), () -> statusPart(served));
    }
}
