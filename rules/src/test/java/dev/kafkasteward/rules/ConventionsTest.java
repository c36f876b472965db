package dev.kafkasteward.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kafkasteward.contract.output.GeneratedFiles;
import dev.kafkasteward.contract.ownership.Ownership;
import dev.kafkasteward.contract.testing.LargeOwnership;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The monitoring-mixins conventions ({@code mixtool lint}) and ours, on every generated rule:
 * names, labels, annotations, group sizes, inhibitions, runbooks and tests.
 */
class ConventionsTest {

    static final Set<String> SEVERITIES = Set.of("critical", "warning", "info");

    static Stream<Arguments> inputs() {
        return Stream.of(Arguments.of("example", Fixtures.example()), Arguments.of("patterns", Fixtures.patterns()),
                Arguments.of("large", LargeOwnership.generate(20, 200)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("inputs")
    void everyAlertFollowsTheConventions(String name, Ownership ownership) {
        GeneratedFiles files = new RulesGenerator(RulesOptions.defaults()).generate(ownership);
        List<String> problems = new ArrayList<>();
        for (JsonNode rule : Generated.rules(files)) {
            String alert = rule.get("alert").asText();
            JsonNode labels = rule.get("labels");
            JsonNode annotations = rule.get("annotations");
            check(problems, alert.matches("[A-Z][a-z0-9]*([A-Z][a-z0-9]*)*") && alert.length() <= 40, alert,
                    "name is not CamelCase of at most 40 characters");
            check(problems, SEVERITIES.contains(labels.path("severity").asText()), alert, "severity " + labels);
            for (String label : List.of("cluster", "team", "severity", "tier")) {
                check(problems, labels.hasNonNull(label), alert, "no label " + label);
            }
            check(problems, ownership.teams().containsKey(labels.path("team").asText()), alert, "unknown team");
            check(problems, labels.path("cluster").asText().equals(ownership.cluster()), alert, "wrong cluster");
            String summary = annotations.path("summary").asText();
            check(problems, summary.matches("[A-Z][^\\n]*\\.") && !summary.substring(0, summary.length() - 1)
                    .contains(". "), alert, "summary is not one capitalised sentence ending in '.': " + summary);
            check(problems, annotations.path("description").asText().contains("{{ $"), alert,
                    "description is not templated");
            check(problems, annotations.path("runbook_url").asText().endsWith("/" + alert.toLowerCase() + ".md"), alert,
                    "runbook_url");
            check(problems, files.files().containsKey(RulesGenerator.RUNBOOKS_DIR + "/" + alert.toLowerCase() + ".md"),
                    alert, "no runbook page written");
            check(problems, annotations.hasNonNull("dashboard_url"), alert, "no dashboard_url");
        }
        Generated.groups(files).forEach(g -> check(problems, g.get("rules").size() <= 20, g.get("name").asText(),
                "more than 20 rules"));
        Generated.tree(files, RulesGenerator.ALERTMANAGER_FILE).get("inhibit_rules").forEach(r -> {
            Set<String> equal = new TreeSet<>();
            r.get("equal").forEach(e -> equal.add(e.asText()));
            check(problems, equal.contains("cluster"), r.toString(), "inhibit rule without cluster in equal");
        });
        assertEquals(List.of(), problems);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("inputs")
    void everyAlertHasAPromtoolTest(String name, Ownership ownership) {
        GeneratedFiles files = new RulesGenerator(RulesOptions.defaults()).generate(ownership);
        Set<String> tested = new TreeSet<>();
        Generated.tests(files).forEach(t -> t.path("alert_rule_test")
                .forEach(c -> tested.add(c.get("alertname").asText())));
        Set<String> alerts = new TreeSet<>();
        Generated.rules(files).forEach(r -> alerts.add(r.get("alert").asText()));
        alerts.removeAll(tested);
        assertEquals(Set.of(), alerts);
    }

    private static void check(List<String> problems, boolean ok, String what, String problem) {
        if (!ok) {
            problems.add(what + ": " + problem);
        }
    }
}
