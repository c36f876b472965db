package dev.kafkasteward.grafana;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kafkasteward.contract.catalog.MetricDef;
import dev.kafkasteward.signals.ServingReplicas;
import dev.kafkasteward.signals.SignalOptions;
import dev.kafkasteward.signals.Signals;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
        Map<String, java.util.Set<String>> recorded = recordedSeries();
        for (JsonNode dashboard : GeneratedDashboards.of(ExampleOwnership.load()).values()) {
            for (JsonNode panel : GeneratedDashboards.dataPanels(dashboard)) {
                for (JsonNode target : panel.path("targets")) {
                    String expr = target.path("expr").asText();
                    PromQlReferences refs = PromQlReferences.parse(expr);
                    assertFalse(refs.metrics().isEmpty(), "no metric in " + expr);
                    for (PromQlReferences.MetricRef ref : refs.metrics()) {
                        checked++;
                        java.util.Optional<java.util.Set<String>> own = labelsOf(ref.name(), recorded);
                        if (own.isEmpty()) {
                            problems.add(expr + ": " + ref.name() + " is not in the catalog nor recorded");
                            continue;
                        }
                        // Matched and grouped-by labels must exist on the metric they match or group. The serving
                        // replicas only filter ("and on (cluster, instance)"): what is grouped is the other side.
                        java.util.stream.Stream.concat(ref.labels().stream(), ref.name().equals(ServingReplicas.SERIES)
                                        ? java.util.stream.Stream.empty() : ref.groupedBy().stream()).distinct()
                                .filter(l -> !own.get().contains(l))
                                .forEach(l -> problems.add(expr + ": " + ref.name() + " has no label " + l));
                    }
                }
            }
        }
        assertEquals(List.of(), problems);
        assertTrue(checked >= 40, "checked only " + checked + " references");
    }

    /** The labels of a catalog metric (with those Prometheus adds per target) or of a series our rules record. */
    private static java.util.Optional<java.util.Set<String>> labelsOf(String name,
                                                                      Map<String, java.util.Set<String>> recorded) {
        if (recorded.containsKey(name)) {
            return java.util.Optional.of(recorded.get(name));
        }
        return CatalogNames.resolve(name).map(def -> {
            java.util.Set<String> labels = new java.util.TreeSet<>(def.labels());
            labels.addAll(List.of("cluster", "instance", "job"));
            labels.removeIf(l -> !CatalogNames.hasLabel(def, l));
            return labels;
        });
    }

    /**
     * Series the generated rules record, each with the labels its expression keeps: every label its groupings
     * name (an over-estimate, enough to catch a label no rule produces).
     */
    private static Map<String, java.util.Set<String>> recordedSeries() {
        Map<String, java.util.Set<String>> out = new java.util.TreeMap<>();
        dev.kafkasteward.signals.SignalPlan plan = new Signals(SignalOptions.defaults()).plan(ExampleOwnership.load());
        List<dev.kafkasteward.signals.Recording> recordings = new ArrayList<>();
        plan.families().forEach(f -> recordings.addAll(f.recordings()));
        plan.gate().forEach(g -> recordings.add(g.recording()));
        for (dev.kafkasteward.signals.Recording r : recordings) {
            java.util.Set<String> labels = out.computeIfAbsent(r.record(), k -> new java.util.TreeSet<>());
            labels.addAll(List.of("cluster", "instance", "job"));
            PromQlReferences.parse(r.expr()).groupings().forEach(labels::addAll);
            labels.addAll(r.labels().keySet());
        }
        return out;
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
