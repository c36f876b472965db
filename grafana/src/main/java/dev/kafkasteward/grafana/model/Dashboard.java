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
     * A link in the dashboard's header: to the dashboards carrying {@code tags} (a drop-down), or to one
     * {@code url}. {@code includeVars} and {@code keepTime} carry {@code $cluster}, {@code $team} and the time
     * range to the target.
     */
    public record Link(String title, String type, List<String> tags, boolean asDropdown, boolean includeVars,
                       boolean keepTime, String url, boolean targetBlank, String icon) {

        public Link {
            tags = List.copyOf(tags);
        }

        /** A drop-down of every dashboard tagged {@code tag}. */
        public static Link taggedDropdown(String title, String tag) {
            return new Link(title, "dashboards", List.of(tag), true, true, true, null, false, null);
        }

        /** Another generated dashboard, keeping variables and time range. */
        public static Link dashboard(String title, String path) {
            return new Link(title, "link", List.of(), false, true, true, path, false, "dashboard");
        }

        /** A page outside Grafana (a runbook), opened in a new tab. */
        public static Link external(String title, String url) {
            return new Link(title, "link", List.of(), false, false, false, url, true, "doc");
        }
    }
}
