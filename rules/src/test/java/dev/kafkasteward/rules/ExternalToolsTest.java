package dev.kafkasteward.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kafkasteward.contract.output.GeneratedFiles;
import dev.kafkasteward.contract.ownership.Ownership;
import dev.kafkasteward.contract.testing.ExternalTool;
import dev.kafkasteward.contract.testing.LargeOwnership;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The generated files as the real tools see them: promtool checks the rules and runs the generated
 * unit tests, amtool checks the Alertmanager config and proves each alert reaches its owner only.
 */
class ExternalToolsTest {

    @TempDir
    Path out;

    static Stream<Arguments> inputs() {
        return Stream.of(
                Arguments.of("example", Fixtures.example(), RulesOptions.defaults()),
                Arguments.of("example, time scale 0.01", Fixtures.example(), RulesOptions.defaults().withTimeScale(0.01)),
                Arguments.of("overlapping patterns", Fixtures.patterns(), RulesOptions.defaults()),
                Arguments.of("routing: 12 teams, shared responsibility, unowned assets", Fixtures.routing(),
                        RulesOptions.defaults()),
                Arguments.of("large: 20 teams, 200 groups", LargeOwnership.generate(20, 200), RulesOptions.defaults()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("inputs")
    void promtoolChecksTheRules(String name, Ownership ownership, RulesOptions options) {
        Tool promtool = new Tool(ExternalTool.require("promtool"));
        GeneratedFiles files = write(ownership, options);
        List<String> args = new ArrayList<>(List.of("check", "rules"));
        Generated.ruleFiles(files).forEach(p -> args.add(out.resolve(p).toString()));
        assertSucceeds(promtool.run(args.toArray(String[]::new)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("inputs")
    void promtoolRunsTheGeneratedTests(String name, Ownership ownership, RulesOptions options) {
        Tool promtool = new Tool(ExternalTool.require("promtool"));
        GeneratedFiles files = write(ownership, options);
        // The test files split over one promtool per core, the largest first into the least loaded share.
        int shares = Math.max(1, Runtime.getRuntime().availableProcessors());
        List<List<String>> argLists = new ArrayList<>();
        long[] load = new long[shares];
        for (int i = 0; i < shares; i++) {
            argLists.add(new ArrayList<>(List.of("test", "rules")));
        }
        Generated.testFiles(files).stream().map(out::resolve)
                .sorted(java.util.Comparator.comparingLong(ExternalToolsTest::size).reversed())
                .forEach(p -> {
                    int least = 0;
                    for (int i = 1; i < shares; i++) {
                        least = load[i] < load[least] ? i : least;
                    }
                    argLists.get(least).add(p.toString());
                    load[least] += size(p);
                });
        argLists.removeIf(args -> args.size() == 2);
        assertTrue(!argLists.isEmpty(), "promtool tests were generated");
        for (Tool.Result result : promtool.runAll(argLists)) {
            assertSucceeds(result);
            assertTrue(result.output().contains("SUCCESS"), result.describe());
        }
        // Every alerting rule is exercised by at least one expected alert in the tests.
        List<Map<String, String>> expected = new ArrayList<>();
        Generated.tests(files).forEach(t -> t.path("alert_rule_test")
                .forEach(check -> check.get("exp_alerts").forEach(a -> {
                    Map<String, String> labels = labels(a.get("exp_labels"));
                    labels.put("alertname", check.get("alertname").asText());
                    expected.add(labels);
                })));
        for (JsonNode rule : Generated.rules(files)) {
            Map<String, String> ruleLabels = labels(rule.get("labels"));
            // As Prometheus expands them: a literal {{, and a { at the end, are written as actions printing them.
            ruleLabels.replaceAll((k, v) -> v.replace("{{ \"{{\" }}", "{{").replace("{{ \"{\" }}", "{"));
            ruleLabels.put("alertname", rule.get("alert").asText());
            assertTrue(expected.stream().anyMatch(e -> e.entrySet().containsAll(ruleLabels.entrySet())),
                    "no promtool test expects " + ruleLabels + " from " + rule.get("expr").asText());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("inputs")
    void amtoolChecksTheConfig(String name, Ownership ownership, RulesOptions options) {
        Tool amtool = new Tool(ExternalTool.require("amtool"));
        write(ownership, options);
        assertSucceeds(amtool.run("check-config", out.resolve(RulesGenerator.ALERTMANAGER_FILE).toString()));
    }

    /**
     * Routing depends on labels only: one amtool run per distinct label set, and every alert must reach its
     * owner and each team in its {@code also_notify} label, each once, and nobody else. All wrong routes are
     * listed at once.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("inputs")
    void everyAlertReachesExactlyItsOwnerAndTheTeamsItAlsoNotifies(String name, Ownership ownership,
                                                                   RulesOptions options) {
        Tool amtool = new Tool(ExternalTool.require("amtool"));
        GeneratedFiles files = write(ownership, options);
        String config = "--config.file=" + out.resolve(RulesGenerator.ALERTMANAGER_FILE);
        List<JsonNode> rules = Generated.rules(files);
        assertTrue(!rules.isEmpty());
        java.util.Set<String> seen = new java.util.HashSet<>();
        List<String> wrong = new ArrayList<>();
        int checked = 0;
        List<Map<String, String>> labelSets = new ArrayList<>();
        List<List<String>> argLists = new ArrayList<>();
        for (JsonNode rule : rules) {
            Map<String, String> labels = labels(rule.get("labels"));
            labels.put("alertname", rule.get("alert").asText());
            if (!seen.add(labels.toString())) {
                continue;
            }
            List<String> args = new ArrayList<>(List.of("config", "routes", "test", config));
            // Quoted as a matcher value: label values are free text (a funnel stage may hold spaces and quotes).
            labels.forEach((k, v) -> args.add(k + "=\"" + v.replace("\\", "\\\\").replace("\"", "\\\"") + "\""));
            args.addAll(List.of("group=some-group", "topic=some-topic"));
            labelSets.add(labels);
            argLists.add(args);
        }
        List<Tool.Result> results = amtool.runAll(argLists);
        for (int i = 0; i < results.size(); i++) {
            Map<String, String> labels = labelSets.get(i);
            Tool.Result result = results.get(i);
            assertSucceeds(result);
            java.util.SortedSet<String> expected = new java.util.TreeSet<>(List.of(labels.get("team")));
            if (labels.containsKey("also_notify")) {
                expected.addAll(List.of(labels.get("also_notify").split(",")));
            }
            List<String> reached = List.of(receivers(result).split(","));
            if (!new java.util.TreeSet<>(reached).equals(expected) || reached.size() != expected.size()) {
                wrong.add(labels + " reached " + reached + ", expected " + expected);
            }
            checked++;
        }
        assertEquals(List.of(), wrong, wrong.size() + " of " + checked + " label sets are routed wrongly");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("inputs")
    void alertsWithoutAKnownTeamGoToTheUnownedOwner(String name, Ownership ownership, RulesOptions options) {
        Tool amtool = new Tool(ExternalTool.require("amtool"));
        write(ownership, options);
        String config = "--config.file=" + out.resolve(RulesGenerator.ALERTMANAGER_FILE);
        String unowned = ownership.unowned().owner();
        for (String[] labels : List.of(new String[] {"alertname=Unowned", "severity=critical"},
                new String[] {"alertname=Unowned", "team=no-such-team", "severity=warning"})) {
            List<String> args = new ArrayList<>(List.of("config", "routes", "test", config,
                    "--verify.receivers=" + unowned));
            args.addAll(List.of(labels));
            Tool.Result result = amtool.run(args.toArray(String[]::new));
            assertSucceeds(result);
            assertEquals(unowned, receivers(result), result.describe());
        }
    }

    private GeneratedFiles write(Ownership ownership, RulesOptions options) {
        GeneratedFiles files = new RulesGenerator(options).generate(ownership);
        files.writeTo(out);
        return files;
    }

    /** The receivers amtool resolved: its output minus the warning it prints about --config.file. */
    private static String receivers(Tool.Result result) {
        return result.output().lines().filter(l -> !l.startsWith("Warning:")).reduce("", String::concat).trim();
    }

    private static long size(Path file) {
        try {
            return java.nio.file.Files.size(file);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void assertSucceeds(Tool.Result result) {
        assertEquals(0, result.exitCode(), result.describe());
    }

    private static Map<String, String> labels(JsonNode node) {
        Map<String, String> map = new TreeMap<>();
        node.fields().forEachRemaining(e -> map.put(e.getKey(), e.getValue().asText()));
        return map;
    }
}
