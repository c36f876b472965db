package dev.kafkasteward.grafana;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kafkasteward.contract.catalog.MetricDef;
import dev.kafkasteward.signals.ServingReplicas;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Every metric and label a dashboard queries exists in the catalog, with that label. */
class MetricReferencesTest {

    private static final Pattern LABEL_VALUES = Pattern.compile("label_values\\((.+),\\s*(\\w+)\\)");

    @Test
    void everyPanelQueryReferencesCatalogMetricsAndTheirLabels() {
        List<String> problems = new ArrayList<>();
        int checked = 0;
        for (JsonNode dashboard : GeneratedDashboards.of(ExampleOwnership.load()).values()) {
            for (JsonNode panel : GeneratedDashboards.dataPanels(dashboard)) {
                for (JsonNode target : panel.path("targets")) {
                    String expr = target.path("expr").asText();
                    PromQlReferences refs = PromQlReferences.parse(expr);
                    assertFalse(refs.metrics().isEmpty(), "no metric in " + expr);
                    for (PromQlReferences.MetricRef ref : refs.metrics()) {
                        checked++;
                        if (ref.name().equals(ServingReplicas.SERIES)) {
                            // Recorded by the generated rules from the catalog's snapshot age, per replica.
                            ref.labels().stream().filter(l -> !List.of("cluster", "instance", "job").contains(l))
                                    .forEach(l -> problems.add(expr + ": " + ref.name() + " has no label " + l));
                            continue;
                        }
                        CatalogNames.resolve(ref.name()).ifPresentOrElse(
                                def -> ref.labels().stream().filter(l -> !CatalogNames.hasLabel(def, l))
                                        .forEach(l -> problems.add(expr + ": " + def + " has no label " + l)),
                                () -> problems.add(expr + ": " + ref.name() + " is not in the catalog"));
                        // grouping labels must exist on every metric of the query
                        refs.groupings().stream().flatMap(List::stream)
                                .filter(l -> CatalogNames.resolve(ref.name()).map(d -> !CatalogNames.hasLabel(d, l))
                                        .orElse(false))
                                .forEach(l -> problems.add(expr + ": groups by " + l + ", absent from " + ref.name()));
                    }
                }
            }
        }
        assertEquals(List.of(), problems);
        assertTrue(checked >= 40, "checked only " + checked + " references");
    }

    @Test
    void variableQueriesReferenceCatalogMetricsAndTheirLabels() {
        for (JsonNode dashboard : GeneratedDashboards.of(ExampleOwnership.load()).values()) {
            for (JsonNode variable : dashboard.path("templating").path("list")) {
                if (!variable.path("type").asText().equals("query")) {
                    continue;
                }
                Matcher m = LABEL_VALUES.matcher(variable.path("query").asText());
                assertTrue(m.matches(), "not a label_values query: " + variable.path("query"));
                PromQlReferences refs = PromQlReferences.parse(m.group(1));
                assertEquals(1, refs.metrics().size());
                MetricDef def = CatalogNames.resolve(refs.metrics().get(0).name()).orElseThrow(
                        () -> new AssertionError("not in catalog: " + m.group(1)));
                assertTrue(CatalogNames.hasLabel(def, m.group(2)), def + " has no label " + m.group(2));
                refs.metrics().get(0).labels().forEach(l -> assertTrue(CatalogNames.hasLabel(def, l), def + ": " + l));
            }
        }
    }

    // The parser itself: it must find metrics, and only metrics.

    @Test
    void parserTellsMetricsFromFunctionsLabelsAndStrings() {
        PromQlReferences refs = PromQlReferences.parse("sum by (group, topic) (rate(a_total{group=~\"b_metric|c\","
                + " topic!=\"x\"}[$__rate_interval])) / on (group) group_left (topic) max without (partition) (d)"
                + " > bool 3 offset 5m");
        assertEquals(List.of("a_total", "d"), refs.metrics().stream().map(PromQlReferences.MetricRef::name).toList());
        PromQlReferences.MetricRef a = refs.metrics().get(0);
        assertEquals("rate", a.enclosing());
        assertEquals(List.of("group", "topic"), a.labels());
        assertEquals("$__rate_interval", a.range());
        assertEquals("max", refs.metrics().get(1).enclosing());
        assertNull(refs.metrics().get(1).range());
        assertEquals(List.of(List.of("group", "topic"), List.of("group"), List.of("topic"), List.of("partition")),
                refs.groupings());
    }

    @Test
    void parserSeesEnclosingAggregationWrittenAfterItsArgument() {
        PromQlReferences refs = PromQlReferences.parse("sum(x{cluster=\"$cluster\"}) by (cluster) + {__name__=\"y\"}");
        assertEquals(List.of("x", "y"), refs.metrics().stream().map(PromQlReferences.MetricRef::name).toList());
        assertEquals("sum", refs.metrics().get(0).enclosing());
        assertNull(refs.metrics().get(1).enclosing());
    }

    @Test
    void parserRejectsUnbalancedQueries() {
        assertThrows(IllegalArgumentException.class, () -> PromQlReferences.parse("sum(x"));
        assertThrows(IllegalArgumentException.class, () -> PromQlReferences.parse("x{a=\"b}"));
    }
}
