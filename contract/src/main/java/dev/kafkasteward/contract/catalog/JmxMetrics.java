package dev.kafkasteward.contract.catalog;

import static dev.kafkasteward.contract.catalog.MetricDef.counter;
import static dev.kafkasteward.contract.catalog.MetricDef.gauge;

import java.util.List;

/**
 * Metrics that our jmx_prometheus_javaagent configs produce, under the names agent 1.0.1 really
 * emits with those configs (found by scraping a real broker, see jmx-config's BrokerJmxConfigIT).
 * Rules and dashboards rely on them; the contract test proves each exists.
 */
public final class JmxMetrics {

    static final Source BROKER = new Source.JmxConfig("broker.yml");

    public static final MetricDef BROKER_UNDER_REPLICATED_PARTITIONS = gauge(
            "kafka_server_replicamanager_under_replicated_partitions", null,
            "Partitions led by this broker whose ISR is smaller than the replica set.", BROKER);

    public static final MetricDef BROKER_UNDER_MIN_ISR_PARTITIONS = gauge(
            "kafka_server_replicamanager_under_min_isr_partition_count", null,
            "Partitions led by this broker whose ISR is smaller than min.insync.replicas.", BROKER);

    public static final MetricDef ISR_SHRINKS = counter("kafka_server_replicamanager_isr_shrinks_total", null,
            "Times a partition's ISR shrank on this broker.", BROKER);

    public static final MetricDef ISR_EXPANDS = counter("kafka_server_replicamanager_isr_expands_total", null,
            "Times a partition's ISR expanded on this broker.", BROKER);

    public static final MetricDef TOPIC_BYTES_IN = counter("kafka_server_brokertopicmetrics_bytes_in_total", null,
            "Bytes produced to the topic on this broker.", BROKER, "topic");

    public static final MetricDef TOPIC_BYTES_OUT = counter("kafka_server_brokertopicmetrics_bytes_out_total", null,
            "Bytes fetched from the topic on this broker by consumers.", BROKER, "topic");

    public static final MetricDef REQUEST_TOTAL_TIME = gauge("kafka_network_requestmetrics_total_time_seconds",
            "seconds", "Total time to serve the request, from arrival to response sent, by quantile.", BROKER,
            "request", "quantile");

    public static final MetricDef REQUEST_QUEUE_TIME = gauge(
            "kafka_network_requestmetrics_request_queue_time_seconds", "seconds",
            "Time the request waited in the request queue before a handler thread took it, by quantile.", BROKER,
            "request", "quantile");

    public static final MetricDef ACTIVE_CONTROLLER_COUNT = gauge(
            "kafka_controller_kafkacontroller_active_controller_count", null,
            "1 on the active KRaft controller, 0 on the others; the cluster sum must be exactly 1.", BROKER);

    public static final MetricDef OFFLINE_PARTITIONS = gauge(
            "kafka_controller_kafkacontroller_offline_partitions_count", null,
            "Partitions without an active leader, as the active controller sees them.", BROKER);

    public static final MetricDef UNCLEAN_LEADER_ELECTIONS = counter(
            "kafka_controller_controllerstats_unclean_leader_elections_total", null,
            "Unclean leader elections: a replica outside the ISR became leader, records may be lost.", BROKER);

    public static final List<MetricDef> ALL = List.of(BROKER_UNDER_REPLICATED_PARTITIONS,
            BROKER_UNDER_MIN_ISR_PARTITIONS, ISR_SHRINKS, ISR_EXPANDS, TOPIC_BYTES_IN, TOPIC_BYTES_OUT,
            REQUEST_TOTAL_TIME, REQUEST_QUEUE_TIME, ACTIVE_CONTROLLER_COUNT, OFFLINE_PARTITIONS,
            UNCLEAN_LEADER_ELECTIONS);

    private JmxMetrics() {
    }
}
