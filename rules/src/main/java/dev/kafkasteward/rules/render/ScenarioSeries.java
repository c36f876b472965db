package dev.kafkasteward.rules.render;

import dev.kafkasteward.contract.catalog.SelfMetrics;
import dev.kafkasteward.rules.prometheus.RuleTestFile.Series;
import dev.kafkasteward.signals.Scenario;
import dev.kafkasteward.signals.promql.PromQl;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A scenario's inputs as promtool input series: each {@code start+stepxN}, absent ({@code _}) for the minutes
 * before it starts, plus a fresh snapshot age per cluster when the rules read only serving exporter replicas and
 * the scenario has none of its own (the exporter family's recording rule, loaded with the test, turns it into a
 * serving replica).
 */
final class ScenarioSeries {

    private ScenarioSeries() {
    }

    /** The series of {@code scenario} with {@code samples} samples each. */
    static List<Series> of(Scenario scenario, long samples, boolean servingReplicas) {
        return inputs(scenario, servingReplicas).stream().map(in -> new Series(selector(in), values(in, samples)))
                .toList();
    }

    private static String values(Scenario.Input in, long samples) {
        String absent = in.startsAt() > 0 ? "_x" + in.startsAt() + " " : "";
        return absent + PromQl.number(in.start()) + (in.step() >= 0 ? "+" : "") + PromQl.number(in.step()) + "x"
                + (samples - in.startsAt());
    }

    private static List<Scenario.Input> inputs(Scenario scenario, boolean servingReplicas) {
        List<Scenario.Input> inputs = new ArrayList<>(scenario.inputs());
        if (!servingReplicas) {
            return inputs;
        }
        String age = SelfMetrics.SNAPSHOT_AGE.name();
        Set<String> clusters = new TreeSet<>();
        scenario.inputs().stream().map(in -> in.labels().get("cluster")).filter(Objects::nonNull).forEach(clusters::add);
        scenario.inputs().stream().filter(in -> in.metric().equals(age))
                .forEach(in -> clusters.remove(in.labels().get("cluster")));
        clusters.forEach(c -> inputs.add(new Scenario.Input(age, new TreeMap<>(Map.of("cluster", c)), 0, 0)));
        return inputs;
    }

    private static String selector(Scenario.Input input) {
        List<String> matchers = new ArrayList<>();
        input.labels().forEach((k, v) -> matchers.add(PromQl.eq(k, v)));
        return input.metric() + "{" + String.join(", ", matchers) + "}";
    }

    /** Where a scenario's series are, for a test's name: a few of their labels. */
    static String describe(Scenario scenario) {
        String where = scenario.inputs().stream().flatMap(i -> i.labels().entrySet().stream())
                .filter(e -> !e.getKey().equals("cluster") && !e.getKey().equals("partition"))
                .map(e -> e.getKey() + "=" + e.getValue()).distinct().limit(3).reduce((a, b) -> a + ", " + b)
                .orElse("");
        return (scenario.firing().isEmpty() ? "silent" : scenario.firing().size() + " firing") + " [" + where + "]";
    }
}
