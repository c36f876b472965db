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

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

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
        tree(files, RulesGenerator.RULES_FILE).get("groups").forEach(g -> g.get("rules").forEach(rules::add));
        return rules;
    }
}
