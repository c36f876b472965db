package dev.kafkasteward.grafana.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** A dashboard template variable; one record per variable type we use. */
public sealed interface Variable permits Variable.Datasource, Variable.Query, Variable.Custom {

    String name();

    @JsonProperty("type")
    String type();

    /** Picks a data source of one plugin type ({@code query}), for instance any Prometheus. */
    record Datasource(String name, String label, String query, int hide, boolean includeAll, boolean multi,
                      int refresh, String regex) implements Variable {

        public static Datasource prometheus(String name, String label) {
            return new Datasource(name, label, "prometheus", 0, false, false, 1, "");
        }

        @Override
        public String type() {
            return "datasource";
        }
    }

    /**
     * Values from a Prometheus query such as {@code label_values(metric, label)}; {@code refresh} 2
     * reloads them when the time range changes, so a cluster that appears is offered. {@code allValue}
     * is what "All" substitutes (null: Grafana joins every value).
     */
    record Query(String name, String label, DatasourceRef datasource, String query, String definition,
                 int refresh, int sort, int hide, boolean includeAll, boolean multi, String allValue, String regex,
                 Option current) implements Variable {

        @Override
        public String type() {
            return "query";
        }
    }

    /** A fixed list of values, written comma-separated in {@code query} and listed in {@code options}. */
    record Custom(String name, String label, String query, List<Option> options, Option current, int hide,
                  boolean includeAll, boolean multi) implements Variable {

        public Custom {
            options = List.copyOf(options);
        }

        @Override
        public String type() {
            return "custom";
        }
    }

    /** One value of a variable, as shown ({@code text}) and as substituted ({@code value}). */
    record Option(String text, String value, boolean selected) {
    }
}
