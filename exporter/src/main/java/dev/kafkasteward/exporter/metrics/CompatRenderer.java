package dev.kafkasteward.exporter.metrics;

import dev.kafkasteward.contract.catalog.CompatMetrics;
import dev.kafkasteward.exporter.core.ServedState;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A compatibility profile's series ({@link CompatMetrics}): the other exporter's names and labels
 * with our values, rendered from the served snapshot at each scrape of the profile's path, one class
 * per profile. Ages are as at the scrape, as on {@code /metrics}.
 */
public final class CompatRenderer {

    private CompatRenderer() {
    }

    /** The profile's series for the served state; none before the first snapshot. */
    public static MetricSnapshots render(CompatMetrics.Profile profile, String cluster, ServedState served,
                                         Instant now) {
        List<MetricSnapshot> out = new ArrayList<>();
        if (profile.equals(CompatMetrics.KAFKA_EXPORTER)) {
            served.snapshot().ifPresent(s -> KafkaExporterProfile.render(s.compat(), out));
        } else if (profile.equals(CompatMetrics.KAFKA_LAG_EXPORTER)) {
            KafkaLagExporterProfile.render(cluster, served, now, out);
        } else {
            throw new IllegalArgumentException("no renderer for profile " + profile.name());
        }
        return new MetricSnapshots(out);
    }
}
