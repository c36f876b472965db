package dev.kafkasteward.jmxconfig;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kafkasteward.contract.catalog.MetricCatalog;
import dev.kafkasteward.contract.catalog.MetricDef;
import dev.kafkasteward.contract.catalog.Source;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.yaml.snakeyaml.Yaml;

/**
 * Static checks on the bundled configs. Agent 1.0.1 accepts unknown keys and unknown rule types silently,
 * so the schema is checked here; the names are proven against a real broker by {@link BrokerJmxConfigIT}.
 */
class JmxConfigsTest {

    private static final Set<String> TOP_LEVEL_KEYS = Set.of("lowercaseOutputName", "lowercaseOutputLabelNames",
            "includeObjectNames", "rules");
    private static final Set<String> RULE_KEYS = Set.of("pattern", "name", "type", "help", "labels", "valueFactor",
            "value");
    private static final Set<String> TYPES = Set.of("GAUGE", "COUNTER");
    /** Labels that multiply series per partition, client or node; only the detailed variants may use some. */
    private static final Map<JmxConfigs, Set<String>> FORBIDDEN_LABELS = Map.of(
            JmxConfigs.BROKER, Set.of("partition", "clientid", "client_id", "node_id"),
            JmxConfigs.CONTROLLER, Set.of("partition", "clientid", "client_id", "node_id"),
            JmxConfigs.CONNECT, Set.of("partition", "clientid", "client_id", "node_id", "topic"),
            JmxConfigs.CLIENT, Set.of("partition", "topic", "node_id", "clientid"),
            JmxConfigs.BROKER_DETAILED, Set.of("clientid", "client_id"),
            JmxConfigs.CLIENT_DETAILED, Set.of("clientid"));

    @ParameterizedTest
    @EnumSource(JmxConfigs.class)
    void configFollowsOurConventions(JmxConfigs config) {
        Map<String, Object> yaml = new Yaml().load(config.content());
        assertTrue(TOP_LEVEL_KEYS.containsAll(yaml.keySet()), "unknown top-level keys in " + config.fileName()
                + ": " + yaml.keySet() + " (known: " + TOP_LEVEL_KEYS + ")");
        assertEquals(Boolean.TRUE, yaml.get("lowercaseOutputName"), "lowercaseOutputName");
        assertEquals(Boolean.TRUE, yaml.get("lowercaseOutputLabelNames"), "lowercaseOutputLabelNames");

        List<String> problems = new ArrayList<>();
        for (Map<String, Object> rule : rules(yaml)) {
            String where = config.fileName() + " rule " + rule.get("pattern");
            if (!RULE_KEYS.containsAll(rule.keySet())) {
                problems.add(where + ": unknown keys " + rule.keySet() + " (known: " + RULE_KEYS + ")");
            }
            if (!(rule.get("pattern") instanceof String) || !(rule.get("name") instanceof String name)) {
                problems.add(where + ": needs an explicit pattern and name (no catch-all rules)");
                continue;
            }
            if (!TYPES.contains(rule.get("type"))) {
                problems.add(where + ": type must be one of " + TYPES + ", was " + rule.get("type"));
            }
            if (!name.matches("[a-z][a-z0-9_]*")) {
                problems.add(where + ": name must be lowercase snake_case: " + name);
            }
            if ("COUNTER".equals(rule.get("type")) && name.endsWith("_total")) {
                problems.add(where + ": the agent appends _total to counters; drop it from " + name);
            }
            if (rule.get("labels") instanceof Map<?, ?> labels) {
                labels.keySet().stream().filter(FORBIDDEN_LABELS.get(config)::contains)
                        .forEach(l -> problems.add(where + ": unbounded label " + l));
            }
            if (rule.containsKey("value") && !"GAUGE".equals(rule.get("type"))) {
                problems.add(where + ": a state rule (value: 1) must be a GAUGE");
            }
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    @Test
    void everyJmxSourceInTheCatalogIsABundledConfigWithARuleForIt() {
        List<String> problems = new ArrayList<>();
        for (MetricDef metric : MetricCatalog.all()) {
            if (!(metric.source() instanceof Source.JmxConfig source) || isBuiltIntoTheAgent(metric)) {
                continue;
            }
            Optional<JmxConfigs> config = JmxConfigs.byFileName(source.file());
            if (config.isEmpty()) {
                problems.add(metric.name() + ": no bundled config " + source.file());
                continue;
            }
            boolean hasRule = rules(new Yaml().load(config.get().content())).stream()
                    .anyMatch(rule -> metric.baseName().equals(rule.get("name")));
            if (!hasRule) {
                problems.add(metric.name() + ": no rule named " + metric.baseName() + " in " + source.file());
            }
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    /** The agent's own JVM/process collectors: no rule yields them, every agent serves them. */
    private static boolean isBuiltIntoTheAgent(MetricDef metric) {
        return metric.name().startsWith("jvm_") || metric.name().startsWith("process_");
    }

    @Test
    void builtInJvmMetricsAreCataloguedUnderBrokerYmlOnly() {
        List<String> misplaced = MetricCatalog.all().stream().filter(JmxConfigsTest::isBuiltIntoTheAgent)
                .filter(m -> !m.source().equals(JmxConfigs.BROKER.source())).map(MetricDef::name).toList();
        assertEquals(List.of(), misplaced);
    }

    @ParameterizedTest
    @EnumSource(value = JmxConfigs.class, names = {"BROKER_DETAILED", "CLIENT_DETAILED"})
    void detailedVariantIsItsBaseVerbatimPlusRules(JmxConfigs variant) {
        JmxConfigs base = variant.base().orElseThrow();
        List<Map<String, Object>> variantRules = ConfigRules.rules(variant);
        List<Map<String, Object>> baseRules = ConfigRules.rules(base);
        assertEquals(baseRules, variantRules.subList(0, baseRules.size()),
                variant.fileName() + " must start with every rule of " + base.fileName() + ", unchanged");
        assertTrue(ConfigRules.includeObjectNames(variant).containsAll(ConfigRules.includeObjectNames(base)),
                variant.fileName() + " must include every MBean " + base.fileName() + " includes");
        Set<String> baseNames = ConfigRules.exposedNames(base);
        List<String> clashes = variantRules.subList(baseRules.size(), variantRules.size()).stream()
                .map(ConfigRules::exposedName).filter(baseNames::contains).toList();
        assertEquals(List.of(), clashes, "detailed rules must not reuse a base name with other labels");
        assertEquals(Set.of("lowercaseOutputName", "lowercaseOutputLabelNames", "includeObjectNames", "rules"),
                ((Map<?, ?>) new Yaml().load(variant.content())).keySet());
    }

    @Test
    void brokerYmlCarriesControllerYmlsControllerSectionVerbatim() {
        for (String section : List.of("includeObjectNames", "rules")) {
            assertEquals(section(JmxConfigs.CONTROLLER, section), section(JmxConfigs.BROKER, section),
                    "the controller:" + section + " section of broker.yml drifted from controller.yml");
        }
    }

    private static String section(JmxConfigs config, String name) {
        String text = config.content();
        int begin = text.indexOf("# controller:begin " + name);
        int end = text.indexOf("# controller:end " + name);
        assertTrue(begin >= 0 && end > begin, config.fileName() + " lacks the controller:" + name + " markers");
        return text.substring(begin, end);
    }

    @Test
    void sourceMatchesTheCatalogsSpelling() {
        assertEquals(new Source.JmxConfig("broker.yml"), JmxConfigs.BROKER.source());
        assertEquals("jmx-config/broker.yml", JmxConfigs.BROKER.resourceName());
        assertEquals(Optional.of(JmxConfigs.BROKER), JmxConfigs.byFileName("broker.yml"));
        assertEquals(Optional.empty(), JmxConfigs.byFileName("zookeeper.yml"));
    }

    @Test
    void writeToProducesTheFileTheAgentIsPointedAt(@TempDir Path dir) throws Exception {
        Path file = JmxConfigs.BROKER.writeTo(dir.resolve("nested"));
        assertEquals(dir.resolve("nested/broker.yml").toAbsolutePath(), file);
        assertEquals(JmxConfigs.BROKER.content(), Files.readString(file));
    }

    @Test
    void javaAgentOptionHasTheAgentsArgumentShape() {
        String option = JmxConfigs.javaAgentOption(Path.of("/opt/agent.jar"), "127.0.0.1", 9404,
                Path.of("/etc/kafka/broker.yml"));
        assertEquals("-javaagent:/opt/agent.jar=127.0.0.1:9404:/etc/kafka/broker.yml", option);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () ->
                JmxConfigs.javaAgentOption(Path.of("/a.jar"), "127.0.0.1", 0, Path.of("/b.yml")));
        assertEquals("port out of range: 0", e.getMessage());
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> rules(Map<String, Object> yaml) {
        Object rules = yaml.get("rules");
        assertTrue(rules instanceof List<?> list && !list.isEmpty(), "rules must be a non-empty list");
        List<Map<String, Object>> result = (List<Map<String, Object>>) rules;
        assertFalse(result.isEmpty());
        return result;
    }
}
