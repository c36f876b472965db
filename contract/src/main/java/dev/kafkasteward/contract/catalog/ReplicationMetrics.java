package dev.kafkasteward.contract.catalog;

import static dev.kafkasteward.contract.catalog.MetricDef.gauge;

import java.util.List;

/** Replication health computed by the exporter from topic metadata. */
public final class ReplicationMetrics {

    public static final MetricDef TOPIC_UNDER_REPLICATED_PARTITIONS = gauge(
            "kafka_topic_under_replicated_partitions", null,
            "Partitions of the topic whose in-sync replica set is smaller than its replica set.",
            Source.EXPORTER, "cluster", "topic");

    public static final List<MetricDef> ALL = List.of(TOPIC_UNDER_REPLICATED_PARTITIONS);

    private ReplicationMetrics() {
    }
}
