package dev.kafkasteward.grafana;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kafkasteward.contract.catalog.MetricDef;
import dev.kafkasteward.contract.catalog.Source;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The rules of grafana/dashboard-linter that apply to us, checked on the JSON Grafana will load
 * (not on our records), each violation as one readable line.
 */
final class DashboardLint {

    static final int CURRENT_SCHEMA_VERSION = 39;
    static final Set<String> DEPRECATED_PANELS = Set.of("graph", "singlestat", "table-old", "grafana-piechart-panel",
            "grafana-worldmap-panel");
    static final Set<String> PANEL_TYPES = Set.of("row", "timeseries", "stat", "gauge", "bargauge", "table", "text",
            "state-timeline", "status-history", "heatmap", "barchart");
    /** Grafana unit ids (a subset of Grafana's value formats that our metrics can have). */
    static final Set<String> UNITS = Set.of("none", "short", "percent", "percentunit", "s", "ms", "dtdurations",
            "bytes", "decbytes", "Bps", "binBps", "reqps", "ops", "cps", "wps", "rps");
    private static final Set<String> RANGE_FUNCTIONS = Set.of("rate", "increase");

    /** The jmx-scraped series have only Prometheus' target labels to tell processes apart. */
    static final List<String> JOB_INSTANCE_MATCHERS = List.of("job=~$job", "instance=~$instance");

    private final List<String> violations = new ArrayList<>();
    private boolean usesJmx;

    private DashboardLint() {
    }

    static List<String> check(JsonNode dashboard) {
        DashboardLint lint = new DashboardLint();
        lint.dashboard(dashboard);
        return lint.violations;
    }

    private void dashboard(JsonNode d) {
        if (d.path("editable").asBoolean(true)) {
            violations.add("dashboard is editable");
        }
        if (d.path("schemaVersion").asInt() != CURRENT_SCHEMA_VERSION) {
            violations.add("schemaVersion " + d.path("schemaVersion") + " is not " + CURRENT_SCHEMA_VERSION);
        }
        String uid = d.path("uid").asText("");
        if (!uid.matches("[a-zA-Z0-9_-]{1,40}")) {
            violations.add("uid '" + uid + "' is not 1-40 characters of [a-zA-Z0-9_-]");
        }
        if (d.path("title").asText("").isBlank() || !d.path("tags").isArray() || d.path("tags").isEmpty()) {
            violations.add("dashboard needs a title and tags");
        }
        if (d.path("time").path("from").asText("").isBlank()) {
            violations.add("dashboard has no time range");
        }
        Set<Integer> ids = new HashSet<>();
        List<JsonNode> placed = new ArrayList<>();
        for (JsonNode panel : d.path("panels")) {
            panel(panel, ids, placed);
            for (JsonNode nested : panel.path("panels")) {
                panel(nested, ids, new ArrayList<>());
            }
        }
        variables(d.path("templating").path("list"));
    }

    /**
     * template-job-rule and template-instance-rule, where they apply: a dashboard that shows jmx series
     * needs {@code job} and {@code instance} variables from a Prometheus query through {@code $datasource},
     * multi-select, All being {@code .+}. Exporter series carry {@code cluster} instead (one exporter per
     * cluster), so dashboards without jmx series need neither: the linter's documented exclusion.
     */
    private void jobAndInstanceVariables(JsonNode list) {
        for (String name : List.of("job", "instance")) {
            JsonNode v = null;
            for (JsonNode candidate : list) {
                if (candidate.path("name").asText().equals(name)) {
                    v = candidate;
                }
            }
            if (v == null) {
                violations.add("dashboard shows jmx series but has no '" + name + "' variable");
                continue;
            }
            if (!v.path("type").asText().equals("query") || !v.path("label").asText().equals(name)
                    || !v.path("multi").asBoolean() || !v.path("includeAll").asBoolean()
                    || !v.path("allValue").asText().equals(".+")) {
                violations.add("variable " + name + " must be a multi-select query labelled '" + name
                        + "' with All = .+");
            }
        }
    }

    private void variables(JsonNode list) {
        int datasources = 0;
        for (JsonNode v : list) {
            String name = v.path("name").asText();
            switch (v.path("type").asText()) {
                case "datasource" -> {
                    datasources++;
                    if (!name.equals("datasource") || !v.path("query").asText().equals("prometheus")) {
                        violations.add("datasource variable must be named 'datasource' with query 'prometheus'");
                    }
                }
                case "query" -> {
                    templatedDatasource("variable " + name, v.path("datasource"));
                    if (v.path("refresh").asInt() != 2) {
                        violations.add("variable " + name + " does not reload on time range change (refresh 2)");
                    }
                }
                case "custom", "constant", "interval", "textbox" -> {
                }
                default -> violations.add("variable " + name + " has unknown type " + v.path("type"));
            }
        }
        if (datasources != 1) {
            violations.add("expected exactly one datasource variable, found " + datasources);
        }
        if (usesJmx) {
            jobAndInstanceVariables(list);
        }
    }

    private void panel(JsonNode p, Set<Integer> ids, List<JsonNode> placed) {
        String type = p.path("type").asText();
        String title = p.path("title").asText("");
        String where = "panel '" + title + "'";
        if (!ids.add(p.path("id").asInt(-1)) || !p.path("id").canConvertToInt()) {
            violations.add(where + " has a missing or duplicate id " + p.path("id"));
        }
        if (DEPRECATED_PANELS.contains(type) || !PANEL_TYPES.contains(type)) {
            violations.add(where + " has deprecated or unknown type " + type);
        }
        gridPos(where, p.path("gridPos"), placed);
        if (title.isBlank()) {
            violations.add("panel " + p.path("id") + " has no title");
        }
        if (type.equals("row")) {
            return;
        }
        if (p.path("description").asText("").isBlank()) {
            violations.add(where + " has no description");
        }
        String unit = p.path("fieldConfig").path("defaults").path("unit").asText("");
        if (!UNITS.contains(unit)) {
            violations.add(where + " has no valid unit: '" + unit + "'");
        }
        templatedDatasource(where, p.path("datasource"));
        if (p.path("targets").isEmpty()) {
            violations.add(where + " has no query");
        }
        for (JsonNode target : p.path("targets")) {
            if (target.has("datasource")) {
                templatedDatasource(where + " query " + target.path("refId").asText(), target.path("datasource"));
            }
            query(where, target.path("expr").asText(""),
                    p.path("description").asText("").startsWith(SignalPanels.DESCRIPTION_PREFIX));
        }
    }

    private void gridPos(String where, JsonNode pos, List<JsonNode> placed) {
        int x = pos.path("x").asInt(-1);
        int w = pos.path("w").asInt(0);
        if (!pos.isObject() || x < 0 || w < 1 || x + w > 24 || pos.path("h").asInt(0) < 1 || pos.path("y").asInt(-1) < 0) {
            violations.add(where + " has no valid gridPos: " + pos);
            return;
        }
        for (JsonNode other : placed) {
            if (overlap(pos, other)) {
                violations.add(where + " overlaps another panel at " + other);
            }
        }
        placed.add(pos);
    }

    private static boolean overlap(JsonNode a, JsonNode b) {
        return a.path("x").asInt() < b.path("x").asInt() + b.path("w").asInt()
                && b.path("x").asInt() < a.path("x").asInt() + a.path("w").asInt()
                && a.path("y").asInt() < b.path("y").asInt() + b.path("h").asInt()
                && b.path("y").asInt() < a.path("y").asInt() + a.path("h").asInt();
    }

    private void templatedDatasource(String where, JsonNode ds) {
        if (!ds.path("type").asText().equals("prometheus") || !ds.path("uid").asText().equals("${datasource}")) {
            violations.add(where + " does not use the templated data source: " + ds);
        }
    }

    /**
     * @param alertView a panel showing what an alert evaluates: its range windows are the alert's own, so
     *                  the panel agrees with the rule, and need not be {@code $__rate_interval}
     */
    private void query(String where, String expr, boolean alertView) {
        if (expr.isBlank()) {
            violations.add(where + " has an empty query");
            return;
        }
        PromQlReferences refs;
        try {
            refs = PromQlReferences.parse(expr);
        } catch (RuntimeException e) {
            violations.add(where + " has an unparsable query " + expr + ": " + e.getMessage());
            return;
        }
        for (PromQlReferences.MetricRef ref : refs.metrics()) {
            if (ref.enclosing() != null && RANGE_FUNCTIONS.contains(ref.enclosing()) && !alertView
                    && !"$__rate_interval".equals(ref.range())) {
                violations.add(where + ": " + ref.enclosing() + "(" + ref.name() + "[" + ref.range()
                        + "]) should use $__rate_interval");
            }
            Optional<MetricDef> def = CatalogNames.resolve(ref.name());
            if (def.isPresent() && def.get().source() instanceof Source.JmxConfig) {
                usesJmx = true;
                for (String required : JOB_INSTANCE_MATCHERS) {
                    if (!ref.matchers().contains(required)) {
                        violations.add(where + ": jmx series " + ref.name() + " lacks the matcher "
                                + required.replace("=~", "=~\"") + "\"");
                    }
                }
            }
            if (def.isPresent() && CatalogNames.isCounter(ref.name())
                    && (ref.enclosing() == null || !RANGE_FUNCTIONS.contains(ref.enclosing()))) {
                violations.add(where + ": counter " + ref.name() + " used outside rate()/increase()");
            }
        }
    }
}
