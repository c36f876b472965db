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
        List<String> args = new ArrayList<>(List.of("test", "rules"));
        Generated.testFiles(files).forEach(p -> args.add(out.resolve(p).toString()));
        Tool.Result result = promtool.run(args.toArray(String[]::new));
        assertSucceeds(result);
        assertTrue(result.output().contains("SUCCESS"), result.describe());
        // Every alerting rule is exercised by at least one expected alert in the tests.
        List<Map<String, String>> expected = new ArrayList<>();
        Generated.tests(files).forEach(t -> t.get("alert_rule_test")
                .forEach(check -> check.get("exp_alerts").forEach(a -> {
                    Map<String, String> labels = labels(a.get("exp_labels"));
                    labels.put("alertname", check.get("alertname").asText());
                    expected.add(labels);
                })));
        for (JsonNode rule : Generated.rules(files)) {
            Map<String, String> ruleLabels = labels(rule.get("labels"));
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

    @ParameterizedTest(name = "{0}")
    @MethodSource("inputs")
    void everyAlertReachesItsOwnersReceiverOnly(String name, Ownership ownership, RulesOptions options) {
        Tool amtool = new Tool(ExternalTool.require("amtool"));
        GeneratedFiles files = write(ownership, options);
        String config = "--config.file=" + out.resolve(RulesGenerator.ALERTMANAGER_FILE);
        List<JsonNode> rules = Generated.rules(files);
        assertTrue(!rules.isEmpty());
        // Routing depends on labels only: one amtool run per distinct label set (every alert of the example).
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (JsonNode rule : rules) {
            JsonNode labels = rule.get("labels");
            if (!seen.add(rule.get("alert").asText() + labels)) {
                continue;
            }
            String team = labels.get("team").asText();
            Tool.Result result = amtool.run("config", "routes", "test", config, "--verify.receivers=" + team,
                    "alertname=" + rule.get("alert").asText(), "team=" + team,
                    "severity=" + labels.get("severity").asText(), "cluster=" + labels.get("cluster").asText(),
                    "tier=" + labels.get("tier").asText(), "group=some-group", "topic=some-topic");
            assertSucceeds(result);
            assertEquals(team, receivers(result), result.describe());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("inputs")
    void alertsWithoutAKnownTeamGoToThePlatformOwner(String name, Ownership ownership, RulesOptions options) {
        Tool amtool = new Tool(ExternalTool.require("amtool"));
        write(ownership, options);
        String config = "--config.file=" + out.resolve(RulesGenerator.ALERTMANAGER_FILE);
        String platform = ownership.platform().owner();
        for (String[] labels : List.of(new String[] {"alertname=Unowned", "severity=critical"},
                new String[] {"alertname=Unowned", "team=no-such-team", "severity=warning"})) {
            List<String> args = new ArrayList<>(List.of("config", "routes", "test", config,
                    "--verify.receivers=" + platform));
            args.addAll(List.of(labels));
            Tool.Result result = amtool.run(args.toArray(String[]::new));
            assertSucceeds(result);
            assertEquals(platform, receivers(result), result.describe());
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

    private static void assertSucceeds(Tool.Result result) {
        assertEquals(0, result.exitCode(), result.describe());
    }

    private static Map<String, String> labels(JsonNode node) {
        Map<String, String> map = new TreeMap<>();
        node.fields().forEachRemaining(e -> map.put(e.getKey(), e.getValue().asText()));
        return map;
    }
}
