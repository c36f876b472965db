package dev.kafkasteward.contract.catalog;

/** The Prometheus/OpenMetrics type a metric is exposed as. */
public enum MetricType {
    GAUGE, COUNTER, INFO, SUMMARY, HISTOGRAM
}
