package dev.kafkasteward.jmxconfig;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.yaml.snakeyaml.Yaml;

/** The rules of one bundled config as the tests need them: exposed name to rule (pattern, type, labels). */
final class ConfigRules {

    private ConfigRules() {
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> rules(JmxConfigs config) {
        Map<String, Object> yaml = new Yaml().load(config.content());
        return (List<Map<String, Object>>) yaml.get("rules");
    }

    @SuppressWarnings("unchecked")
    static List<String> includeObjectNames(JmxConfigs config) {
        Map<String, Object> yaml = new Yaml().load(config.content());
        return (List<String>) yaml.get("includeObjectNames");
    }

    /** The name a rule's series carry on a scrape: the agent appends {@code _total} to counters. */
    static String exposedName(Map<String, Object> rule) {
        String name = (String) rule.get("name");
        return "COUNTER".equals(rule.get("type")) ? name + "_total" : name;
    }

    /** Exposed name to the first rule that yields it, in file order. */
    static Map<String, Map<String, Object>> byExposedName(JmxConfigs config) {
        Map<String, Map<String, Object>> result = new LinkedHashMap<>();
        for (Map<String, Object> rule : rules(config)) {
            result.putIfAbsent(exposedName(rule), rule);
        }
        return result;
    }

    static Set<String> exposedNames(JmxConfigs config) {
        return new TreeSet<>(byExposedName(config).keySet());
    }
}
