package dev.kafkasteward.contract.catalog;

import static dev.kafkasteward.contract.catalog.MetricDef.gauge;

import java.util.List;

/** Consumer-group signals computed by the exporter. */
public final class LagMetrics {

    public static final MetricDef LAG_RECORDS = gauge("kafka_consumergroup_lag_records", "records",
            "Records the group has not consumed yet: log-end offset minus committed offset. Partitions without a"
                    + " committed offset have no series.",
            Source.EXPORTER, "cluster", "group", "topic", "partition");

    public static final MetricDef LAG_AGE = gauge("kafka_consumergroup_lag_age_seconds", "seconds",
            "Age of the oldest record the group has not consumed: now minus the timestamp of the record at the"
                    + " committed offset; 0 when caught up. Partitions whose age is unknown have no series.",
            Source.EXPORTER, "cluster", "group", "topic", "partition");

    public static final List<MetricDef> ALL = List.of(LAG_RECORDS, LAG_AGE);

    private LagMetrics() {
    }
}
