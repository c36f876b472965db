package dev.kafkasteward.contract.catalog;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Every metric name the project emits or relies on, in one place. The exporter registers from it,
 * rules and dashboards build queries from it, and tests check that nothing else is referenced.
 */
public final class MetricCatalog {

    private static final List<MetricDef> ALL = Stream.of(LagMetrics.ALL, ShareGroupMetrics.ALL,
            ReplicationMetrics.ALL, ChangeMetrics.ALL, DiskMetrics.ALL, SelfMetrics.ALL, DeadLetterMetrics.ALL, FunnelMetrics.ALL, JmxMetrics.ALL)
            .flatMap(List::stream).toList();

    private MetricCatalog() {
    }

    public static List<MetricDef> all() {
        return ALL;
    }

    public static Optional<MetricDef> byName(String name) {
        return ALL.stream().filter(m -> m.name().equals(name)).findFirst();
    }

    public static List<MetricDef> bySource(Source source) {
        return ALL.stream().filter(m -> m.source().equals(source)).toList();
    }
}
