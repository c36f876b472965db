package dev.kafkasteward.grafana.model;

/**
 * One Prometheus query of a panel. {@code format} is {@code table} for the instant queries tables join;
 * null (Grafana's default, time series) otherwise.
 */
public record Target(String refId, DatasourceRef datasource, String expr, String legendFormat, boolean range,
                     boolean instant, String format) {

    /** A range query, as time series, stat and bar gauge panels use. */
    public static Target range(String refId, String expr, String legendFormat) {
        return new Target(refId, DatasourceRef.templatedPrometheus(), expr, legendFormat, true, false, null);
    }

    /** An instant query in table format: one row per series, its labels as columns. */
    public static Target table(String refId, String expr) {
        return new Target(refId, DatasourceRef.templatedPrometheus(), expr, "", false, true, "table");
    }

    /** Grafana's refIds: A to Z, then AA, AB, ... so any number of queries stays distinct. */
    public static String refId(int index) {
        return index < 26 ? String.valueOf((char) ('A' + index)) : refId(index / 26 - 1) + (char) ('A' + index % 26);
    }
}
