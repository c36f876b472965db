package dev.kafkasteward.grafana;

import dev.kafkasteward.contract.catalog.MetricDef;

/** Grafana unit ids for catalog metrics, so a panel's unit follows the metric's declared unit. */
final class GrafanaUnit {

    private GrafanaUnit() {
    }

    static String of(MetricDef metric) {
        return metric.unit().map(GrafanaUnit::ofPrometheusUnit).orElse("short");
    }

    private static String ofPrometheusUnit(String unit) {
        return switch (unit) {
            case "seconds" -> "s";
            case "bytes" -> "bytes";
            case "bytes_per_second" -> "Bps";
            case "ratio" -> "percentunit";
            case "records" -> "short";
            default -> throw new IllegalArgumentException("no Grafana unit for Prometheus unit " + unit);
        };
    }
}
