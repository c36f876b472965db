package dev.kafkasteward.rules.prometheus;

import dev.kafkasteward.rules.prometheus.RuleTestFile.AlertTest;
import dev.kafkasteward.rules.prometheus.RuleTestFile.ExpectedAlert;
import dev.kafkasteward.rules.prometheus.RuleTestFile.Series;
import dev.kafkasteward.rules.prometheus.RuleTestFile.Test;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Merges the tests of one family that check the same alert names at the same times into one test.
 * promtool evaluates every rule for every test, so a thousand one-asset tests cost a thousand times
 * the whole rule file; merged, the same assertions cost one. Sound because within a family each
 * test's series are labelled with its own asset, which no other rule of that alert name selects:
 * the expected alerts of the merged test are exactly the union of the parts'.
 */
public final class TestMerger {

    private TestMerger() {
    }

    public static List<Test> merge(String family, List<Test> tests) {
        // Bins of tests with the same checks; a test whose series would clash with a bin's (the same
        // series with other values, e.g. firing and silent scenarios of one asset) opens another bin.
        Map<List<String>, List<List<Test>>> bySignature = new LinkedHashMap<>();
        for (Test test : tests) {
            List<String> signature = new ArrayList<>();
            signature.add(test.interval());
            test.alertRuleTest().forEach(c -> signature.add(c.evalTime() + " " + c.alertname()));
            List<List<Test>> bins = bySignature.computeIfAbsent(signature, s -> new ArrayList<>());
            bins.stream().filter(bin -> !clashes(bin, test)).findFirst()
                    .orElseGet(() -> {
                        List<Test> bin = new ArrayList<>();
                        bins.add(bin);
                        return bin;
                    }).add(test);
        }
        List<Test> merged = new ArrayList<>();
        bySignature.values().forEach(bins -> bins.forEach(bin -> merged.add(bin.size() == 1 ? bin.get(0)
                : mergeGroup(family, bin))));
        return merged;
    }

    /** Whether {@code test} feeds a series of the bin other values; the same series with the same values is shared. */
    private static boolean clashes(List<Test> bin, Test test) {
        Map<String, String> values = new java.util.HashMap<>();
        test.inputSeries().forEach(s -> values.put(s.series(), s.values()));
        return bin.stream().flatMap(t -> t.inputSeries().stream())
                .anyMatch(s -> values.containsKey(s.series()) && !values.get(s.series()).equals(s.values()));
    }

    private static Test mergeGroup(String family, List<Test> group) {
        Map<String, String> series = new LinkedHashMap<>();
        for (Test test : group) {
            for (Series s : test.inputSeries()) {
                String previous = series.putIfAbsent(s.series(), s.values());
                if (previous != null && !previous.equals(s.values())) {
                    throw new IllegalStateException("two tests of " + family + " feed " + s.series() + " differently");
                }
            }
        }
        List<AlertTest> checks = new ArrayList<>();
        Test first = group.get(0);
        for (int i = 0; i < first.alertRuleTest().size(); i++) {
            AlertTest check = first.alertRuleTest().get(i);
            List<ExpectedAlert> expected = new ArrayList<>();
            for (Test test : group) {
                expected.addAll(test.alertRuleTest().get(i).expAlerts());
            }
            checks.add(new AlertTest(check.evalTime(), check.alertname(), expected));
        }
        String alerts = String.join(", ", first.alertRuleTest().stream().map(AlertTest::alertname).distinct().toList());
        return new Test(family + ": " + alerts + " for " + group.size() + " assets, at "
                + String.join(", ", first.alertRuleTest().stream().map(AlertTest::evalTime).distinct().toList()),
                first.interval(), series.entrySet().stream().map(e -> new Series(e.getKey(), e.getValue())).toList(),
                checks);
    }
}
