package dev.kafkasteward.contract.catalog;

import static dev.kafkasteward.contract.catalog.MetricDef.gauge;

import java.util.List;

/**
 * Disk usage and forecasts per broker and log dir, from DescribeLogDirs and the exporter's own
 * history of it. Time to exhaustion already accounts for retention: a log dir whose growth retention
 * will level off below its capacity reports +Inf, and its steady state says where it levels off.
 */
public final class DiskMetrics {

    public static final MetricDef LOG_DIR_TOTAL = gauge("kafka_log_dir_total_bytes", "bytes",
            "Size of the volume holding the log dir, as the broker reports it.",
            Source.EXPORTER, "cluster", "broker", "log_dir");

    public static final MetricDef LOG_DIR_USABLE = gauge("kafka_log_dir_usable_bytes", "bytes",
            "Bytes still usable on the volume holding the log dir, as the broker reports it.",
            Source.EXPORTER, "cluster", "broker", "log_dir");

    public static final MetricDef LOG_DIR_USED = gauge("kafka_log_dir_used_bytes", "bytes",
            "Bytes of Kafka data in the log dir: the sum of its replicas' sizes. Total minus usable minus used is"
                    + " space taken by anything else on the volume.",
            Source.EXPORTER, "cluster", "broker", "log_dir");

    public static final MetricDef LOG_DIR_TOPIC = gauge("kafka_log_dir_topic_bytes", "bytes",
            "Bytes of one topic's replicas in the log dir.",
            Source.EXPORTER, "cluster", "broker", "log_dir", "topic");

    public static final MetricDef LOG_DIR_OFFLINE = gauge("kafka_log_dir_offline", null,
            "1 if the broker reports the log dir as failed (offline), else 0.",
            Source.EXPORTER, "cluster", "broker", "log_dir");

    public static final MetricDef LOG_DIR_GROWTH_RATE = gauge("kafka_log_dir_growth_rate_bytes_per_second",
            "bytes_per_second",
            "Net growth of the space used on the log dir's volume: a robust regression over the forecast window"
                    + " that the saw-tooth of segment deletion does not bias; negative when shrinking. No series"
                    + " until the window has enough samples.",
            Source.EXPORTER, "cluster", "broker", "log_dir");

    public static final MetricDef LOG_DIR_TIME_TO_EXHAUSTION = gauge("kafka_log_dir_time_to_exhaustion_seconds",
            "seconds",
            "Seconds until the volume is full at the current growth rate. +Inf when it is not growing, or when"
                    + " retention levels the log dir off below its capacity (see kafka_log_dir_steady_state_bytes)."
                    + " No series until the window has enough samples.",
            Source.EXPORTER, "cluster", "broker", "log_dir");

    public static final MetricDef LOG_DIR_STEADY_STATE = gauge("kafka_log_dir_steady_state_bytes", "bytes",
            "Bytes the log dir levels off at if each topic keeps its current byte rate under its retention.ms and"
                    + " retention.bytes (plus one active segment per partition). +Inf when a growing topic has no"
                    + " retention limit. Compare with used + usable bytes.",
            Source.EXPORTER, "cluster", "broker", "log_dir");

    public static final List<MetricDef> ALL = List.of(LOG_DIR_TOTAL, LOG_DIR_USABLE, LOG_DIR_USED, LOG_DIR_TOPIC,
            LOG_DIR_OFFLINE, LOG_DIR_GROWTH_RATE, LOG_DIR_TIME_TO_EXHAUSTION, LOG_DIR_STEADY_STATE);

    private DiskMetrics() {
    }
}
