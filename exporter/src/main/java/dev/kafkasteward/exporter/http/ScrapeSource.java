package dev.kafkasteward.exporter.http;

import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.util.function.Supplier;

/**
 * What {@code /metrics} serves, split so the expensive part can be cached: series that stay the
 * same for as long as {@code cacheKey} is the same object, and the few that change at every scrape.
 */
public interface ScrapeSource {

    /** One scrape's view; both suppliers describe the same served state. */
    record Scrape(Object cacheKey, Supplier<MetricSnapshots> cacheable, Supplier<MetricSnapshots> perScrape) {
    }

    Scrape begin();
}
