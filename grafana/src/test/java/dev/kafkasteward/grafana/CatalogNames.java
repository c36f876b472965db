package dev.kafkasteward.grafana;

import dev.kafkasteward.contract.catalog.MetricCatalog;
import dev.kafkasteward.contract.catalog.MetricDef;
import dev.kafkasteward.contract.catalog.MetricType;
import dev.kafkasteward.contract.catalog.Source;
import java.util.List;
import java.util.Optional;

/**
 * Series names as a query spells them, resolved to catalog entries: a summary is catalogued once by its
 * base name, and scraped as {@code _sum} and {@code _count} series, both counters.
 */
final class CatalogNames {

    /** Labels Prometheus adds to every scraped series; jmx series have no others to tell processes apart. */
    static final List<String> TARGET_LABELS = List.of("job", "instance");
    private static final List<String> SUMMARY_SUFFIXES = List.of("_sum", "_count");

    private CatalogNames() {
    }

    static Optional<MetricDef> resolve(String series) {
        Optional<MetricDef> exact = MetricCatalog.byName(series);
        if (exact.isPresent()) {
            return exact;
        }
        for (String suffix : SUMMARY_SUFFIXES) {
            if (series.endsWith(suffix)) {
                Optional<MetricDef> base = MetricCatalog.byName(series.substring(0, series.length() - suffix.length()));
                if (base.isPresent() && base.get().type() == MetricType.SUMMARY) {
                    return base;
                }
            }
        }
        return Optional.empty();
    }

    static boolean isCounter(String series) {
        return resolve(series).map(d -> d.type() == MetricType.COUNTER
                || (d.type() == MetricType.SUMMARY && !series.equals(d.name()))).orElse(false);
    }

    /** The labels a series may be matched or grouped on: its catalog labels, plus job and instance for jmx. */
    /**
     * Whether a query may use {@code label} on {@code def}: its own labels, and the labels Prometheus adds from
     * the scrape target ({@code job}, {@code instance}; and {@code cluster} on jmx series, which the scrape
     * config adds as grafana/README.md asks, and the alerts' expressions select by).
     */
    static boolean hasLabel(MetricDef def, String label) {
        return def.labels().contains(label) || TARGET_LABELS.contains(label)
                || (def.source() instanceof Source.JmxConfig && label.equals("cluster"));
    }
}
