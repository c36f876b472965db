package dev.kafkasteward.grafana.model;

import java.util.List;

/**
 * A Grafana dashboard as saved by Grafana 10/11 (JSON model, {@code schemaVersion} 39), ready for
 * file provisioning. Only the fields we set are modelled; Grafana fills in the rest on load.
 */
public record Dashboard(String uid, String title, String description, List<String> tags, boolean editable,
                        int graphTooltip, String timezone, String refresh, TimeRange time, int schemaVersion,
                        int version, Templating templating, List<Link> links, List<Panel> panels) {

    /** Written by Grafana 10.4 and 11.0; later 11.x releases migrate it on load, nothing needs a newer one. */
    public static final int SCHEMA_VERSION = 39;

    public Dashboard {
        tags = List.copyOf(tags);
        links = List.copyOf(links);
        panels = List.copyOf(panels);
    }

    /** The dashboard's default time range, in Grafana's relative syntax ({@code now-6h}). */
    public record TimeRange(String from, String to) {
    }

    /** The template variables, in the order Grafana shows them. */
    public record Templating(List<Variable> list) {

        public Templating {
            list = List.copyOf(list);
        }
    }

    /**
     * A link to the dashboards carrying {@code tags}, shown as a drop-down, that keeps the time range
     * and the variables (so {@code $cluster} and {@code $team} follow the user).
     */
    public record Link(String title, String type, List<String> tags, boolean asDropdown, boolean includeVars,
                       boolean keepTime) {

        public Link {
            tags = List.copyOf(tags);
        }
    }
}
