package dev.kafkasteward.grafana.model;

import java.util.List;

/**
 * A panel that shows the result of Prometheus queries through the templated data source;
 * {@code transformations} reshape the results (tables join their queries on labels).
 */
public record DataPanel(int id, PanelType type, String title, String description, DatasourceRef datasource,
                        GridPos gridPos, FieldConfig fieldConfig, PanelOptions options, List<Target> targets,
                        List<Transformation> transformations) implements Panel {

    public DataPanel {
        targets = List.copyOf(targets);
        transformations = List.copyOf(transformations);
        if (targets.isEmpty()) {
            throw new IllegalArgumentException("panel without a query: " + title);
        }
    }
}
