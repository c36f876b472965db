package dev.kafkasteward.rules.render;

import dev.kafkasteward.contract.gate.GateCondition;
import dev.kafkasteward.contract.ownership.PromDuration;
import dev.kafkasteward.rules.prometheus.RuleTestFile.ExprTest;
import dev.kafkasteward.rules.prometheus.RuleTestFile.Sample;
import dev.kafkasteward.rules.prometheus.RuleTestFile.Test;
import dev.kafkasteward.signals.Scenario;
import dev.kafkasteward.signals.change.GateRule;
import dev.kafkasteward.signals.promql.Durations;
import dev.kafkasteward.signals.promql.PromQl;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/**
 * The promtool test of a change-gate rule: its scenario's series, and the complete set of series the rule
 * records at the time the scenario's alert would fire, each with every label (the condition, the owner, the
 * threshold, the asset) and its value. A value a scenario leaves open is checked by presence: the test
 * counts the series instead.
 */
public final class GateTests {

    private final PromDuration step;

    public GateTests(double timeScale) {
        this.step = Durations.testStep(timeScale);
    }

    public Test test(GateRule rule, Scenario scenario) {
        long stepMillis = step.value().toMillis();
        long settleSteps = (rule.settle().value().toMillis() + stepMillis - 1) / stepMillis;
        // When the scenario's alert fires: the rule records the same condition, without waiting.
        long evalSteps = settleSteps + scenario.rangeMinutes() + 1;
        String selector = GateCondition.SERIES + "{" + String.join(", ", rule.recording().labels().entrySet().stream()
                .map(e -> PromQl.eq(e.getKey(), e.getValue())).toList()) + "}";
        boolean byPresence = scenario.firing().stream().anyMatch(Scenario.Firing::anyValue);
        List<Sample> expected = new ArrayList<>();
        String expr = selector;
        if (byPresence) {
            List<String> labels = scenario.firing().isEmpty() ? List.of()
                    : List.copyOf(scenario.firing().get(0).labels().keySet());
            expr = "count by (" + String.join(", ", labels) + ") (" + selector + ")";
            scenario.firing().forEach(f -> expected.add(new Sample(labels(null, f.labels()), 1)));
        } else {
            scenario.firing().forEach(f -> expected.add(new Sample(labels(GateCondition.SERIES, f.labels()),
                    f.value())));
        }
        String uses = rule.recording().expr().contains("ALERTS") ? "alerts" : "series";
        return new Test(rule.condition().label() + " (" + rule.recording().labels().get(GateCondition.TEAM_LABEL)
                + ", from " + uses + "): " + ScenarioSeries.describe(scenario), step.text(),
                ScenarioSeries.of(scenario, evalSteps + 1, true), List.of(),
                List.of(new ExprTest(expr, PromDuration.ofMillis(evalSteps * stepMillis).text(), expected)));
    }

    private static String labels(String name, SortedMap<String, String> labels) {
        List<String> pairs = new ArrayList<>();
        for (Map.Entry<String, String> e : labels.entrySet()) {
            pairs.add(PromQl.eq(e.getKey(), e.getValue()));
        }
        return (name == null ? "" : name) + "{" + String.join(", ", pairs) + "}";
    }
}
