package dev.kafkasteward.rules.prometheus;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Collections;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/** A promtool unit-test file ({@code promtool test rules}), as typed records for the YAML writer. */
public record RuleTestFile(List<String> ruleFiles, String evaluationInterval, List<Test> tests) {

    public RuleTestFile {
        ruleFiles = List.copyOf(ruleFiles);
        tests = List.copyOf(tests);
    }

    /**
     * One scenario: input series sampled every {@code interval}, and the alerts (or expression results) expected
     * at given times.
     */
    public record Test(String name, String interval, List<Series> inputSeries,
                       @JsonInclude(JsonInclude.Include.NON_EMPTY) List<AlertTest> alertRuleTest,
                       @JsonInclude(JsonInclude.Include.NON_EMPTY) List<ExprTest> promqlExprTest) {

        public Test {
            inputSeries = List.copyOf(inputSeries);
            alertRuleTest = List.copyOf(alertRuleTest);
            promqlExprTest = List.copyOf(promqlExprTest);
        }

        /** A test of alerts only. */
        public Test(String name, String interval, List<Series> inputSeries, List<AlertTest> alertRuleTest) {
            this(name, interval, inputSeries, alertRuleTest, List.of());
        }
    }

    /** The complete result of {@code expr} at {@code evalTime} (recording rules are checked this way). */
    public record ExprTest(String expr, String evalTime, List<Sample> expSamples) {

        public ExprTest {
            expSamples = List.copyOf(expSamples);
        }
    }

    /** One expected sample: its labels as a series selector text, e.g. {@code name{a="b"}}, and its value. */
    public record Sample(String labels, double value) {
    }

    /** A series selector and its values in promtool's expanding notation, e.g. {@code 31+0x10}. */
    public record Series(String series, String values) {
    }

    /** The complete set of alerts named {@code alertname} firing at {@code evalTime}; empty means silent. */
    public record AlertTest(String evalTime, String alertname, List<ExpectedAlert> expAlerts) {

        public AlertTest {
            expAlerts = List.copyOf(expAlerts);
        }
    }

    /** One firing alert with all its labels and annotations. */
    public record ExpectedAlert(SortedMap<String, String> expLabels, SortedMap<String, String> expAnnotations) {

        public ExpectedAlert {
            expLabels = Collections.unmodifiableSortedMap(new TreeMap<>(expLabels));
            expAnnotations = Collections.unmodifiableSortedMap(new TreeMap<>(expAnnotations));
        }
    }
}
