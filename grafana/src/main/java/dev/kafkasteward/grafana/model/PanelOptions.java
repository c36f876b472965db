package dev.kafkasteward.grafana.model;

import java.util.List;

/** Panel-plugin-specific options; one record per panel type we use. */
public sealed interface PanelOptions permits PanelOptions.Timeseries, PanelOptions.Stat, PanelOptions.BarGauge,
        PanelOptions.Table {

    /** Options of a {@code timeseries} panel. */
    record Timeseries(Legend legend, Tooltip tooltip) implements PanelOptions {
    }

    /** Options of a {@code stat} panel. */
    record Stat(ReduceOptions reduceOptions, String colorMode, String graphMode, String justifyMode,
                String orientation, String textMode) implements PanelOptions {
    }

    /** Options of a {@code bargauge} panel: one bar per series, coloured by thresholds. */
    record BarGauge(ReduceOptions reduceOptions, String orientation, String displayMode, boolean showUnfilled,
                    String valueMode, String namePlacement) implements PanelOptions {
    }

    /** Options of a {@code table} panel. */
    record Table(boolean showHeader, String cellHeight, List<SortBy> sortBy) implements PanelOptions {

        public Table {
            sortBy = List.copyOf(sortBy);
        }
    }

    /** A table's initial sort column. */
    record SortBy(String displayName, boolean desc) {
    }

    /** Legend of a time series panel. */
    record Legend(String displayMode, String placement, boolean showLegend, List<String> calcs) {

        public Legend {
            calcs = List.copyOf(calcs);
        }
    }

    /** Tooltip of a time series panel. */
    record Tooltip(String mode, String sort) {
    }

    /** How a stat or bar gauge panel reduces a series to one value. */
    record ReduceOptions(List<String> calcs, String fields, boolean values) {

        public ReduceOptions {
            calcs = List.copyOf(calcs);
        }

        /** The last value that is not null: what the signal says now. */
        public static ReduceOptions last() {
            return new ReduceOptions(List.of("lastNotNull"), "", false);
        }
    }
}
