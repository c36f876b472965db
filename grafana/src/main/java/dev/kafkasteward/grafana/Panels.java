package dev.kafkasteward.grafana;

import dev.kafkasteward.grafana.model.DataPanel;
import dev.kafkasteward.grafana.model.DatasourceRef;
import dev.kafkasteward.grafana.model.FieldConfig;
import dev.kafkasteward.grafana.model.GridPos;
import dev.kafkasteward.grafana.model.PanelOptions;
import dev.kafkasteward.grafana.model.PanelType;
import dev.kafkasteward.grafana.model.Target;
import dev.kafkasteward.grafana.model.Transformation;
import java.util.List;

/**
 * The panel shapes our dashboards use, with one look: series with a table legend, stats and bar gauges
 * coloured by thresholds, tables sorted worst first.
 */
final class Panels {

    private static final FieldConfig.Thresholds NONE = FieldConfig.Thresholds.greenThen(List.of());

    private Panels() {
    }

    /** What every panel needs: where it goes, what it is called, what it means and its unit. */
    record Head(int id, GridPos pos, String title, String description, String unit) {
    }

    /** Time series, never below zero, legend as a table with max and last value. */
    static DataPanel timeseries(Head head, List<Target> targets) {
        FieldConfig.Defaults defaults = new FieldConfig.Defaults(head.unit(), 0.0,
                new FieldConfig.Color("palette-classic"), NONE);
        PanelOptions options = new PanelOptions.Timeseries(
                new PanelOptions.Legend("table", "bottom", true, List.of("max", "lastNotNull")),
                new PanelOptions.Tooltip("multi", "desc"));
        return panel(head, PanelType.TIMESERIES, FieldConfig.of(defaults), options, targets, List.of());
    }

    /** The last value of each query, its background coloured by {@code thresholds}. */
    static DataPanel stat(Head head, List<Target> targets, FieldConfig.Thresholds thresholds) {
        FieldConfig.Defaults defaults = new FieldConfig.Defaults(head.unit(), null, new FieldConfig.Color("thresholds"),
                thresholds);
        PanelOptions options = new PanelOptions.Stat(PanelOptions.ReduceOptions.last(), "background", "area", "auto",
                "auto", "value_and_name");
        return panel(head, PanelType.STAT, FieldConfig.of(defaults), options, targets, List.of());
    }

    /**
     * One horizontal bar per series, its last value, coloured by {@code thresholds} or, for the queries
     * {@code overrides} name, by their own thresholds.
     */
    static DataPanel barGauge(Head head, List<Target> targets, FieldConfig.Thresholds thresholds,
                              List<FieldConfig.Override> overrides) {
        FieldConfig.Defaults defaults = new FieldConfig.Defaults(head.unit(), 0.0, new FieldConfig.Color("thresholds"),
                thresholds);
        PanelOptions options = new PanelOptions.BarGauge(PanelOptions.ReduceOptions.last(), "horizontal", "basic",
                true, "color", "left");
        return panel(head, PanelType.BARGAUGE, new FieldConfig(defaults, overrides), options, targets, List.of());
    }

    /** Instant queries joined on their labels into one table, sorted by {@code sortBy}, worst first. */
    static DataPanel table(Head head, List<Target> targets, List<Transformation> transformations,
                           List<FieldConfig.Override> overrides, String sortBy) {
        FieldConfig.Defaults defaults = new FieldConfig.Defaults(head.unit(), null, new FieldConfig.Color("thresholds"),
                NONE);
        PanelOptions options = new PanelOptions.Table(true, "sm", List.of(new PanelOptions.SortBy(sortBy, true)));
        return panel(head, PanelType.TABLE, new FieldConfig(defaults, overrides), options, targets, transformations);
    }

    /** Range queries with refIds A, B, ... and the given legends. */
    static List<Target> range(List<String> exprs, List<String> legends) {
        if (exprs.size() != legends.size()) {
            throw new IllegalArgumentException("one legend per query");
        }
        return java.util.stream.IntStream.range(0, exprs.size())
                .mapToObj(i -> Target.range(Target.refId(i), exprs.get(i), legends.get(i))).toList();
    }

    /** One range query. */
    static List<Target> range(String expr, String legend) {
        return List.of(Target.range("A", expr, legend));
    }

    private static DataPanel panel(Head head, PanelType type, FieldConfig fieldConfig, PanelOptions options,
                                   List<Target> targets, List<Transformation> transformations) {
        return new DataPanel(head.id(), type, head.title(), head.description(), DatasourceRef.templatedPrometheus(),
                head.pos(), fieldConfig, options, targets, transformations);
    }
}
