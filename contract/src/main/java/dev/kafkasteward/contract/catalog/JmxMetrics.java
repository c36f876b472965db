package dev.kafkasteward.contract.catalog;

import static dev.kafkasteward.contract.catalog.MetricDef.gauge;

import java.util.List;

/**
 * Metrics that our jmx_prometheus_javaagent configs produce, under the names agent 1.0.1 really
 * emits with those configs. Rules and dashboards rely on them; a contract test scrapes real
 * processes to prove they exist.
 */
public final class JmxMetrics {

    static final Source BROKER = new Source.JmxConfig("broker.yml");

    public static final MetricDef BROKER_UNDER_REPLICATED_PARTITIONS = gauge(
            "kafka_server_replicamanager_under_replicated_partitions", null,
            "Partitions led by this broker whose ISR is smaller than the replica set (ReplicaManager MBean).",
            BROKER);

    public static final List<MetricDef> ALL = List.of(BROKER_UNDER_REPLICATED_PARTITIONS);

    private JmxMetrics() {
    }
}
