package dev.kafkasteward.exporter.metrics;

import dev.kafkasteward.contract.catalog.SelfMetrics;
import dev.kafkasteward.exporter.core.CollectionStatus;
import dev.kafkasteward.exporter.reload.ReloadState;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The exporter's own health: build, cycle duration, successes, errors, staleness. */
final class SelfRenderer {

    private SelfRenderer() {
    }

    /** What changes with the clock and every cycle's outcome: rendered at every scrape. */
    static void renderStatus(String cluster, String version, CollectionStatus status, Instant now,
                             List<MetricSnapshot> out) {
        out.add(new Family(SelfMetrics.BUILD_INFO).add(1, cluster, version).build());
        Family duration = new Family(SelfMetrics.COLLECTION_DURATION);
        status.lastDuration().ifPresent(d -> duration.add(d.toNanos() / 1e9, cluster));
        out.add(duration.build());
        out.add(new Family(SelfMetrics.LAST_SUCCESS)
                .add(status.lastRefresh().map(t -> t.toEpochMilli() / 1000.0).orElse(0.0), cluster).build());
        out.add(new Family(SelfMetrics.SNAPSHOT_AGE).add(status.stalenessSeconds(now), cluster).build());
        out.add(new Family(SelfMetrics.COLLECTIONS)
                .add(status.successes(), cluster, "success")
                .add(status.partials(), cluster, "partial")
                .add(status.failures(), cluster, "failure").build());
        Family errors = new Family(SelfMetrics.COLLECTION_ERRORS);
        status.errors().forEach((stage, n) -> errors.add(n, cluster, stage));
        out.add(errors.build());
    }

    /** Reloads of ownership.yml: rendered at every scrape, so a failed reload shows before the next cycle. */
    static void renderReloads(String cluster, ReloadState reloads, List<MetricSnapshot> out) {
        out.add(new Family(SelfMetrics.CONFIG_RELOADS)
                .add(reloads.successes(), cluster, "success")
                .add(reloads.failures(), cluster, "failure").build());
        out.add(new Family(SelfMetrics.CONFIG_LAST_RELOAD_SUCCESSFUL).add(reloads.lastSuccessful() ? 1 : 0, cluster)
                .build());
    }

    /** What belongs to the served snapshot: its cost, completeness, and what the series limit left out. */
    static void renderCycle(String cluster, Map<String, Long> requests, Map<String, Integer> omitted, boolean complete,
                            List<MetricSnapshot> out) {
        out.add(new Family(SelfMetrics.SNAPSHOT_PARTIAL).add(complete ? 0 : 1, cluster).build());
        Family cycleRequests = new Family(SelfMetrics.CYCLE_REQUESTS);
        new TreeMap<>(requests).forEach((client, n) -> cycleRequests.add(n, cluster, client));
        out.add(cycleRequests.build());
        Family omittedSeries = new Family(SelfMetrics.OMITTED_SERIES);
        new TreeMap<>(omitted).forEach((metric, n) -> omittedSeries.add(n, cluster, metric));
        out.add(omittedSeries.build());
    }
}
