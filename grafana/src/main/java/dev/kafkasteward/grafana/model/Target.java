package dev.kafkasteward.grafana.model;

/** One Prometheus query of a panel. */
public record Target(String refId, DatasourceRef datasource, String expr, String legendFormat, boolean range,
                     boolean instant) {

    /** A range query, as time series and stat panels use. */
    public static Target range(String refId, String expr, String legendFormat) {
        return new Target(refId, DatasourceRef.templatedPrometheus(), expr, legendFormat, true, false);
    }
}
