package dev.kafkasteward.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.kafkasteward.contract.output.GeneratedFiles;
import dev.kafkasteward.contract.ownership.Ownership;
import dev.kafkasteward.contract.ownership.OwnershipException;
import dev.kafkasteward.contract.ownership.OwnershipLoader;
import dev.kafkasteward.grafana.DashboardGenerator;
import dev.kafkasteward.rules.RulesGenerator;
import dev.kafkasteward.rules.RulesOptions;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue #16, acceptance 4: each team's dashboard lists exactly the alerts that can route to that team. What
 * "can route" means is read from the generated rule files, as Alertmanager reads their labels: the alert's
 * {@code team}, or a name in its {@code also_notify}. The dashboard's list is its runbook links; its
 * alert-view panels must be a subset (alerts compared with a threshold get one).
 */
class TeamAlertListsTest {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final ObjectMapper JSON = new ObjectMapper();

    static Stream<Arguments> ownerships() {
        return Stream.of(Arguments.of(Path.of("..", "examples", "ownership.yml")),
                Arguments.of(Path.of("..", "rules", "src", "test", "resources", "routing.yml")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ownerships")
    void everyTeamDashboardListsExactlyTheAlertsThatCanRouteToTheTeam(Path file) throws IOException,
            OwnershipException {
        Ownership ownership = new OwnershipLoader().load(file);
        GeneratedFiles files = BuildCommand.build(ownership, RulesOptions.defaults());
        Map<String, SortedSet<String>> routed = routedByTeam(files);
        List<String> wrong = new ArrayList<>();
        for (String team : ownership.teamNames()) {
            SortedSet<String> expected = routed.getOrDefault(team, new TreeSet<>());
            String path = DashboardGenerator.teamPath(team);
            if (!files.files().containsKey(path)) {
                if (!expected.isEmpty()) {
                    wrong.add(team + ": no dashboard, but alerts route to it: " + expected);
                }
                continue;
            }
            JsonNode dashboard = JSON.readTree(files.files().get(path));
            SortedSet<String> listed = new TreeSet<>();
            dashboard.path("links").forEach(l -> {
                String title = l.path("title").asText();
                if (title.startsWith("Runbook: ")) {
                    listed.add(title.substring("Runbook: ".length()));
                }
            });
            if (!listed.equals(expected)) {
                wrong.add(team + ": dashboard lists " + listed + ", alerts that route to it " + expected);
            }
            SortedSet<String> panels = new TreeSet<>();
            dashboard.path("panels").forEach(p -> {
                if (p.path("description").asText().startsWith("What alert ")) {
                    panels.add(p.path("title").asText());
                }
            });
            if (!expected.containsAll(panels)) {
                wrong.add(team + ": alert panels for alerts that do not route to it: " + panels);
            }
        }
        assertFalse(routed.isEmpty());
        assertEquals(List.of(), wrong);
    }

    /** Team to the alert names whose rules carry it as {@code team} or in {@code also_notify}. */
    private static Map<String, SortedSet<String>> routedByTeam(GeneratedFiles files) throws IOException {
        Map<String, SortedSet<String>> routed = new TreeMap<>();
        for (Map.Entry<String, String> file : files.files().entrySet()) {
            if (!file.getKey().startsWith(RulesGenerator.RULES_DIR + "/")
                    || !file.getKey().endsWith(RulesGenerator.RULES_SUFFIX)) {
                continue;
            }
            for (JsonNode group : YAML.readTree(file.getValue()).path("groups")) {
                for (JsonNode rule : group.path("rules")) {
                    if (!rule.has("alert")) {
                        continue;
                    }
                    String alert = rule.path("alert").asText();
                    JsonNode labels = rule.path("labels");
                    routed.computeIfAbsent(labels.path("team").asText(), t -> new TreeSet<>()).add(alert);
                    if (labels.has("also_notify")) {
                        for (String team : labels.path("also_notify").asText().split(",")) {
                            routed.computeIfAbsent(team, t -> new TreeSet<>()).add(alert);
                        }
                    }
                }
            }
        }
        return routed;
    }
}
