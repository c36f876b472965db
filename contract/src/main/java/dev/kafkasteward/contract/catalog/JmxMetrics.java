package dev.kafkasteward.contract.catalog;

import static dev.kafkasteward.contract.catalog.MetricDef.counter;
import static dev.kafkasteward.contract.catalog.MetricDef.gauge;

import java.util.List;
import java.util.Optional;

/**
 * Metrics that our jmx_prometheus_javaagent configs produce, under the names agent 1.0.1 really emits with
 * those configs: found by scraping real Kafka 4.3.1 processes (jmx-config's KafkaComponentsJmxConfigIT: a
 * dedicated controller, a broker, a producer, a consumer, a Streams app and a Connect worker), never guessed.
 * Rules and dashboards rely on them; that test fails naming any entry a real scrape lacks.
 *
 * <p>The source is the config that must be attached for the metric to exist. The controller entries come
 * from {@code controller.yml}; {@code broker.yml} carries the same rules for combined broker+controller
 * nodes. The JVM entries are built into every agent and catalogued once, under {@code broker.yml}.
 */
public final class JmxMetrics {

    static final Source BROKER = new Source.JmxConfig("broker.yml");
    static final Source CONTROLLER = new Source.JmxConfig("controller.yml");
    static final Source CONNECT = new Source.JmxConfig("connect.yml");
    static final Source CLIENT = new Source.JmxConfig("client.yml");

    // --- broker.yml: KRaft broker ------------------------------------------------------------------------
    public static final MetricDef BROKER_UNDER_REPLICATED_PARTITIONS = gauge(
            "kafka_server_replicamanager_under_replicated_partitions", null,
            "Partitions led by this broker whose ISR is smaller than the replica set.", BROKER);

    public static final MetricDef BROKER_UNDER_MIN_ISR_PARTITIONS = gauge(
            "kafka_server_replicamanager_under_min_isr_partition_count", null,
            "Partitions led by this broker whose ISR is smaller than min.insync.replicas.", BROKER);

    public static final MetricDef BROKER_AT_MIN_ISR_PARTITIONS = gauge(
            "kafka_server_replicamanager_at_min_isr_partition_count", null,
            "Partitions led by this broker whose ISR is exactly min.insync.replicas: one more loss stops "
                    + "writes.", BROKER);

    public static final MetricDef BROKER_PARTITION_COUNT = gauge("kafka_server_replicamanager_partition_count", null,
            "Partition replicas hosted by this broker.", BROKER);

    public static final MetricDef BROKER_LEADER_COUNT = gauge("kafka_server_replicamanager_leader_count", null,
            "Partitions this broker leads.", BROKER);

    public static final MetricDef ISR_SHRINKS = counter("kafka_server_replicamanager_isr_shrinks_total", null,
            "Times a partition's ISR shrank on this broker.", BROKER);

    public static final MetricDef ISR_EXPANDS = counter("kafka_server_replicamanager_isr_expands_total", null,
            "Times a partition's ISR expanded on this broker.", BROKER);

    public static final MetricDef REPLICA_MAX_LAG = gauge("kafka_server_replicafetchermanager_max_lag", null,
            "Largest lag, in records, of any follower replica on this broker behind its leader.", BROKER);

    public static final MetricDef OFFLINE_LOG_DIRECTORIES = gauge(
            "kafka_log_logmanager_offline_log_directory_count", null,
            "Log directories of this broker that are offline (failed disk).", BROKER);

    public static final MetricDef TOPIC_MESSAGES_IN = counter(
            "kafka_server_brokertopicmetrics_messages_in_total", null,
            "Records produced to the topic on this broker.", BROKER, "topic");

    public static final MetricDef TOPIC_BYTES_IN = counter("kafka_server_brokertopicmetrics_bytes_in_total", null,
            "Bytes produced to the topic on this broker.", BROKER, "topic");

    public static final MetricDef TOPIC_BYTES_OUT = counter("kafka_server_brokertopicmetrics_bytes_out_total", null,
            "Bytes fetched from the topic on this broker by consumers.", BROKER, "topic");

    public static final MetricDef FAILED_PRODUCE_REQUESTS = counter(
            "kafka_server_brokertopicmetrics_failed_produce_requests_total", null,
            "Produce requests that failed on this broker, all topics (per-topic meters appear only after a "
                    + "failure).", BROKER);

    public static final MetricDef FAILED_FETCH_REQUESTS = counter(
            "kafka_server_brokertopicmetrics_failed_fetch_requests_total", null,
            "Fetch requests that failed on this broker, all topics (per-topic meters appear only after a "
                    + "failure).", BROKER);

    public static final MetricDef REQUESTS = counter("kafka_network_requestmetrics_requests_total", null,
            "Requests received by this broker, by API and API version.", BROKER, "request", "version");

    public static final MetricDef REQUEST_TOTAL_TIME = gauge(
            "kafka_network_requestmetrics_total_time_seconds", "seconds",
            "Total time to serve the request, from arrival to response sent "
                    + "(seconds).", BROKER, "request", "quantile");

    public static final MetricDef REQUEST_QUEUE_TIME = gauge(
            "kafka_network_requestmetrics_request_queue_time_seconds", "seconds",
            "Time the request waited in the request queue before a handler thread took it "
                    + "(seconds).", BROKER, "request", "quantile");

    public static final MetricDef REQUEST_LOCAL_TIME = gauge(
            "kafka_network_requestmetrics_local_time_seconds", "seconds",
            "Time the leader spent processing the request itself, mostly the log append or read "
                    + "(seconds).", BROKER, "request", "quantile");

    public static final MetricDef REQUEST_REMOTE_TIME = gauge(
            "kafka_network_requestmetrics_remote_time_seconds", "seconds",
            "Time the request waited for others: followers (acks=all) or fetch.min.bytes "
                    + "(seconds).", BROKER, "request", "quantile");

    public static final MetricDef REQUEST_QUEUE_SIZE = gauge("kafka_network_requestchannel_request_queue_size", null,
            "Requests waiting in the request queue for a handler thread.", BROKER);

    public static final MetricDef NETWORK_PROCESSOR_IDLE = gauge(
            "kafka_network_socketserver_network_processor_avg_idle_ratio", "ratio",
            "Average idle fraction (0..1) of the network processor threads; near 0 means saturated.", BROKER);

    public static final MetricDef REQUEST_HANDLER_IDLE = gauge(
            "kafka_server_kafkarequesthandlerpool_request_handler_avg_idle_ratio", "ratio",
            "Average idle fraction (0..1) of the request handler threads over one minute; near 0 means "
                    + "saturated.", BROKER);

    // --- Built into every agent (JVM and process collectors of client_java 1.x), whatever the config.
    //     Catalogued once, under broker.yml; the contract test checks them on every process it scrapes.
    public static final MetricDef JVM_GC_COLLECTION_SECONDS = new MetricDef("jvm_gc_collection_seconds",
            MetricType.SUMMARY, Optional.of("seconds"), List.of("gc"),
            "Time spent in each garbage collector (summary: _count collections, _sum seconds); long pauses "
                    + "show as rate(_sum) / rate(_count).", BROKER);

    public static final MetricDef JVM_MEMORY_USED = gauge("jvm_memory_used_bytes", "bytes",
            "Used bytes of a JVM memory area (area: heap, nonheap).", BROKER, "area");

    public static final MetricDef JVM_MEMORY_MAX = gauge("jvm_memory_max_bytes", "bytes",
            "Maximum bytes of a JVM memory area (area: heap, nonheap); -1 when undefined.", BROKER, "area");

    public static final MetricDef JVM_MEMORY_POOL_USED = gauge("jvm_memory_pool_used_bytes", "bytes",
            "Used bytes of a JVM memory pool.", BROKER, "pool");

    public static final MetricDef JVM_THREADS_CURRENT = gauge("jvm_threads_current", null,
            "Live JVM threads.", BROKER);

    public static final MetricDef JVM_THREADS_DEADLOCKED = gauge("jvm_threads_deadlocked", null,
            "JVM threads in a deadlock (waiting on monitors or ownable synchronizers).", BROKER);

    public static final MetricDef JVM_THREADS_STATE = gauge("jvm_threads_state", null,
            "JVM threads by thread state.", BROKER, "state");

    public static final MetricDef PROCESS_CPU_SECONDS = counter("process_cpu_seconds_total", "seconds",
            "CPU time the process used.", BROKER);

    public static final MetricDef PROCESS_OPEN_FDS = gauge("process_open_fds", null,
            "Open file descriptors of the process.", BROKER);

    public static final MetricDef PROCESS_MAX_FDS = gauge("process_max_fds", null,
            "File descriptor limit of the process.", BROKER);

    // --- controller.yml: KRaft controller (and the controller section of broker.yml, for combined nodes) ---
    public static final MetricDef ACTIVE_CONTROLLER_COUNT = gauge(
            "kafka_controller_kafkacontroller_active_controller_count", null,
            "1 on the active KRaft controller, 0 on the others; the cluster sum must be exactly 1.", CONTROLLER);

    public static final MetricDef OFFLINE_PARTITIONS = gauge(
            "kafka_controller_kafkacontroller_offline_partitions_count", null,
            "Partitions without an active leader, as the controller sees them (reported by the active "
                    + "controller).", CONTROLLER);

    public static final MetricDef UNCLEAN_LEADER_ELECTIONS = counter(
            "kafka_controller_controllerstats_unclean_leader_elections_total", null,
            "Unclean leader elections: a replica outside the ISR became leader, records may be lost.", CONTROLLER);

    public static final MetricDef ELR_LEADER_ELECTIONS = counter(
            "kafka_controller_controllerstats_election_from_eligible_leader_replicas_total", null,
            "Leader elections from the eligible leader replicas (KIP-966) instead of the ISR.", CONTROLLER);

    public static final MetricDef PREFERRED_REPLICA_IMBALANCE = gauge(
            "kafka_controller_kafkacontroller_preferred_replica_imbalance_count", null,
            "Partitions whose leader is not the preferred replica (reported by the active controller).", CONTROLLER);

    public static final MetricDef ACTIVE_BROKER_COUNT = gauge(
            "kafka_controller_kafkacontroller_active_broker_count", null,
            "Registered, unfenced brokers as the controller sees them.", CONTROLLER);

    public static final MetricDef FENCED_BROKER_COUNT = gauge(
            "kafka_controller_kafkacontroller_fenced_broker_count", null,
            "Registered brokers the controller has fenced (not serving).", CONTROLLER);

    public static final MetricDef GLOBAL_PARTITION_COUNT = gauge(
            "kafka_controller_kafkacontroller_global_partition_count", null,
            "Partitions in the cluster (reported by the active controller).", CONTROLLER);

    public static final MetricDef METADATA_ERROR_COUNT = gauge(
            "kafka_controller_kafkacontroller_metadata_error_count", null,
            "Errors this controller hit while loading or applying metadata records since it started.", CONTROLLER);

    public static final MetricDef NEW_ACTIVE_CONTROLLERS = gauge(
            "kafka_controller_kafkacontroller_new_active_controllers_count", null,
            "Times this controller saw a new active controller since it started (leader changes).", CONTROLLER);

    public static final MetricDef LAST_APPLIED_RECORD_LAG = gauge(
            "kafka_controller_kafkacontroller_last_applied_record_lag_seconds", "seconds",
            "Age of the last metadata record this controller applied (seconds).", CONTROLLER);

    public static final MetricDef CONTROLLER_EVENT_QUEUE_TIME = gauge(
            "kafka_controller_controllereventmanager_event_queue_time_seconds", "seconds",
            "Time controller events waited in the event queue (seconds).", CONTROLLER, "quantile");

    public static final MetricDef RAFT_CURRENT_LEADER = gauge("kafka_server_raft_metrics_current_leader", null,
            "Node id of the current quorum leader as this node sees it; -1 when there is none.", CONTROLLER);

    public static final MetricDef RAFT_CURRENT_EPOCH = gauge("kafka_server_raft_metrics_current_epoch", null,
            "Current quorum epoch; each increase is a leader election.", CONTROLLER);

    public static final MetricDef RAFT_CURRENT_STATE = gauge("kafka_server_raft_metrics_current_state", null,
            "1 for this node's current quorum state (state label).", CONTROLLER, "state");

    public static final MetricDef RAFT_HIGH_WATERMARK = gauge("kafka_server_raft_metrics_high_watermark", null,
            "Committed offset of the metadata log as this node knows it.", CONTROLLER);

    public static final MetricDef RAFT_LOG_END_OFFSET = gauge("kafka_server_raft_metrics_log_end_offset", null,
            "End offset of this node's metadata log; log_end_offset - high_watermark is the uncommitted "
                    + "tail.", CONTROLLER);

    public static final MetricDef RAFT_COMMIT_LATENCY_AVG = gauge(
            "kafka_server_raft_metrics_commit_latency_avg_seconds", "seconds",
            "Average time from appending a metadata record to committing it (seconds).", CONTROLLER);

    public static final MetricDef RAFT_COMMIT_LATENCY_MAX = gauge(
            "kafka_server_raft_metrics_commit_latency_max_seconds", "seconds",
            "Maximum time from appending a metadata record to committing it (seconds).", CONTROLLER);

    public static final MetricDef RAFT_APPEND_RECORDS_RATE = gauge(
            "kafka_server_raft_metrics_append_records_rate", null,
            "Metadata records appended per second by the leader (Kafka's windowed rate).", CONTROLLER);

    public static final MetricDef RAFT_FETCH_RECORDS_RATE = gauge(
            "kafka_server_raft_metrics_fetch_records_rate", null,
            "Metadata records fetched per second from the leader (Kafka's windowed rate).", CONTROLLER);

    public static final MetricDef RAFT_UNKNOWN_VOTER_CONNECTIONS = gauge(
            "kafka_server_raft_metrics_number_unknown_voter_connections", null,
            "Voters this node cannot connect to; above 0 means the quorum is degraded.", CONTROLLER);

    /**
     * An info metric in meaning, not in name: the agent has no info type, and its client library strips an
     * {@code _info} suffix from a gauge's name.
     */
    public static final MetricDef APP_VERSION = gauge("kafka_server_app_version", null, "1, labelled with the node"
            + " id and the Kafka version the node (broker or controller) runs: nodes on different versions mean a rolling upgrade is"
            + " under way.", CONTROLLER, "node", "version");

    // --- connect.yml: Kafka Connect worker ---------------------------------------------------------------
    public static final MetricDef CONNECT_CONNECTOR_COUNT = gauge(
            "kafka_connect_connect_worker_metrics_connector_count", null,
            "Connectors running on this worker.", CONNECT);

    public static final MetricDef CONNECT_TASK_COUNT = gauge("kafka_connect_connect_worker_metrics_task_count", null,
            "Tasks running on this worker.", CONNECT);

    public static final MetricDef CONNECT_CONNECTOR_STARTUP_FAILURES = counter(
            "kafka_connect_connect_worker_metrics_connector_startup_failure_total", null,
            "Connector starts that failed on this worker.", CONNECT);

    public static final MetricDef CONNECT_TASK_STARTUP_FAILURES = counter(
            "kafka_connect_connect_worker_metrics_task_startup_failure_total", null,
            "Task starts that failed on this worker.", CONNECT);

    public static final MetricDef CONNECT_CONNECTOR_TASKS_BY_STATUS = gauge(
            "kafka_connect_connect_worker_metrics_connector_task_count", null,
            "Tasks of the connector on this worker, by status (running, paused, failed, unassigned, "
                    + "destroyed, restarting).", CONNECT, "connector", "status");

    public static final MetricDef CONNECT_CONNECTOR_STATUS = gauge("kafka_connect_connector_metrics_status", null,
            "1 for the connector's current status (running, paused, stopped, failed, restarting, "
                    + "unassigned).", CONNECT, "connector", "status");

    public static final MetricDef CONNECT_TASK_STATUS = gauge("kafka_connect_connector_task_metrics_status", null,
            "1 for the task's current status (running, paused, failed, restarting, unassigned, "
                    + "destroyed).", CONNECT, "connector", "task", "status");

    public static final MetricDef CONNECT_RECORD_ERRORS = counter(
            "kafka_connect_task_error_metrics_record_errors_total", null,
            "Record processing errors in the task (conversion, transformation, or the "
                    + "connector).", CONNECT, "connector", "task");

    public static final MetricDef CONNECT_RECORD_FAILURES = counter(
            "kafka_connect_task_error_metrics_record_failures_total", null,
            "Record processing failures in the task, retries included.", CONNECT, "connector", "task");

    public static final MetricDef CONNECT_RECORDS_SKIPPED = counter(
            "kafka_connect_task_error_metrics_records_skipped_total", null,
            "Records the task skipped because of errors (errors.tolerance=all).", CONNECT, "connector", "task");

    public static final MetricDef CONNECT_DLQ_PRODUCE_REQUESTS = counter(
            "kafka_connect_task_error_metrics_deadletterqueue_produce_requests_total", null,
            "Records the sink task sent to its dead-letter queue topic.", CONNECT, "connector", "task");

    public static final MetricDef CONNECT_DLQ_PRODUCE_FAILURES = counter(
            "kafka_connect_task_error_metrics_deadletterqueue_produce_failures_total", null,
            "Failed writes to the sink task's dead-letter queue topic: records lost from the "
                    + "DLQ.", CONNECT, "connector", "task");

    public static final MetricDef CONNECT_SOURCE_RECORDS_WRITTEN = counter(
            "kafka_connect_source_task_metrics_source_record_write_total", null,
            "Records the source task wrote to Kafka (after transformations).", CONNECT, "connector", "task");

    public static final MetricDef CONNECT_SINK_RECORDS_READ = counter(
            "kafka_connect_sink_task_metrics_sink_record_read_total", null,
            "Records the sink task read from Kafka.", CONNECT, "connector", "task");

    public static final MetricDef CONNECT_REBALANCING = gauge(
            "kafka_connect_connect_worker_rebalance_metrics_rebalancing", null,
            "1 while this worker is rebalancing, else 0.", CONNECT);

    public static final MetricDef CONNECT_COMPLETED_REBALANCES = counter(
            "kafka_connect_connect_worker_rebalance_metrics_completed_rebalances_total", null,
            "Rebalances this worker completed.", CONNECT);

    public static final MetricDef CONNECT_TIME_SINCE_LAST_REBALANCE = gauge(
            "kafka_connect_connect_worker_rebalance_metrics_time_since_last_rebalance_seconds", "seconds",
            "Time since this worker's last completed rebalance (seconds).", CONNECT);

    // --- client.yml: producer, consumer and Kafka Streams apps -------------------------------------------
    public static final MetricDef PRODUCER_RECORDS_SENT = counter(
            "kafka_producer_producer_metrics_record_send_total", null,
            "Records the producer sent.", CLIENT, "client_id");

    public static final MetricDef PRODUCER_RECORD_ERRORS = counter(
            "kafka_producer_producer_metrics_record_error_total", null,
            "Record sends that failed (after retries): records the application did not get into "
                    + "Kafka.", CLIENT, "client_id");

    public static final MetricDef PRODUCER_RECORD_RETRIES = counter(
            "kafka_producer_producer_metrics_record_retry_total", null,
            "Record sends the producer retried.", CLIENT, "client_id");

    public static final MetricDef PRODUCER_REQUEST_LATENCY_AVG = gauge(
            "kafka_producer_producer_metrics_request_latency_avg_seconds", "seconds",
            "Average produce request latency over the metrics window (seconds).", CLIENT, "client_id");

    public static final MetricDef PRODUCER_REQUEST_LATENCY_MAX = gauge(
            "kafka_producer_producer_metrics_request_latency_max_seconds", "seconds",
            "Maximum produce request latency over the metrics window (seconds).", CLIENT, "client_id");

    public static final MetricDef PRODUCER_BATCH_SIZE_AVG = gauge(
            "kafka_producer_producer_metrics_batch_size_avg_bytes", "bytes",
            "Average bytes per partition batch over the metrics window.", CLIENT, "client_id");

    public static final MetricDef PRODUCER_BUFFER_AVAILABLE = gauge(
            "kafka_producer_producer_metrics_buffer_available_bytes", "bytes",
            "Unused bytes of the producer's buffer.memory; near 0 means send() is about to "
                    + "block.", CLIENT, "client_id");

    public static final MetricDef CONSUMER_RECORDS_LAG_MAX = gauge(
            "kafka_consumer_consumer_fetch_manager_metrics_records_lag_max", null,
            "Largest lag in records of any partition this consumer fetches, over the metrics "
                    + "window.", CLIENT, "client_id");

    public static final MetricDef CONSUMER_FETCHES = counter(
            "kafka_consumer_consumer_fetch_manager_metrics_fetch_total", null,
            "Fetch requests the consumer sent.", CLIENT, "client_id");

    public static final MetricDef CONSUMER_RECORDS_CONSUMED = counter(
            "kafka_consumer_consumer_fetch_manager_metrics_records_consumed_total", null,
            "Records the consumer received.", CLIENT, "client_id");

    public static final MetricDef CONSUMER_COMMITS = counter(
            "kafka_consumer_consumer_coordinator_metrics_commit_total", null,
            "Offset commits the consumer made.", CLIENT, "client_id");

    public static final MetricDef CONSUMER_REBALANCES = counter(
            "kafka_consumer_consumer_coordinator_metrics_rebalance_total", null,
            "Group rebalances the consumer took part in.", CLIENT, "client_id");

    public static final MetricDef CONSUMER_FAILED_REBALANCES = counter(
            "kafka_consumer_consumer_coordinator_metrics_failed_rebalance_total", null,
            "Group rebalances that failed for the consumer.", CLIENT, "client_id");

    public static final MetricDef CONSUMER_LAST_POLL_SECONDS_AGO = gauge(
            "kafka_consumer_consumer_metrics_last_poll_seconds_ago", null,
            "Seconds since the application last called poll(); growing means the processing loop is "
                    + "stuck.", CLIENT, "client_id");

    public static final MetricDef CONSUMER_TIME_BETWEEN_POLL_MAX = gauge(
            "kafka_consumer_consumer_metrics_time_between_poll_max_seconds", "seconds",
            "Longest gap between poll() calls over the metrics window (seconds); near max.poll.interval.ms "
                    + "means eviction.", CLIENT, "client_id");

    public static final MetricDef STREAMS_ALIVE_THREADS = gauge(
            "kafka_streams_stream_metrics_alive_stream_threads", null,
            "Stream threads of the Streams client that are alive.", CLIENT, "client_id");

    public static final MetricDef STREAMS_FAILED_THREADS = gauge(
            "kafka_streams_stream_metrics_failed_stream_threads", null,
            "Stream threads of the Streams client that died since it started.", CLIENT, "client_id");

    public static final MetricDef STREAMS_STATE = gauge("kafka_streams_stream_metrics_state", null,
            "1 for the Streams client's state (CREATED, REBALANCING, RUNNING, PENDING_SHUTDOWN, "
                    + "NOT_RUNNING, PENDING_ERROR, ERROR).", CLIENT, "client_id", "state");

    public static final MetricDef STREAMS_THREAD_PROCESSED = counter(
            "kafka_streams_stream_thread_metrics_process_total", null,
            "Records the stream thread processed.", CLIENT, "thread_id");

    public static final MetricDef STREAMS_THREAD_STATE = gauge("kafka_streams_stream_thread_metrics_state", null,
            "1 for the stream thread's state (CREATED, STARTING, PARTITIONS_REVOKED, PARTITIONS_ASSIGNED, "
                    + "RUNNING, PENDING_SHUTDOWN, DEAD).", CLIENT, "thread_id", "state");

    public static final List<MetricDef> ALL = List.of(APP_VERSION, BROKER_UNDER_REPLICATED_PARTITIONS,
            BROKER_UNDER_MIN_ISR_PARTITIONS, BROKER_AT_MIN_ISR_PARTITIONS, BROKER_PARTITION_COUNT,
            BROKER_LEADER_COUNT, ISR_SHRINKS, ISR_EXPANDS, REPLICA_MAX_LAG, OFFLINE_LOG_DIRECTORIES,
            TOPIC_MESSAGES_IN, TOPIC_BYTES_IN, TOPIC_BYTES_OUT, FAILED_PRODUCE_REQUESTS, FAILED_FETCH_REQUESTS,
            REQUESTS, REQUEST_TOTAL_TIME, REQUEST_QUEUE_TIME, REQUEST_LOCAL_TIME, REQUEST_REMOTE_TIME,
            REQUEST_QUEUE_SIZE, NETWORK_PROCESSOR_IDLE, REQUEST_HANDLER_IDLE, JVM_GC_COLLECTION_SECONDS,
            JVM_MEMORY_USED, JVM_MEMORY_MAX, JVM_MEMORY_POOL_USED, JVM_THREADS_CURRENT, JVM_THREADS_DEADLOCKED,
            JVM_THREADS_STATE, PROCESS_CPU_SECONDS, PROCESS_OPEN_FDS, PROCESS_MAX_FDS, ACTIVE_CONTROLLER_COUNT,
            OFFLINE_PARTITIONS, UNCLEAN_LEADER_ELECTIONS, ELR_LEADER_ELECTIONS, PREFERRED_REPLICA_IMBALANCE,
            ACTIVE_BROKER_COUNT, FENCED_BROKER_COUNT, GLOBAL_PARTITION_COUNT, METADATA_ERROR_COUNT,
            NEW_ACTIVE_CONTROLLERS, LAST_APPLIED_RECORD_LAG, CONTROLLER_EVENT_QUEUE_TIME, RAFT_CURRENT_LEADER,
            RAFT_CURRENT_EPOCH, RAFT_CURRENT_STATE, RAFT_HIGH_WATERMARK, RAFT_LOG_END_OFFSET,
            RAFT_COMMIT_LATENCY_AVG, RAFT_COMMIT_LATENCY_MAX, RAFT_APPEND_RECORDS_RATE, RAFT_FETCH_RECORDS_RATE,
            RAFT_UNKNOWN_VOTER_CONNECTIONS, CONNECT_CONNECTOR_COUNT, CONNECT_TASK_COUNT,
            CONNECT_CONNECTOR_STARTUP_FAILURES, CONNECT_TASK_STARTUP_FAILURES, CONNECT_CONNECTOR_TASKS_BY_STATUS,
            CONNECT_CONNECTOR_STATUS, CONNECT_TASK_STATUS, CONNECT_RECORD_ERRORS, CONNECT_RECORD_FAILURES,
            CONNECT_RECORDS_SKIPPED, CONNECT_DLQ_PRODUCE_REQUESTS, CONNECT_DLQ_PRODUCE_FAILURES,
            CONNECT_SOURCE_RECORDS_WRITTEN, CONNECT_SINK_RECORDS_READ, CONNECT_REBALANCING,
            CONNECT_COMPLETED_REBALANCES, CONNECT_TIME_SINCE_LAST_REBALANCE, PRODUCER_RECORDS_SENT,
            PRODUCER_RECORD_ERRORS, PRODUCER_RECORD_RETRIES, PRODUCER_REQUEST_LATENCY_AVG,
            PRODUCER_REQUEST_LATENCY_MAX, PRODUCER_BATCH_SIZE_AVG, PRODUCER_BUFFER_AVAILABLE,
            CONSUMER_RECORDS_LAG_MAX, CONSUMER_FETCHES, CONSUMER_RECORDS_CONSUMED, CONSUMER_COMMITS,
            CONSUMER_REBALANCES, CONSUMER_FAILED_REBALANCES, CONSUMER_LAST_POLL_SECONDS_AGO,
            CONSUMER_TIME_BETWEEN_POLL_MAX, STREAMS_ALIVE_THREADS, STREAMS_FAILED_THREADS, STREAMS_STATE,
            STREAMS_THREAD_PROCESSED, STREAMS_THREAD_STATE);

    private JmxMetrics() {
    }
}
