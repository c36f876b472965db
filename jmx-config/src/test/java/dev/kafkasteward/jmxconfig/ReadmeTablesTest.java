package dev.kafkasteward.jmxconfig;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.kafkasteward.contract.catalog.MetricCatalog;
import dev.kafkasteward.contract.catalog.MetricDef;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * jmx-config/README.md's per-file metric tables are rendered from the configs' rules and the catalog, so
 * they cannot drift: metric as scraped, type, labels, the MBean and attribute it comes from, and the catalog
 * source when rules and dashboards rely on it. On failure the expected text is written to
 * {@code target/readme-tables.md}.
 */
class ReadmeTablesTest {

    static final String BEGIN =
            "<!-- jmx-tables:begin (generated from the configs and the catalog; see ReadmeTablesTest) -->";
    static final String END = "<!-- jmx-tables:end -->";

    private static final Pattern BEAN = Pattern.compile("([^<]+)<([^>]*)><([^>]*)>(.*)");

    @Test
    void readmeTablesAreTheConfigs() throws Exception {
        String expected = render();
        Path readme = Path.of("README.md");
        String text = Files.readString(readme, StandardCharsets.UTF_8);
        int begin = text.indexOf(BEGIN);
        int end = text.indexOf(END);
        String actual = begin < 0 || end < 0 ? "(markers missing)" : text.substring(begin, end + END.length()) + "\n";
        if (!expected.equals(actual)) {
            Files.createDirectories(Path.of("target"));
            Files.writeString(Path.of("target/readme-tables.md"), expected, StandardCharsets.UTF_8);
        }
        assertEquals(expected, actual, "jmx-config/README.md's metric tables are out of date; the expected text is "
                + "in jmx-config/target/readme-tables.md");
    }

    static String render() {
        StringBuilder sb = new StringBuilder(BEGIN).append('\n');
        for (JmxConfigs config : JmxConfigs.values()) {
            sb.append("\n#### `").append(config.fileName()).append("`");
            config.base().ifPresent(b -> sb.append(" (everything in `").append(b.fileName()).append("`, plus)"));
            sb.append("\n\n| Metric (as scraped) | Type | Labels | MBean / attribute | Catalog source |\n");
            sb.append("|---|---|---|---|---|\n");
            List<Map<String, Object>> rules = ConfigRules.rules(config);
            int from = config.base().map(b -> ConfigRules.rules(b).size()).orElse(0);
            List<String> seen = new ArrayList<>();
            for (Map<String, Object> rule : rules.subList(from, rules.size())) {
                String name = ConfigRules.exposedName(rule);
                if (seen.contains(name)) {
                    continue; // several rules (e.g. one per percentile) feed one metric: one row, first MBean
                }
                seen.add(name);
                Optional<MetricDef> catalogued = MetricCatalog.byName(name);
                Object labels = rule.get("labels");
                String labelText = labels instanceof Map<?, ?> m ? String.join(", ",
                        m.keySet().stream().map(k -> "`" + k + "`").toList()) : "–";
                sb.append("| `").append(name).append("` | ")
                        .append(String.valueOf(rule.get("type")).toLowerCase(java.util.Locale.ROOT)).append(" | ")
                        .append(labelText).append(" | ")
                        .append(mbean((String) rule.get("pattern"))).append(" | ")
                        .append(catalogued.map(m -> m.source().toString()).orElse("–")).append(" |\n");
            }
        }
        return sb.append(END).append('\n').toString();
    }

    /** {@code domain<k=v, k2=v2><>attr} as {@code domain:k=v,k2=v2} / {@code attr}, table-safe. */
    private static String mbean(String pattern) {
        Matcher m = BEAN.matcher(pattern);
        String text = m.matches()
                ? "`" + m.group(1) + ":" + m.group(2).replace(", ", ",") + "` / `" + m.group(4).replaceAll(":$", "")
                        + "`"
                : "`" + pattern + "`";
        return text.replace("|", "\\|");
    }
}
