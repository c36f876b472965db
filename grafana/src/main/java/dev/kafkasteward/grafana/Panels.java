package dev.kafkasteward.grafana;

import dev.kafkasteward.grafana.model.DataPanel;
import dev.kafkasteward.grafana.model.DatasourceRef;
import dev.kafkasteward.grafana.model.FieldConfig;
import dev.kafkasteward.grafana.model.GridPos;
import dev.kafkasteward.grafana.model.PanelOptions;
import dev.kafkasteward.grafana.model.PanelType;
import dev.kafkasteward.grafana.model.Target;
import java.util.ArrayList;
import java.util.List;

/** The panel shapes our dashboards use, with one look: a table legend for series, a coloured stat. */
final class Panels {

    private Panels() {
    }

    /** A time series of one query, never below zero, legend as a table with max and last value. */
    static DataPanel timeseries(int id, GridPos pos, String title, String description, String unit, String expr,
                                String legendFormat) {
        FieldConfig.Defaults defaults = new FieldConfig.Defaults(unit, 0.0, new FieldConfig.Color("palette-classic"),
                new FieldConfig.Thresholds("absolute", List.of(new FieldConfig.Step("green", null))));
        PanelOptions options = new PanelOptions.Timeseries(
                new PanelOptions.Legend("table", "bottom", true, List.of("max", "lastNotNull")),
                new PanelOptions.Tooltip("multi", "desc"));
        return new DataPanel(id, PanelType.TIMESERIES, title, description, DatasourceRef.templatedPrometheus(), pos,
                FieldConfig.of(defaults), options, List.of(Target.range("A", expr, legendFormat)));
    }

    /** The last value of one query, its background green below the first of {@code steps}. */
    static DataPanel stat(int id, GridPos pos, String title, String description, String unit, String expr,
                          List<FieldConfig.Step> steps) {
        List<FieldConfig.Step> all = new ArrayList<>();
        all.add(new FieldConfig.Step("green", null));
        all.addAll(steps);
        FieldConfig.Thresholds thresholds = new FieldConfig.Thresholds("absolute", all);
        FieldConfig.Defaults defaults = new FieldConfig.Defaults(unit, null, new FieldConfig.Color("thresholds"),
                thresholds);
        PanelOptions options = new PanelOptions.Stat(new PanelOptions.ReduceOptions(List.of("lastNotNull"), "", false),
                "background", "area", "auto", "auto", "value");
        return new DataPanel(id, PanelType.STAT, title, description, DatasourceRef.templatedPrometheus(), pos,
                FieldConfig.of(defaults), options, List.of(Target.range("A", expr, "")));
    }
}
