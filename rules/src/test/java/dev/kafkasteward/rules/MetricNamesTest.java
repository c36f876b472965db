package dev.kafkasteward.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kafkasteward.contract.catalog.MetricCatalog;
import dev.kafkasteward.contract.catalog.MetricDef;
import dev.kafkasteward.contract.catalog.Source;
import dev.kafkasteward.contract.testing.LargeOwnership;
import java.util.Map;
import dev.kafkasteward.contract.ownership.Ownership;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every metric an expression reads is in the {@link MetricCatalog}, and every label it matches on
 * or aggregates by is one of that metric's labels. Expressions are tokenised: string literals are
 * removed first, then label lists; every remaining identifier is either a PromQL keyword or
 * function, or must be a catalog metric.
 */
class MetricNamesTest {

    private static final Set<String> PROMQL_WORDS = Set.of("sum", "min", "max", "avg", "count", "group", "stddev",
            "stdvar", "topk", "bottomk", "quantile", "count_values", "by", "without", "on", "ignoring", "group_left",
            "group_right", "and", "or", "unless", "bool", "offset", "rate", "increase", "irate", "delta", "deriv",
            "time", "absent", "absent_over_time", "max_over_time", "min_over_time", "avg_over_time", "changes",
            "resets", "predict_linear", "clamp_min", "clamp_max", "vector", "scalar", "label_replace", "timestamp",
            "last_over_time", "histogram_quantile", "abs", "inf", "Inf", "NaN");
    /**
     * Series Prometheus itself writes per scrape target (not Kafka Steward's, so not in the catalog),
     * with the labels every target has.
     */
    private static final Map<String, Set<String>> PROMETHEUS_SERIES = Map.of("up", Set.of("job", "instance"),
            // Alerts as series, with the labels our rules give them (the change gate reads them).
            "ALERTS", Set.of("alertname", "alertstate", "cluster", "team", "severity", "tier", "also_notify"));
    /** Labels a jmx-config series gets from its scrape target rather than from the agent. */
    private static final Set<String> TARGET_LABELS = Set.of("cluster", "instance", "job");
    // Possessive: the catch-all exclusion of a 200-entry file is a string literal of several kilobytes.
    private static final Pattern STRING = Pattern.compile("\"(?:[^\"\\\\]++|\\\\.)*+\"");
    private static final Pattern SELECTOR = Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)\\s*\\{([^}]*)}");
    private static final Pattern GROUPING = Pattern.compile("\\b(by|without|on|ignoring)\\s*\\(([^)]*)\\)");
    private static final Pattern IDENTIFIER = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");

    @Test
    void exampleExpressionsOnlyUseCatalogMetricsAndTheirLabels() {
        checkAll(Fixtures.example());
    }

    @Test
    void patternExpressionsOnlyUseCatalogMetricsAndTheirLabels() {
        checkAll(Fixtures.patterns());
    }

    @Test
    void theCheckRejectsAnUnknownMetricAndAnUnknownLabel() {
        // Each mistake by its own message, so a check that rejects for a wrong reason (a label list taken for
        // metric names, say) fails here.
        assertEquals(List.of("'kafka_made_up_metric' is neither a PromQL word, a recorded series nor a catalog metric",
                        "label 'cluster' is not a label of []"),
                problems("max by (cluster) (kafka_made_up_metric{cluster=\"x\"}) > 1"));
        assertEquals(List.of("label 'broker' is not a label of [kafka_consumergroup_lag_age_seconds]"),
                problems("max by (broker) (kafka_consumergroup_lag_age_seconds) > 1"), "a grouping label");
        assertEquals(List.of("label 'colour' is not a label of [kafka_consumergroup_lag_age_seconds]"),
                problems("kafka_consumergroup_lag_age_seconds{colour=\"red\"} > 1"), "a selector label");
        assertEquals(List.of("reads no metric"), problems("1 > 0"));
        assertEquals(List.of(), problems("max by (cluster, group) (kafka_consumergroup_lag_age_seconds{group=~\"a{2}\"}) > 1"),
                "a brace inside a string does not end the selector");
    }

    @Test
    void largeFileExpressionsOnlyUseCatalogMetricsAndTheirLabels() {
        checkAll(LargeOwnership.generate(20, 200));
    }

    private static void checkAll(Ownership ownership) {
        List<JsonNode> rules = Generated.allRules(new RulesGenerator(RulesOptions.defaults()).generate(ownership));
        assertFalse(rules.isEmpty());
        Map<String, Set<String>> recorded = recordedSeries(rules);
        Set<String> labelsChecked = new java.util.TreeSet<>();
        for (JsonNode rule : rules) {
            String expr = rule.get("expr").asText();
            Check check = check(expr, recorded);
            assertEquals(List.of(), check.problems(), expr);
            labelsChecked.addAll(check.labels());
        }
        // The rules select and group by cluster: had the label extraction missed the generated syntax, no label
        // would have been checked and the loop above would have passed on metric names alone.
        assertTrue(labelsChecked.contains("cluster"), "labels checked: " + labelsChecked);
    }

    /** What {@link #check} found wrong with an expression, and the labels it checked. */
    record Check(List<String> problems, Set<String> labels) {
    }

    /**
     * Series our own recording rules write, with the labels they keep: those of the {@code by (...)}
     * of a rule over catalog metrics, or of the recorded series a rule reads.
     */
    private static Map<String, Set<String>> recordedSeries(List<JsonNode> rules) {
        Map<String, Set<String>> recorded = new java.util.TreeMap<>();
        for (JsonNode rule : rules) {
            if (rule.has("record")) {
                String expr = rule.get("expr").asText();
                Matcher by = GROUPING.matcher(expr);
                Set<String> labels = by.find() ? Set.of(by.group(2).replace(" ", "").split(","))
                        : recorded.entrySet().stream().filter(e -> expr.contains(e.getKey())).findFirst()
                        .map(Map.Entry::getValue).orElseThrow(() -> new AssertionError("cannot tell labels of " + expr));
                recorded.merge(rule.get("record").asText(), labels, (a, b) -> a);
            }
        }
        return recorded;
    }

    static List<String> problems(String expr) {
        return check(expr, Map.of()).problems();
    }

    /** A catalog metric by exposed name; summaries and histograms are read through their _sum/_count series. */
    private static java.util.Optional<MetricDef> catalogMetric(String name) {
        java.util.Optional<MetricDef> exact = MetricCatalog.byName(name);
        if (exact.isPresent()) {
            return exact;
        }
        for (String suffix : List.of("_sum", "_count", "_bucket")) {
            if (name.endsWith(suffix)) {
                return MetricCatalog.byName(name.substring(0, name.length() - suffix.length()))
                        .filter(m -> m.type() == dev.kafkasteward.contract.catalog.MetricType.SUMMARY
                                || m.type() == dev.kafkasteward.contract.catalog.MetricType.HISTOGRAM);
            }
        }
        return java.util.Optional.empty();
    }

    /** What is wrong with {@code expr}: unknown metrics, labels not on the metric, no metric at all. */
    static Check check(String expr, Map<String, Set<String>> recorded) {
        List<String> problems = new ArrayList<>();
        Set<String> allowedLabels = new java.util.TreeSet<>();
        String noStrings = STRING.matcher(expr).replaceAll("\"\"");
        List<MetricDef> used = new ArrayList<>();
        Set<String> labelsUsed = new java.util.TreeSet<>();

        Matcher selector = SELECTOR.matcher(noStrings);
        while (selector.find()) {
            for (String matcher : selector.group(2).split(",")) {
                if (!matcher.isBlank()) {
                    labelsUsed.add(matcher.trim().split("[=!~]")[0].trim());
                }
            }
        }
        String noSelectors = noStrings.replaceAll("\\{[^}]*}", " ").replaceAll("\\[[^\\]]*]", " ");
        Matcher grouping = GROUPING.matcher(noSelectors);
        while (grouping.find()) {
            for (String label : grouping.group(2).split(",")) {
                labelsUsed.add(label.trim());
            }
        }
        String rest = GROUPING.matcher(noSelectors).replaceAll(" ").replaceAll("\\boffset\\s+[0-9a-z]+", " ");
        Matcher identifier = IDENTIFIER.matcher(rest.replace("\"\"", " "));
        while (identifier.find()) {
            String word = identifier.group();
            if (PROMQL_WORDS.contains(word)) {
                continue;
            }
            if (PROMETHEUS_SERIES.containsKey(word)) {
                allowedLabels.addAll(PROMETHEUS_SERIES.get(word));
            } else if (recorded.containsKey(word)) {
                allowedLabels.addAll(recorded.get(word));
            } else {
                catalogMetric(word).ifPresentOrElse(m -> {
                    used.add(m);
                    allowedLabels.addAll(m.labels());
                    // Prometheus adds the target's labels: jmx series get cluster from the scrape config, and
                    // every series instance and job (rules aggregate over exporter replicas by instance).
                    allowedLabels.addAll(m.source() instanceof Source.JmxConfig ? TARGET_LABELS
                            : Set.of("instance", "job"));
                }, () -> problems.add("'" + word + "' is neither a PromQL word, a recorded series nor a catalog metric"));
            }
        }
        if (allowedLabels.isEmpty() && used.isEmpty() && problems.isEmpty()) {
            problems.add("reads no metric");
        }
        for (String label : labelsUsed) {
            if (!label.isEmpty() && !allowedLabels.contains(label)) {
                problems.add("label '" + label + "' is not a label of " + used.stream().map(MetricDef::name).toList());
            }
        }
        return new Check(problems, labelsUsed);
    }
}
