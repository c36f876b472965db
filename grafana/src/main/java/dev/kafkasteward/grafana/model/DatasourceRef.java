package dev.kafkasteward.grafana.model;

/** Which data source a panel, query or variable reads from, in Grafana's {@code {type, uid}} form. */
public record DatasourceRef(String type, String uid) {

    /** The Prometheus data source picked by the dashboard's {@code datasource} variable. */
    public static DatasourceRef templatedPrometheus() {
        return new DatasourceRef("prometheus", "${datasource}");
    }
}
