package dev.kafkasteward.rules.render;

import dev.kafkasteward.contract.ownership.PromDuration;
import dev.kafkasteward.signals.AlertInstance;
import dev.kafkasteward.signals.Scenario;
import dev.kafkasteward.signals.ServingReplicas;
import dev.kafkasteward.signals.promql.Durations;
import dev.kafkasteward.signals.promql.PromQl;
import dev.kafkasteward.signals.promql.TemplateVars;
import dev.kafkasteward.rules.prometheus.RuleTestFile.AlertTest;
import dev.kafkasteward.rules.prometheus.RuleTestFile.ExpectedAlert;
import dev.kafkasteward.rules.prometheus.RuleTestFile.Series;
import dev.kafkasteward.rules.prometheus.RuleTestFile.Test;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Writes the promtool test of an {@link AlertInstance}: its scenario's series, silence before
 * {@code for} has passed, and after it exactly the expected alerts with every label and annotation
 * (anything else firing under that name fails the test). Scenarios count in steps of a minute;
 * with a time scale the step shrinks with the rules' {@code for} and range windows, so the same
 * scenario proves the scaled rules.
 */
public final class InstanceTests {

    private final InstanceRenderer renderer;
    /** One sample, one evaluation: a minute at time scale 1, shorter for scaled rules. */
    private final PromDuration step;
    /** The family's rules read {@link ServingReplicas#SERIES}: each test's exporter data must come from one. */
    private final boolean servingReplicas;

    /**
     * @param servingReplicas whether the family's rules read only serving exporter replicas; then each test
     *                        that has no snapshot age of its own gets a fresh one ({@code 0}) per cluster, which
     *                        the exporter family's recording rule (loaded with the test) turns into a serving
     *                        replica
     */
    public InstanceTests(InstanceRenderer renderer, double timeScale, boolean servingReplicas) {
        this.renderer = renderer;
        this.step = Durations.testStep(timeScale);
        this.servingReplicas = servingReplicas;
    }

    public Test test(AlertInstance instance, Scenario scenario) {
        long stepMillis = step.value().toMillis();
        long forSteps = (instance.alertFor().value().toMillis() + stepMillis - 1) / stepMillis;
        long evalSteps = forSteps + scenario.rangeMinutes() + 1;
        long samples = evalSteps + 1;
        List<Series> series = ScenarioSeries.of(scenario, samples, servingReplicas);
        List<AlertTest> checks = new ArrayList<>();
        if (forSteps > 0) {
            checks.add(new AlertTest("0s", instance.alert(), List.of())); // pending, not firing yet
        }
        List<ExpectedAlert> expected = scenario.firing().stream().map(f -> expected(instance, f)).toList();
        checks.add(new AlertTest(PromDuration.ofMillis(evalSteps * stepMillis).text(), instance.alert(), expected));
        return new Test(instance.alert() + " (" + instance.team() + "): " + ScenarioSeries.describe(scenario),
                step.text(), series, checks);
    }

    private ExpectedAlert expected(AlertInstance instance, Scenario.Firing firing) {
        SortedMap<String, String> labels = new TreeMap<>(firing.labels());
        labels.putAll(instance.labels());
        return new ExpectedAlert(labels, renderer.annotations(instance, TemplateVars.expanded(firing.labels(),
                firing.value())));
    }
}
