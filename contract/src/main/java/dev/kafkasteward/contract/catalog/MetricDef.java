package dev.kafkasteward.contract.catalog;

import java.util.List;
import java.util.Optional;

/**
 * One metric as it appears on a scrape: exposed name (with {@code _total} for counters and
 * {@code _info} for info metrics), type, unit, label names, help and source.
 */
public record MetricDef(String name, MetricType type, Optional<String> unit, List<String> labels, String help,
                        Source source) {

    public MetricDef {
        labels = List.copyOf(labels);
        if (!name.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("not a snake_case metric name: " + name);
        }
        if (type == MetricType.COUNTER && !name.endsWith("_total")) {
            throw new IllegalArgumentException("counter must end in _total: " + name);
        }
        if (type == MetricType.INFO && !name.endsWith("_info")) {
            throw new IllegalArgumentException("info metric must end in _info: " + name);
        }
        unit.ifPresent(u -> {
            String base = type == MetricType.COUNTER ? name.substring(0, name.length() - "_total".length()) : name;
            if (!base.endsWith("_" + u)) {
                throw new IllegalArgumentException("metric " + name + " must end in its unit _" + u);
            }
        });
    }

    static MetricDef gauge(String name, String unit, String help, Source source, String... labels) {
        return new MetricDef(name, MetricType.GAUGE, Optional.ofNullable(unit), List.of(labels), help, source);
    }

    static MetricDef counter(String name, String unit, String help, Source source, String... labels) {
        return new MetricDef(name, MetricType.COUNTER, Optional.ofNullable(unit), List.of(labels), help, source);
    }

    static MetricDef info(String name, String help, Source source, String... labels) {
        return new MetricDef(name, MetricType.INFO, Optional.empty(), List.of(labels), help, source);
    }

    /** The name without the type suffix the exposition format adds ({@code _total}, {@code _info}). */
    public String baseName() {
        return switch (type) {
            case COUNTER -> name.substring(0, name.length() - "_total".length());
            case INFO -> name.substring(0, name.length() - "_info".length());
            default -> name;
        };
    }

    /** A PromQL selector for this metric with the given matchers, e.g. {@code m{group="x"}}. */
    public String select(String... matchers) {
        return matchers.length == 0 ? name : name + "{" + String.join(", ", matchers) + "}";
    }

    @Override
    public String toString() {
        return name;
    }
}
