package dev.kafkasteward.grafana.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * A row header. Rows are expanded, so their panels follow them in the dashboard's flat list and
 * {@code panels} stays empty, as Grafana itself saves it.
 */
public record RowPanel(int id, String title, GridPos gridPos, boolean collapsed, List<Panel> panels) implements Panel {

    public RowPanel {
        panels = List.copyOf(panels);
    }

    public static RowPanel expanded(int id, String title, GridPos gridPos) {
        return new RowPanel(id, title, gridPos, false, List.of());
    }

    @JsonProperty("type")
    public String type() {
        return "row";
    }
}
