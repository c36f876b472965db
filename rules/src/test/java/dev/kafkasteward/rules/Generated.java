package dev.kafkasteward.rules;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.kafkasteward.contract.output.GeneratedFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** Reads generated files back as YAML trees, so tests assert on structure rather than text layout. */
final class Generated {

    // Large generated files exceed snakeyaml's default 3 MB read limit.
    private static final ObjectMapper YAML = new ObjectMapper(YAMLFactory.builder()
            .loaderOptions(limits()).build());

    private static org.yaml.snakeyaml.LoaderOptions limits() {
        org.yaml.snakeyaml.LoaderOptions options = new org.yaml.snakeyaml.LoaderOptions();
        options.setCodePointLimit(256 * 1024 * 1024);
        return options;
    }

    private Generated() {
    }

    static JsonNode tree(GeneratedFiles files, String path) {
        String text = files.files().get(path);
        if (text == null) {
            throw new AssertionError("not generated: " + path + " (have " + files.files().keySet() + ")");
        }
        try {
            return YAML.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException("generated " + path + " is not YAML", e);
        }
    }

    /** Every alerting rule of the rules file, across groups, in file order. */
    static List<JsonNode> rules(GeneratedFiles files) {
        return allRules(files).stream().filter(r -> r.has("alert")).toList();
    }

    /** Every rule, alerting and recording, across groups, in file order. */
    static List<JsonNode> allRules(GeneratedFiles files) {
        List<JsonNode> rules = new ArrayList<>();
        groups(files).forEach(g -> g.get("rules").forEach(rules::add));
        return rules;
    }

    /** Every rule group of every rule file, in path order. */
    static List<JsonNode> groups(GeneratedFiles files) {
        List<JsonNode> groups = new ArrayList<>();
        ruleFiles(files).forEach(p -> tree(files, p).get("groups").forEach(groups::add));
        return groups;
    }

    /** Every promtool test of every test file. */
    static List<JsonNode> tests(GeneratedFiles files) {
        List<JsonNode> tests = new ArrayList<>();
        testFiles(files).forEach(p -> tree(files, p).get("tests").forEach(tests::add));
        return tests;
    }

    static List<String> ruleFiles(GeneratedFiles files) {
        return files.files().keySet().stream().filter(p -> p.endsWith(RulesGenerator.RULES_SUFFIX)).toList();
    }

    static List<String> testFiles(GeneratedFiles files) {
        return files.files().keySet().stream().filter(p -> p.endsWith(RulesGenerator.RULE_TESTS_SUFFIX)).toList();
    }
}
