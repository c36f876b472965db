package dev.kafkasteward.contract.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** README's migration table: a row for every compatibility metric, each naming metrics of ours that exist. */
class CompatDocTest {

    private static final String BEGIN = "<!-- compat-table:begin";
    private static final String END = "<!-- compat-table:end -->";
    private static final Pattern NAME = Pattern.compile("`(kafka_[a-z0-9_]+)`");

    private static List<String[]> rows() throws IOException {
        String readme = Files.readString(Path.of("../README.md"));
        int begin = readme.indexOf(BEGIN);
        int end = readme.indexOf(END);
        assertTrue(begin >= 0 && end > begin, "README.md has the compat-table markers");
        List<String[]> rows = new ArrayList<>();
        for (String line : readme.substring(begin, end).split("\n")) {
            if (line.startsWith("| `")) {
                rows.add(line.split("\\|"));
            }
        }
        return rows;
    }

    @Test
    void everyCompatMetricHasARowUnderItsProfile() throws IOException {
        List<String[]> rows = rows();
        List<String> missing = new ArrayList<>();
        for (CompatMetrics.Profile profile : CompatMetrics.PROFILES) {
            for (MetricDef m : profile.metrics()) {
                boolean found = rows.stream().anyMatch(r -> r[1].trim().startsWith("`" + m.name() + "`")
                        && r[2].trim().equals(profile.name()));
                if (!found) {
                    missing.add(profile.name() + ": " + m.name());
                }
            }
        }
        assertEquals(List.of(), missing);
    }

    @Test
    void rowsNamedAsServedAreServedAndOurOwnMetricsExist() throws IOException {
        List<String> problems = new ArrayList<>();
        for (String[] r : rows()) {
            Matcher theirs = NAME.matcher(r[1]);
            assertTrue(theirs.find(), "a row starts with their metric: " + String.join("|", r));
            String profileName = r[2].trim();
            if (!profileName.equals("not served")) {
                boolean served = CompatMetrics.profile(profileName).map(p -> p.metrics().stream()
                        .anyMatch(m -> m.name().equals(theirs.group(1)))).orElse(false);
                if (!served) {
                    problems.add(theirs.group(1) + " is said to be served by profile '" + profileName + "'");
                }
            }
            Matcher ours = NAME.matcher(r[3]);
            while (ours.find()) {
                if (MetricCatalog.byName(ours.group(1)).isEmpty()) {
                    problems.add(ours.group(1) + " is not one of our metrics");
                }
            }
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void profileNamesResolveWhicheverSeparatorIsTyped() {
        assertEquals(CompatMetrics.KAFKA_LAG_EXPORTER, CompatMetrics.profile("kafka_lag_exporter").orElseThrow());
        assertEquals(CompatMetrics.KAFKA_EXPORTER, CompatMetrics.profile(" Kafka-Exporter ").orElseThrow());
        assertTrue(CompatMetrics.profile("burrow").isEmpty());
    }
}
