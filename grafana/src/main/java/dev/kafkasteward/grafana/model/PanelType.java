package dev.kafkasteward.grafana.model;

import com.fasterxml.jackson.annotation.JsonValue;

/** The panel plugins our dashboards use; only current ones (no {@code graph}, {@code singlestat}, {@code table-old}). */
public enum PanelType {
    TIMESERIES("timeseries"),
    STAT("stat"),
    BARGAUGE("bargauge"),
    TABLE("table");

    private final String id;

    PanelType(String id) {
        this.id = id;
    }

    @JsonValue
    public String id() {
        return id;
    }
}
