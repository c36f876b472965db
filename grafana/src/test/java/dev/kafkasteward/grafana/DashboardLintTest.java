package dev.kafkasteward.grafana;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class DashboardLintTest {

    private static final Map<String, JsonNode> DASHBOARDS = GeneratedDashboards.of(ExampleOwnership.load());

    @Test
    void generatedDashboardsPassTheLint() {
        assertFalse(DASHBOARDS.isEmpty());
        DASHBOARDS.forEach((path, dashboard) -> assertEquals(List.of(), DashboardLint.check(dashboard), path));
    }

    @Test
    void uidsAreUniqueAcrossDashboards() {
        Set<String> uids = new HashSet<>();
        DASHBOARDS.values().forEach(d -> assertTrue(uids.add(d.path("uid").asText()), "duplicate uid " + d.path("uid")));
    }

    // The lint must catch what it claims to catch: each case breaks one rule of a valid dashboard.

    @Test
    void catchesAnEditableDashboardAndAnOldSchema() {
        assertViolation("dashboard is editable", d -> d.put("editable", true));
        assertViolation("schemaVersion 27 is not 39", d -> d.put("schemaVersion", 27));
    }

    @Test
    void catchesASecondDatasourceVariable() {
        assertViolation("expected exactly one datasource variable, found 2",
                d -> variables(d).add(variables(d).get(0).deepCopy()));
    }

    @Test
    void catchesAHardCodedDatasource() {
        assertViolation("does not use the templated data source",
                d -> firstDataPanel(d).putObject("datasource").put("type", "prometheus").put("uid", "P1809F7CD0C75ACF3"));
    }

    @Test
    void catchesMissingDescriptionAndUnit() {
        assertViolation("has no description", d -> firstDataPanel(d).remove("description"));
        assertViolation("has no valid unit: ''", d -> defaults(d).remove("unit"));
        assertViolation("has no valid unit: 'seconds'", d -> defaults(d).put("unit", "seconds"));
    }

    @Test
    void catchesDeprecatedPanelsDuplicateIdsAndOverlaps() {
        assertViolation("has deprecated or unknown type graph", d -> firstDataPanel(d).put("type", "graph"));
        assertViolation("missing or duplicate id", d -> panels(d).forEach(p -> ((ObjectNode) p).put("id", 7)));
        assertViolation("overlaps another panel", d -> ((ObjectNode) firstDataPanel(d).path("gridPos")).put("y", 5));
    }

    @Test
    void catchesRatesWithoutRateIntervalAndBareCounters() {
        assertViolation("rate(kafka_steward_collections_total[5m]) should use $__rate_interval",
                d -> setExpr(d, "sum(rate(kafka_steward_collections_total{cluster=\"$cluster\"}[5m]))"));
        assertViolation("counter kafka_steward_collections_total used outside rate()/increase()",
                d -> setExpr(d, "sum(kafka_steward_collections_total{cluster=\"$cluster\"})"));
        assertViolation("counter kafka_steward_collection_errors_total used outside rate()/increase()",
                d -> setExpr(d, "sum(delta(kafka_steward_collection_errors_total[$__rate_interval]))"));
        JsonNode fine = mutated(d -> setExpr(d,
                "sum by (outcome) (increase(kafka_steward_collections_total{cluster=\"$cluster\"}[$__rate_interval]))"));
        assertEquals(List.of(), DashboardLint.check(fine));
    }

    @Test
    void catchesJmxSeriesWithoutJobAndInstance() {
        assertViolation("lacks the matcher instance=~\"$instance\"", d -> setExpr(d,
                "sum(kafka_controller_kafkacontroller_offline_partitions_count{job=~\"$job\"})"));
        assertViolation("has no 'job' variable", d -> {
            ArrayNode vars = variables(d);
            for (int i = vars.size() - 1; i >= 0; i--) {
                if (vars.get(i).path("name").asText().equals("job")) {
                    vars.remove(i);
                }
            }
        });
        assertViolation("variable instance must be a multi-select query", d -> variables(d).forEach(v -> {
            if (v.path("name").asText().equals("instance")) {
                ((ObjectNode) v).put("allValue", "");
            }
        }));
    }

    private static void assertViolation(String expected, Consumer<ObjectNode> breakIt) {
        List<String> violations = DashboardLint.check(mutated(breakIt));
        assertTrue(violations.stream().anyMatch(v -> v.contains(expected)), "expected '" + expected + "' in " + violations);
    }

    private static JsonNode mutated(Consumer<ObjectNode> change) {
        ObjectNode copy = DASHBOARDS.get(DashboardGenerator.WALL_PATH).deepCopy();
        change.accept(copy);
        return copy;
    }

    private static ArrayNode variables(ObjectNode d) {
        return (ArrayNode) d.path("templating").path("list");
    }

    private static ArrayNode panels(ObjectNode d) {
        return (ArrayNode) d.path("panels");
    }

    private static ObjectNode firstDataPanel(ObjectNode d) {
        return (ObjectNode) GeneratedDashboards.dataPanels(d).get(0);
    }

    private static ObjectNode defaults(ObjectNode d) {
        return (ObjectNode) firstDataPanel(d).path("fieldConfig").path("defaults");
    }

    private static void setExpr(ObjectNode d, String expr) {
        ((ObjectNode) firstDataPanel(d).path("targets").get(0)).put("expr", expr);
    }
}
