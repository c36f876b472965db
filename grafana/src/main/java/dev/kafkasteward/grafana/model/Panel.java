package dev.kafkasteward.grafana.model;

/** An element of a dashboard's {@code panels} list: a row header or a panel that queries data. */
public sealed interface Panel permits RowPanel, DataPanel {

    int id();

    String title();

    GridPos gridPos();
}
