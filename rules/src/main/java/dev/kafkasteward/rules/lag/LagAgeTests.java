package dev.kafkasteward.rules.lag;

import dev.kafkasteward.contract.ownership.ConsumerGroupOwnership;
import dev.kafkasteward.contract.ownership.Ownership;
import dev.kafkasteward.rules.prom.PromQl;
import dev.kafkasteward.rules.prom.TemplateVars;
import dev.kafkasteward.rules.prometheus.RuleTestFile.AlertTest;
import dev.kafkasteward.rules.prometheus.RuleTestFile.ExpectedAlert;
import dev.kafkasteward.rules.prometheus.RuleTestFile.Series;
import dev.kafkasteward.rules.prometheus.RuleTestFile.Test;
import dev.kafkasteward.rules.signal.AlertInstance;
import dev.kafkasteward.rules.signal.InstanceRenderer;
import dev.kafkasteward.rules.signal.Scenarios;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * promtool tests for the lag-age alerts: per consumer-group entry, one group it owns with a topic
 * above the critical threshold, one between the thresholds, one below, and the same lag in another
 * cluster. Expected alerts follow from the thresholds, so the test states what must fire (with every
 * label and annotation) and, by listing nothing else, what must stay silent.
 */
final class LagAgeTests {

    static final String INTERVAL = "1m";

    private final Ownership ownership;
    private final InstanceRenderer renderer;

    LagAgeTests(Ownership ownership, InstanceRenderer renderer) {
        this.ownership = ownership;
        this.renderer = renderer;
    }

    /** One synthetic series: constant {@code value} seconds of lag age. */
    private record Point(String cluster, String topic, String partition, double value) {
    }

    List<Test> tests(List<LagAgeAlert> plan) {
        Map<ConsumerGroupOwnership, List<LagAgeAlert>> byEntry = new LinkedHashMap<>();
        plan.forEach(a -> byEntry.computeIfAbsent(a.entry(), e -> new ArrayList<>()).add(a));
        List<Test> tests = new ArrayList<>();
        byEntry.forEach((entry, alerts) -> alerts.get(0).planned().sample()
                .ifPresent(group -> tests.add(test(entry, group, alerts))));
        return tests;
    }

    private Test test(ConsumerGroupOwnership entry, String group, List<LagAgeAlert> alerts) {
        double warning = entry.lagAgeWarning().value().toMillis() / 1000.0;
        double critical = entry.lagAgeCritical().value().toMillis() / 1000.0;
        String cluster = ownership.cluster();
        List<Point> points = new ArrayList<>();
        points.add(new Point(cluster, "above-critical", "0", critical + 1));
        points.add(new Point(cluster, "above-critical", "1", 0));
        if (warning + 1 <= critical) {
            points.add(new Point(cluster, "above-warning", "0", warning + 1));
        }
        points.add(new Point(cluster, "below-warning", "0", Math.max(0, warning - 1)));
        points.add(new Point(cluster + Scenarios.OTHER_CLUSTER_SUFFIX, "above-critical", "0", critical + 1));

        long forMinutes = (alerts.get(0).alertFor().seconds() + 59) / 60;
        long evalMinutes = forMinutes + 1;
        List<Series> series = points.stream()
                .map(p -> new Series(LagAgeAlert.METRIC.select(PromQl.eq("cluster", p.cluster()),
                        PromQl.eq("group", group), PromQl.eq("topic", p.topic()), PromQl.eq("partition", p.partition())),
                        PromQl.number(p.value()) + "+0x" + (evalMinutes + 1)))
                .toList();

        List<AlertTest> checks = new ArrayList<>();
        for (LagAgeAlert alert : alerts) {
            if (!alert.alertFor().value().isZero()) {
                checks.add(new AlertTest("0m", alert.alertName(), List.of())); // pending, not firing yet
            }
            checks.add(new AlertTest(evalMinutes + "m", alert.alertName(), expected(alert, group, points)));
        }
        return new Test("consumer lag age: " + entry.selector() + " (" + entry.owner() + "), group " + group,
                INTERVAL, series, checks);
    }

    private List<ExpectedAlert> expected(LagAgeAlert alert, String group, List<Point> points) {
        Map<String, Double> maxByTopic = new TreeMap<>();
        points.stream().filter(p -> p.cluster().equals(ownership.cluster()))
                .forEach(p -> maxByTopic.merge(p.topic(), p.value(), Math::max));
        AlertInstance instance = alert.instance(ownership.cluster());
        List<ExpectedAlert> expected = new ArrayList<>();
        maxByTopic.forEach((topic, value) -> {
            if (value > alert.thresholdSeconds()) {
                SortedMap<String, String> labels = new TreeMap<>(instance.labels());
                labels.put("group", group);
                labels.put("topic", topic);
                Map<String, String> seriesLabels = Map.of("cluster", ownership.cluster(), "group", group, "topic", topic);
                expected.add(new ExpectedAlert(labels,
                        renderer.annotations(instance, TemplateVars.expanded(seriesLabels, value))));
            }
        });
        return expected;
    }
}
