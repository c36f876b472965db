package dev.kafkasteward.grafana.model;

import java.util.List;

/** Panel-plugin-specific options; one record per panel type we use. */
public sealed interface PanelOptions permits PanelOptions.Timeseries, PanelOptions.Stat {

    /** Options of a {@code timeseries} panel. */
    record Timeseries(Legend legend, Tooltip tooltip) implements PanelOptions {
    }

    /** Options of a {@code stat} panel. */
    record Stat(ReduceOptions reduceOptions, String colorMode, String graphMode, String justifyMode,
                String orientation, String textMode) implements PanelOptions {
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

    /** How a stat panel reduces a series to one value. */
    record ReduceOptions(List<String> calcs, String fields, boolean values) {

        public ReduceOptions {
            calcs = List.copyOf(calcs);
        }
    }
}
