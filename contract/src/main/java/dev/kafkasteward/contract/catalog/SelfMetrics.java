package dev.kafkasteward.contract.catalog;

import static dev.kafkasteward.contract.catalog.MetricDef.counter;
import static dev.kafkasteward.contract.catalog.MetricDef.gauge;
import static dev.kafkasteward.contract.catalog.MetricDef.info;

import java.util.List;

/** The exporter's own health: how collection goes and how stale the served numbers are. */
public final class SelfMetrics {

    public static final MetricDef BUILD_INFO = info("kafka_steward_build_info",
            "Version of the running Kafka Steward exporter.", Source.EXPORTER, "cluster", "version");

    public static final MetricDef COLLECTION_DURATION = gauge("kafka_steward_collection_duration_seconds", "seconds",
            "Wall time of the last completed collection cycle.", Source.EXPORTER, "cluster");

    public static final MetricDef LAST_SUCCESS = gauge("kafka_steward_last_success_timestamp_seconds", "seconds",
            "Unix time of the last collection cycle that reached Kafka and refreshed the served data, completely or"
                    + " partly (see kafka_steward_snapshot_partial); 0 before the first.",
            Source.EXPORTER, "cluster");

    public static final MetricDef SNAPSHOT_AGE = gauge("kafka_steward_snapshot_age_seconds", "seconds",
            "Age of the data served now: time since the last cycle that refreshed it (time since start before the"
                    + " first). Grows while Kafka cannot be reached.",
            Source.EXPORTER, "cluster");

    public static final MetricDef COLLECTIONS = counter("kafka_steward_collections_total", null,
            "Collection cycles run, by outcome: success (data refreshed, no error), partial (data refreshed, some"
                    + " stage failed) or failure (Kafka not reached, the last data kept).", Source.EXPORTER, "cluster", "outcome");

    public static final MetricDef COLLECTION_ERRORS = counter("kafka_steward_collection_errors_total", null,
            "Errors met while collecting, by stage of the cycle (for instance list_groups, list_offsets).",
            Source.EXPORTER, "cluster", "stage");

    public static final MetricDef CYCLE_REQUESTS = gauge("kafka_steward_cycle_requests", null,
            "Requests the last collection cycle sent to Kafka, by client (admin: the Admin API; metadata: the topic"
                    + " metadata reader; consumer: record timestamp and dead-letter reads). Grows with brokers, not with"
                    + " groups or partitions.",
            Source.EXPORTER, "cluster", "client");

    public static final MetricDef OMITTED_SERIES = gauge("kafka_steward_omitted_series", null,
            "Series left out of the last scrape by the per-partition series limit, by metric.",
            Source.EXPORTER, "cluster", "metric");

    public static final MetricDef SNAPSHOT_PARTIAL = gauge("kafka_steward_snapshot_partial", null,
            "1 when the data served now comes from a cycle in which some stage failed or ran out of time (see"
                    + " kafka_steward_collection_errors_total), so some series may be missing; 0 when complete.",
            Source.EXPORTER, "cluster");

    public static final MetricDef CONFIG_RELOADS = counter("kafka_steward_config_reloads_total", null,
            "Reloads of ownership.yml (a changed file or SIGHUP), by outcome: success, or failure (invalid or refused;"
                    + " the previous configuration stays in use).", Source.EXPORTER, "cluster", "outcome");

    public static final MetricDef CONFIG_LAST_RELOAD_SUCCESSFUL = gauge("kafka_steward_config_last_reload_successful",
            null, "1 when the last reload of ownership.yml succeeded or none was tried; 0 when it failed and the"
                    + " previous configuration is in use.", Source.EXPORTER, "cluster");

    public static final MetricDef FUNNEL_READER_UP = gauge("kafka_steward_funnel_reader_up", null,
            "1 while the funnel reader consumes the stage topics; 0 once it stopped on an error (the log says which,"
                    + " e.g. Group authorization failed), so this replica's funnel series are frozen. No series"
                    + " without funnels or before a stage topic exists.", Source.EXPORTER, "cluster");

    public static final List<MetricDef> ALL = List.of(BUILD_INFO, COLLECTION_DURATION, LAST_SUCCESS, SNAPSHOT_AGE,
            COLLECTIONS, COLLECTION_ERRORS, CYCLE_REQUESTS, OMITTED_SERIES, SNAPSHOT_PARTIAL, CONFIG_RELOADS,
            CONFIG_LAST_RELOAD_SUCCESSFUL, FUNNEL_READER_UP);

    private SelfMetrics() {
    }
}
