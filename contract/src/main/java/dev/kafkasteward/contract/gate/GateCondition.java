package dev.kafkasteward.contract.gate;

import dev.kafkasteward.contract.catalog.AlertCatalog;
import dev.kafkasteward.contract.catalog.AlertCatalog.AlertDef;
import java.util.List;
import java.util.Locale;

/**
 * Seed 000's stop conditions for a change to the cluster, each one series of {@link #SERIES} while it blocks.
 * The signals module records them from the alerts named here; {@code kafka-steward gate} reads them.
 *
 * <p>How a condition is judged ({@link Mode}): {@code NOW} from its alerts' conditions without their
 * {@code for} (a change must wait for under-replicated partitions to recover, not for a page);
 * {@code LASTING} from its alerts while they fire (lag, failed connectors, GC pauses and disks matter
 * when they last); {@code BASELINE} from a comparison with the last hour that no alert makes.
 */
public enum GateCondition {
    NO_FRESH_DATA(Mode.NOW, "no exporter replica has fresh data: nothing else can be judged",
            AlertCatalog.STEWARD_NO_FRESH_DATA),
    OFFLINE_PARTITIONS(Mode.NOW, "partitions without a leader", AlertCatalog.TOPIC_OFFLINE_PARTITIONS),
    UNDER_MIN_ISR_PARTITIONS(Mode.NOW, "partitions under min.insync.replicas", AlertCatalog.TOPIC_UNDER_MIN_ISR),
    UNDER_REPLICATED_PARTITIONS(Mode.NOW, "under-replicated partitions, not recovered yet",
            AlertCatalog.TOPIC_UNDER_REPLICATED),
    BROKER_DOWN(Mode.NOW, "a broker that holds replicas is not registered", AlertCatalog.BROKER_DOWN),
    QUORUM_NO_LEADER(Mode.NOW, "a KRaft node sees no quorum leader", AlertCatalog.QUORUM_NO_LEADER),
    QUORUM_VOTER_LAGGING(Mode.NOW, "a KRaft voter lags behind the leader", AlertCatalog.QUORUM_VOTER_LAGGING),
    QUORUM_EPOCH_CHURN(Mode.NOW, "the KRaft quorum keeps electing leaders", AlertCatalog.QUORUM_EPOCH_CHURN),
    FAILED_PRODUCE_REQUESTS(Mode.BASELINE, "failed produce requests above twice the last hour's rate"),
    FAILED_FETCH_REQUESTS(Mode.BASELINE, "failed fetch requests above twice the last hour's rate"),
    CONSUMER_LAG_AGE(Mode.LASTING, "an owned consumer group's lag age alert fires",
            AlertCatalog.CONSUMER_LAG_AGE_WARNING, AlertCatalog.CONSUMER_LAG_AGE_CRITICAL),
    CONNECTOR_FAILED(Mode.LASTING, "a connector or task failed", AlertCatalog.CONNECT_CONNECTOR_FAILED,
            AlertCatalog.CONNECT_TASK_FAILED),
    JVM_PAUSES(Mode.LASTING, "JVM garbage-collection pauses are excessive", AlertCatalog.JVM_LONG_GC_PAUSES),
    DISK(Mode.LASTING, "disk usage or time to exhaustion at an unsafe level, or a log dir offline",
            AlertCatalog.DISK_USAGE_WARNING, AlertCatalog.DISK_USAGE_CRITICAL, AlertCatalog.DISK_EXHAUSTION_WARNING,
            AlertCatalog.DISK_EXHAUSTION_CRITICAL, AlertCatalog.LOG_DIR_OFFLINE),
    /** Blocks only when the gate is asked to ({@code --block-on-reassignment}): a reassignment is itself a change. */
    REASSIGNMENT_IN_PROGRESS(Mode.NOW, "a partition reassignment is in progress", AlertCatalog.REASSIGNMENT_SLOW);

    /** The recorded series: one per blocking condition and asset; its value is the condition's value. */
    public static final String SERIES = "kafka_steward:change_blocked";
    public static final String CONDITION_LABEL = "condition";
    /** The asset's owner: who must look before the change goes on. */
    public static final String TEAM_LABEL = "team";
    /** What the value is compared with, as text: {@code > 0}, {@code firing}. */
    public static final String THRESHOLD_LABEL = "threshold";

    /** How a condition is judged. */
    public enum Mode { NOW, LASTING, BASELINE }

    private final Mode mode;
    private final String description;
    private final List<String> alerts;

    GateCondition(Mode mode, String description, AlertDef... alerts) {
        this.mode = mode;
        this.description = description;
        this.alerts = java.util.Arrays.stream(alerts).map(AlertDef::name).toList();
    }

    /** The {@code condition} label value, e.g. {@code under_replicated_partitions}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public Mode mode() {
        return mode;
    }

    public String description() {
        return description;
    }

    /** The alerts the condition is recorded from; empty for {@link Mode#BASELINE}. */
    public List<String> alerts() {
        return alerts;
    }

    /** Whether the gate weighs it only when asked. */
    public boolean onRequest() {
        return this == REASSIGNMENT_IN_PROGRESS;
    }
}
