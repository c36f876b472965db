package dev.kafkasteward.contract.catalog;

import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * Every alert Kafka Steward generates, spelled once, with the kind of ownership entry whose assets it is
 * about: what ownership.yml may override per entry ({@code alerts:}), what the signals module builds its
 * rules under, and what the docs may promise. A test in the signals module keeps the two sets equal.
 */
public final class AlertCatalog {

    /** The kind of ownership entry an alert's assets belong to. */
    public enum Subject {
        CONSUMER_GROUP("a consumer group"),
        SHARE_GROUP("a share group"),
        TOPIC("a topic"),
        DEAD_LETTER_TOPIC("a dead-letter topic"),
        CONNECTOR("a connector"),
        CLIENT_APP("a client app"),
        FUNNEL("a funnel"),
        PLATFORM("'platform'");

        private final String what;

        Subject(String what) {
            this.what = what;
        }

        /** As diagnostics name it, e.g. {@code a consumer group}. */
        public String what() {
            return what;
        }
    }

    /** One alert: its name and the entries it can be about (JVM alerts: a client app's JVM, or the platform's). */
    public record AlertDef(String name, Set<Subject> subjects) {

        public AlertDef {
            subjects = Set.copyOf(subjects);
        }
    }

    public static final AlertDef CONSUMER_LAG_AGE_WARNING = def("KafkaConsumerLagAgeWarning", Subject.CONSUMER_GROUP);
    public static final AlertDef CONSUMER_LAG_AGE_CRITICAL = def("KafkaConsumerLagAgeCritical", Subject.CONSUMER_GROUP);
    public static final AlertDef CONSUMER_PARTITION_STALLED =
            def("KafkaConsumerPartitionStalled", Subject.CONSUMER_GROUP);
    public static final AlertDef CONSUMER_PARTITION_STOPPED =
            def("KafkaConsumerPartitionStopped", Subject.CONSUMER_GROUP);
    public static final AlertDef CONSUMER_PARTITION_UNASSIGNED =
            def("KafkaConsumerPartitionUnassigned", Subject.CONSUMER_GROUP);
    public static final AlertDef CONSUMER_RECORDS_LOST = def("KafkaConsumerRecordsLost", Subject.CONSUMER_GROUP);
    public static final AlertDef CONSUMER_RETENTION_HEADROOM_LOW =
            def("KafkaConsumerRetentionHeadroomLow", Subject.CONSUMER_GROUP);
    public static final AlertDef CONSUMER_FRESHNESS_BUDGET_BURN =
            def("KafkaConsumerFreshnessBudgetBurn", Subject.CONSUMER_GROUP);
    public static final AlertDef CONSUMER_FRESHNESS_BUDGET_BURN_SLOW =
            def("KafkaConsumerFreshnessBudgetBurnSlow", Subject.CONSUMER_GROUP);
    public static final AlertDef CONSUMER_REBALANCE_STORM =
            def("KafkaConsumerGroupRebalanceStorm", Subject.CONSUMER_GROUP);
    public static final AlertDef SHARE_BACKLOG_AGE_WARNING =
            def("KafkaShareGroupBacklogAgeWarning", Subject.SHARE_GROUP);
    public static final AlertDef SHARE_BACKLOG_AGE_CRITICAL =
            def("KafkaShareGroupBacklogAgeCritical", Subject.SHARE_GROUP);
    public static final AlertDef SHARE_PARTITION_STALLED = def("KafkaShareGroupStalled", Subject.SHARE_GROUP);
    public static final AlertDef SHARE_PARTITION_STOPPED = def("KafkaShareGroupStopped", Subject.SHARE_GROUP);
    public static final AlertDef TOPIC_UNDER_MIN_ISR = def("KafkaTopicUnderMinIsr", Subject.TOPIC);
    public static final AlertDef TOPIC_OFFLINE_PARTITIONS = def("KafkaTopicOfflinePartitions", Subject.TOPIC);
    public static final AlertDef TOPIC_AT_MIN_ISR = def("KafkaTopicAtMinIsr", Subject.TOPIC);
    public static final AlertDef TOPIC_REPLICATION_FACTOR_BELOW_TIER =
            def("KafkaTopicReplicationFactorBelowTier", Subject.TOPIC);
    public static final AlertDef TOPIC_MIN_ISR_BELOW_TIER = def("KafkaTopicMinInsyncReplicasBelowTier", Subject.TOPIC);
    public static final AlertDef TOPIC_UNCLEAN_ELECTION_ENABLED =
            def("KafkaTopicUncleanLeaderElectionEnabled", Subject.TOPIC);
    public static final AlertDef TOPIC_RETENTION_BELOW_TIER = def("KafkaTopicRetentionBelowTier", Subject.TOPIC);
    public static final AlertDef DEAD_LETTER_RECORDS = def("KafkaDeadLetterRecords", Subject.DEAD_LETTER_TOPIC);
    public static final AlertDef DEAD_LETTER_DECISIONS_PENDING =
            def("KafkaDeadLetterDecisionsPending", Subject.DEAD_LETTER_TOPIC);
    public static final AlertDef CONNECT_CONNECTOR_FAILED = def("KafkaConnectConnectorFailed", Subject.CONNECTOR);
    public static final AlertDef CONNECT_TASK_FAILED = def("KafkaConnectTaskFailed", Subject.CONNECTOR);
    public static final AlertDef CONNECT_DLQ_PRODUCE_FAILURES =
            def("KafkaConnectDlqProduceFailures", Subject.CONNECTOR);
    public static final AlertDef CLIENT_PRODUCER_ERRORS = def("KafkaClientProducerErrors", Subject.CLIENT_APP);
    public static final AlertDef CLIENT_CONSUMER_LAG_HIGH = def("KafkaClientConsumerLagHigh", Subject.CLIENT_APP);
    public static final AlertDef CLIENT_CONSUMER_POLL_STUCK = def("KafkaClientConsumerPollStuck", Subject.CLIENT_APP);
    public static final AlertDef CLIENT_STREAMS_THREADS_FAILED =
            def("KafkaClientStreamsThreadsFailed", Subject.CLIENT_APP);
    public static final AlertDef JVM_LONG_GC_PAUSES = def("KafkaJvmLongGcPauses", Subject.CLIENT_APP, Subject.PLATFORM);
    public static final AlertDef JVM_HEAP_HIGH = def("KafkaJvmHeapHigh", Subject.CLIENT_APP, Subject.PLATFORM);
    public static final AlertDef JVM_THREADS_DEADLOCKED =
            def("KafkaJvmThreadsDeadlocked", Subject.CLIENT_APP, Subject.PLATFORM);
    public static final AlertDef PROCESS_FILE_DESCRIPTORS_HIGH =
            def("KafkaProcessFileDescriptorsHigh", Subject.CLIENT_APP, Subject.PLATFORM);
    public static final AlertDef FUNNEL_KEYS_OVERDUE = def("KafkaFunnelKeysOverdue", Subject.FUNNEL);
    public static final AlertDef FUNNEL_KEYS_DROPPED = def("KafkaFunnelKeysDropped", Subject.FUNNEL);
    public static final AlertDef FUNNEL_CORRELATION_MISSES = def("KafkaFunnelCorrelationMisses", Subject.FUNNEL);
    public static final AlertDef FUNNEL_NOT_COPARTITIONED = def("KafkaFunnelNotCopartitioned", Subject.FUNNEL);
    public static final AlertDef FUNNEL_CONVERSION_LOW = def("KafkaFunnelConversionLow", Subject.FUNNEL);
    public static final AlertDef ACTIVE_CONTROLLER_COUNT_NOT_ONE =
            def("KafkaActiveControllerCountNotOne", Subject.PLATFORM);
    public static final AlertDef BROKER_DOWN = def("KafkaBrokerDown", Subject.PLATFORM);
    public static final AlertDef BROKER_UNDERLOADED = def("KafkaBrokerUnderloaded", Subject.PLATFORM);
    public static final AlertDef BROKER_THROTTLE_LEFTOVER = def("KafkaBrokerThrottleLeftover", Subject.PLATFORM);
    public static final AlertDef TOPIC_THROTTLE_LEFTOVER = def("KafkaTopicThrottleLeftover", Subject.PLATFORM);
    public static final AlertDef REASSIGNMENT_NO_PROGRESS = def("KafkaReassignmentNoProgress", Subject.PLATFORM);
    public static final AlertDef BROKER_FAILED_FETCH_REQUESTS = def("KafkaBrokerFailedFetchRequests", Subject.PLATFORM);
    public static final AlertDef BROKER_FAILED_PRODUCE_REQUESTS =
            def("KafkaBrokerFailedProduceRequests", Subject.PLATFORM);
    public static final AlertDef BROKER_UNDER_MIN_ISR = def("KafkaBrokerUnderMinIsr", Subject.PLATFORM);
    public static final AlertDef BROKER_UNDER_REPLICATED = def("KafkaBrokerUnderReplicated", Subject.PLATFORM);
    public static final AlertDef CONTROLLER_METADATA_ERRORS = def("KafkaControllerMetadataErrors", Subject.PLATFORM);
    public static final AlertDef DISK_EXHAUSTION_CRITICAL = def("KafkaDiskExhaustionCritical", Subject.PLATFORM);
    public static final AlertDef DISK_EXHAUSTION_WARNING = def("KafkaDiskExhaustionWarning", Subject.PLATFORM);
    public static final AlertDef DISK_USAGE_CRITICAL = def("KafkaDiskUsageCritical", Subject.PLATFORM);
    public static final AlertDef DISK_USAGE_WARNING = def("KafkaDiskUsageWarning", Subject.PLATFORM);
    public static final AlertDef FENCED_BROKERS = def("KafkaFencedBrokers", Subject.PLATFORM);
    public static final AlertDef FETCH_LATENCY_HIGH = def("KafkaFetchLatencyHigh", Subject.PLATFORM);
    public static final AlertDef ISR_SHRINK_RATE_HIGH = def("KafkaIsrShrinkRateHigh", Subject.PLATFORM);
    public static final AlertDef LEADER_IMBALANCE_LASTING = def("KafkaLeaderImbalanceLasting", Subject.PLATFORM);
    public static final AlertDef LEADERSHIP_CHURN = def("KafkaLeadershipChurn", Subject.PLATFORM);
    public static final AlertDef LOG_DIR_OFFLINE = def("KafkaLogDirOffline", Subject.PLATFORM);
    public static final AlertDef NETWORK_PROCESSORS_SATURATED =
            def("KafkaNetworkProcessorsSaturated", Subject.PLATFORM);
    public static final AlertDef OFFLINE_PARTITIONS = def("KafkaOfflinePartitions", Subject.PLATFORM);
    public static final AlertDef PRODUCE_LATENCY_HIGH = def("KafkaProduceLatencyHigh", Subject.PLATFORM);
    public static final AlertDef QUORUM_EPOCH_CHURN = def("KafkaQuorumEpochChurn", Subject.PLATFORM);
    public static final AlertDef QUORUM_NO_LEADER = def("KafkaQuorumNoLeader", Subject.PLATFORM);
    public static final AlertDef QUORUM_VOTER_LAGGING = def("KafkaQuorumVoterLagging", Subject.PLATFORM);
    public static final AlertDef QUORUM_VOTER_UNREACHABLE = def("KafkaQuorumVoterUnreachable", Subject.PLATFORM);
    public static final AlertDef REASSIGNMENT_SLOW = def("KafkaReassignmentSlow", Subject.PLATFORM);
    public static final AlertDef REQUEST_HANDLERS_SATURATED = def("KafkaRequestHandlersSaturated", Subject.PLATFORM);
    public static final AlertDef REQUEST_QUEUE_TIME_HIGH = def("KafkaRequestQueueTimeHigh", Subject.PLATFORM);
    public static final AlertDef STEWARD_COLLECTION_ERRORS = def("KafkaStewardCollectionErrors", Subject.PLATFORM);
    public static final AlertDef STEWARD_COLLECTION_FAILING = def("KafkaStewardCollectionFailing", Subject.PLATFORM);
    public static final AlertDef STEWARD_COLLECTION_SLOW = def("KafkaStewardCollectionSlow", Subject.PLATFORM);
    public static final AlertDef STEWARD_CONFIG_RELOAD_FAILED = def("KafkaStewardConfigReloadFailed", Subject.PLATFORM);
    public static final AlertDef STEWARD_EXPORTER_DOWN = def("KafkaStewardExporterDown", Subject.PLATFORM);
    public static final AlertDef STEWARD_FUNNEL_READER_DOWN = def("KafkaStewardFunnelReaderDown", Subject.PLATFORM);
    public static final AlertDef STEWARD_LAG_AGE_UNKNOWN = def("KafkaStewardLagAgeUnknown", Subject.PLATFORM);
    public static final AlertDef STEWARD_NO_FRESH_DATA = def("KafkaStewardNoFreshData", Subject.PLATFORM);
    public static final AlertDef STEWARD_SERIES_OMITTED = def("KafkaStewardSeriesOmitted", Subject.PLATFORM);
    public static final AlertDef STEWARD_SNAPSHOT_STALE = def("KafkaStewardSnapshotStale", Subject.PLATFORM);
    public static final AlertDef TOPIC_UNDER_REPLICATED = def("KafkaTopicUnderReplicated", Subject.PLATFORM);
    public static final AlertDef UNCLEAN_LEADER_ELECTION = def("KafkaUncleanLeaderElection", Subject.PLATFORM);

    public static final List<AlertDef> ALL = List.of(
            CONSUMER_LAG_AGE_WARNING, CONSUMER_LAG_AGE_CRITICAL, CONSUMER_PARTITION_STALLED,
            CONSUMER_PARTITION_STOPPED, CONSUMER_PARTITION_UNASSIGNED, CONSUMER_RECORDS_LOST,
            CONSUMER_RETENTION_HEADROOM_LOW, CONSUMER_FRESHNESS_BUDGET_BURN,
            CONSUMER_FRESHNESS_BUDGET_BURN_SLOW, CONSUMER_REBALANCE_STORM, SHARE_BACKLOG_AGE_WARNING, SHARE_BACKLOG_AGE_CRITICAL,
            SHARE_PARTITION_STALLED, SHARE_PARTITION_STOPPED, TOPIC_UNDER_MIN_ISR, TOPIC_OFFLINE_PARTITIONS,
            TOPIC_AT_MIN_ISR, TOPIC_REPLICATION_FACTOR_BELOW_TIER, TOPIC_MIN_ISR_BELOW_TIER,
            TOPIC_UNCLEAN_ELECTION_ENABLED, TOPIC_RETENTION_BELOW_TIER, DEAD_LETTER_RECORDS, DEAD_LETTER_DECISIONS_PENDING,
            CONNECT_CONNECTOR_FAILED, CONNECT_TASK_FAILED,
            CONNECT_DLQ_PRODUCE_FAILURES, CLIENT_PRODUCER_ERRORS, CLIENT_CONSUMER_LAG_HIGH,
            CLIENT_CONSUMER_POLL_STUCK, CLIENT_STREAMS_THREADS_FAILED, JVM_LONG_GC_PAUSES, JVM_HEAP_HIGH,
            JVM_THREADS_DEADLOCKED, PROCESS_FILE_DESCRIPTORS_HIGH, FUNNEL_KEYS_OVERDUE, FUNNEL_KEYS_DROPPED,
            FUNNEL_CORRELATION_MISSES, FUNNEL_NOT_COPARTITIONED,
            FUNNEL_CONVERSION_LOW, ACTIVE_CONTROLLER_COUNT_NOT_ONE, BROKER_DOWN, BROKER_UNDERLOADED,
            BROKER_THROTTLE_LEFTOVER, TOPIC_THROTTLE_LEFTOVER, REASSIGNMENT_NO_PROGRESS,
            BROKER_FAILED_FETCH_REQUESTS, BROKER_FAILED_PRODUCE_REQUESTS, BROKER_UNDER_MIN_ISR,
            BROKER_UNDER_REPLICATED, CONTROLLER_METADATA_ERRORS, DISK_EXHAUSTION_CRITICAL,
            DISK_EXHAUSTION_WARNING, DISK_USAGE_CRITICAL, DISK_USAGE_WARNING, FENCED_BROKERS,
            FETCH_LATENCY_HIGH, ISR_SHRINK_RATE_HIGH, LEADER_IMBALANCE_LASTING, LEADERSHIP_CHURN,
            LOG_DIR_OFFLINE, NETWORK_PROCESSORS_SATURATED, OFFLINE_PARTITIONS, PRODUCE_LATENCY_HIGH,
            QUORUM_EPOCH_CHURN, QUORUM_NO_LEADER, QUORUM_VOTER_LAGGING, QUORUM_VOTER_UNREACHABLE,
            REASSIGNMENT_SLOW, REQUEST_HANDLERS_SATURATED, REQUEST_QUEUE_TIME_HIGH,
            STEWARD_COLLECTION_ERRORS, STEWARD_COLLECTION_FAILING, STEWARD_COLLECTION_SLOW,
            STEWARD_CONFIG_RELOAD_FAILED, STEWARD_EXPORTER_DOWN, STEWARD_FUNNEL_READER_DOWN,
            STEWARD_LAG_AGE_UNKNOWN, STEWARD_NO_FRESH_DATA, STEWARD_SERIES_OMITTED, STEWARD_SNAPSHOT_STALE,
            TOPIC_UNDER_REPLICATED, UNCLEAN_LEADER_ELECTION);

    private AlertCatalog() {
    }

    private static AlertDef def(String name, Subject... subjects) {
        return new AlertDef(name, Set.copyOf(Arrays.asList(subjects)));
    }

    /** The names of the alerts about {@code subject}, in catalog order. */
    public static List<String> namesFor(Subject subject) {
        return ALL.stream().filter(a -> a.subjects().contains(subject)).map(AlertDef::name).toList();
    }
}
