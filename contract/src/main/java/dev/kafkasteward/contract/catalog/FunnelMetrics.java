package dev.kafkasteward.contract.catalog;

import static dev.kafkasteward.contract.catalog.MetricDef.counter;
import static dev.kafkasteward.contract.catalog.MetricDef.gauge;

import java.util.List;

/**
 * Business funnels declared in ownership.yml, computed by the exporter's funnel consumer group. Each
 * exporter replica reports the partitions it was assigned; sum over replicas (by cluster, funnel,
 * stage) for the whole funnel.
 */
public final class FunnelMetrics {

    public static final MetricDef STAGE_EVENTS = counter("kafka_funnel_stage_events_total", null,
            "Events that reached the stage since this replica was assigned the partitions: with a correlation key,"
                    + " the first event of each key at the stage; without one, every matching record. Records"
                    + " re-read to rebuild state are not counted again.",
            Source.EXPORTER, "cluster", "funnel", "stage");

    public static final MetricDef KEYS_WAITING = gauge("kafka_funnel_keys_waiting", null,
            "Correlation keys whose furthest stage is this one and that have not completed the funnel. No series"
                    + " for the last stage, for funnels without a correlation key, or while state is rebuilt.",
            Source.EXPORTER, "cluster", "funnel", "stage");

    public static final MetricDef KEYS_OVERDUE = gauge("kafka_funnel_keys_overdue", null,
            "Keys waiting in the stage for longer than its max_wait (now minus the timestamp of the event that"
                    + " brought them there). Only for stages with a max_wait.",
            Source.EXPORTER, "cluster", "funnel", "stage");

    public static final MetricDef KEYS_COMPLETED = gauge("kafka_funnel_keys_completed", null,
            "Keys that reached the last stage within the funnel window.",
            Source.EXPORTER, "cluster", "funnel");

    public static final MetricDef COMPLETIONS = counter("kafka_funnel_completions_total", null,
            "Keys that reached the last stage since this replica was assigned the partitions (each key once).",
            Source.EXPORTER, "cluster", "funnel");

    public static final MetricDef KEYS_EXPIRED = counter("kafka_funnel_keys_expired_total", null,
            "Keys dropped because they waited in the stage longer than the funnel window without completing.",
            Source.EXPORTER, "cluster", "funnel", "stage");

    public static final MetricDef DUPLICATE_EVENTS = counter("kafka_funnel_duplicate_events_total", null,
            "Events of a key that had already entered the stage within the funnel window: counted here, not again"
                    + " in kafka_funnel_stage_events_total's key progress (a redelivery, a retry, a double publish).",
            Source.EXPORTER, "cluster", "funnel", "stage");

    public static final MetricDef CORRELATION_MISSES = counter("kafka_funnel_correlation_misses_total", null,
            "Events of the stage whose correlation key could not be read, by reason: missing (no key, header or"
                    + " field, or JSON null) or unparsable (the value is not a JSON object, or the field holds an"
                    + " object or array). They count as stage events but cannot be followed to the next stage.",
            Source.EXPORTER, "cluster", "funnel", "stage", "reason");

    public static final MetricDef KEYS_MISPLACED = counter("kafka_funnel_keys_misplaced_total", null,
            "Keys that arrived in the stage on one partition number while this replica already followed them on"
                    + " another: the stage topics are not co-partitioned by the correlation key (a different record"
                    + " key, or partition counts that differ), so waiting counts are inflated and completions missed."
                    + " Seen within one replica's partitions.",
            Source.EXPORTER, "cluster", "funnel", "stage");

    public static final MetricDef KEY_OVERFLOWS = counter("kafka_funnel_key_overflows_total", null,
            "Events of new keys that were not tracked because the funnel already tracked its maximum of keys.",
            Source.EXPORTER, "cluster", "funnel");

    public static final MetricDef REBUILDING = gauge("kafka_funnel_rebuilding", null,
            "1 while the replica re-reads the funnel window after a start or rebalance (waiting and overdue are"
                    + " withheld), else 0.",
            Source.EXPORTER, "cluster", "funnel");

    public static final MetricDef ASSIGNED_PARTITIONS = gauge("kafka_funnel_assigned_partitions", null,
            "Partitions of the stage topic this replica reads for funnels (the consumer group splits them).",
            Source.EXPORTER, "cluster", "topic");

    public static final List<MetricDef> ALL = List.of(STAGE_EVENTS, KEYS_WAITING, KEYS_OVERDUE, KEYS_COMPLETED,
            COMPLETIONS, KEYS_EXPIRED, DUPLICATE_EVENTS, CORRELATION_MISSES, KEYS_MISPLACED, KEY_OVERFLOWS, REBUILDING,
            ASSIGNED_PARTITIONS);

    private FunnelMetrics() {
    }
}
