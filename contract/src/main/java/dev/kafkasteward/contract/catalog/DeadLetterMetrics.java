package dev.kafkasteward.contract.catalog;

import static dev.kafkasteward.contract.catalog.MetricDef.counter;
import static dev.kafkasteward.contract.catalog.MetricDef.gauge;

import java.util.List;

/**
 * Dead-letter topics declared in ownership.yml, computed by the exporter: how many records were ever
 * written (from offsets, no consumption), how many are still retained, how fresh the newest is, and
 * why records failed (from the headers of records written since the exporter started).
 */
public final class DeadLetterMetrics {

    public static final MetricDef RECORDS_WRITTEN = counter("kafka_deadletter_records_written_total", null,
            "Records ever written to the dead-letter topic: the sum of its partitions' log-end offsets. Survives"
                    + " retention; not reset by deleting records.",
            Source.EXPORTER, "cluster", "topic");

    public static final MetricDef RECORDS_RETAINED = gauge("kafka_deadletter_records_retained", null,
            "Records the dead-letter topic still holds: log-end minus log-start offset, summed over partitions.",
            Source.EXPORTER, "cluster", "topic");

    public static final MetricDef NEWEST_RECORD_TIMESTAMP = gauge(
            "kafka_deadletter_newest_record_timestamp_seconds", "seconds",
            "Unix time of the newest record (the largest record timestamp) in the dead-letter topic. No series while"
                    + " the topic is empty.",
            Source.EXPORTER, "cluster", "topic");

    public static final MetricDef RECORDS_BY_REASON = counter("kafka_deadletter_records_by_reason_total",
            null,
            "Committed dead-letter records read since the exporter started, by failure reason (ownership reason_header, Kafka"
                    + " Connect or Spring Kafka exception class; 'other' when absent or beyond the label budget) and"
                    + " by the topic the record came from ('unknown' when no header or ownership entry says).",
            Source.EXPORTER, "cluster", "topic", "source_topic", "reason");

    public static final MetricDef UNREAD_RECORDS = gauge("kafka_deadletter_unread_records", null,
            "Records written since the exporter started whose headers were not read yet (reads are bounded per"
                    + " cycle). Persistently above 0 means reason counts lag behind.",
            Source.EXPORTER, "cluster", "topic");

    public static final MetricDef OFFSETS_SKIPPED = counter("kafka_deadletter_offsets_skipped_total", null,
            "Offsets of the dead-letter topic read over since the exporter started that held no committed record:"
                    + " records of aborted transactions, transaction markers, compacted gaps. Aborted dead letters"
                    + " reached nobody: they are not failures to act on.",
            Source.EXPORTER, "cluster", "topic");

    public static final MetricDef RECORDS_READ = counter("kafka_deadletter_records_read_total", null,
            "Committed dead-letter records read since the exporter started (the sum of records_by_reason_total),"
                    + " there from the first cycle at 0.",
            Source.EXPORTER, "cluster", "topic");

    public static final List<MetricDef> ALL = List.of(RECORDS_WRITTEN, RECORDS_RETAINED, NEWEST_RECORD_TIMESTAMP,
            RECORDS_BY_REASON, UNREAD_RECORDS, OFFSETS_SKIPPED, RECORDS_READ);

    private DeadLetterMetrics() {
    }
}
