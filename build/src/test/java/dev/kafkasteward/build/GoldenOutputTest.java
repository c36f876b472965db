package dev.kafkasteward.build;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.kafkasteward.build.operator.OperatorOptions;
import dev.kafkasteward.build.operator.OperatorOutput;
import dev.kafkasteward.contract.output.GeneratedFiles;
import dev.kafkasteward.contract.ownership.OwnershipException;
import dev.kafkasteward.contract.ownership.OwnershipLoader;
import dev.kafkasteward.contract.testing.TestFiles;
import dev.kafkasteward.rules.RulesGenerator;
import dev.kafkasteward.rules.RulesOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The committed output for {@code examples/ownership.yml} is exactly what the build generates, so
 * every change to an alert shows up as a reviewable diff: rules, tests and Alertmanager config under
 * {@code examples/generated/} (with the Prometheus Operator objects under {@code operator/}), runbooks under
 * {@code docs/runbooks/} (where {@code runbook_url} points).
 */
class GoldenOutputTest {

    static final Path GENERATED = Path.of("..", "examples", "generated");
    static final Path RUNBOOKS = Path.of("..", "docs", "runbooks");
    static final String UPDATE_PROPERTY = "kafkasteward.updateGolden";
    static final String HOW_TO_REGENERATE = "Regenerate with: mvn -o -B -pl build -am verify -Dtest=GoldenOutputTest"
            + " -Dsurefire.failIfNoSpecifiedTests=false -D" + UPDATE_PROPERTY + "=true";

    @Test
    void committedOutputForTheExampleIsUpToDate() throws IOException, OwnershipException {
        Path example = Path.of("..", "examples", "ownership.yml");
        GeneratedFiles plain = BuildCommand.build(new OwnershipLoader().load(example), RulesOptions.defaults());
        // The Prometheus Operator output too, as `generate --format operator` writes it with its defaults.
        GeneratedFiles files = plain.plus(OperatorOutput.of(plain, Files.readString(example),
                OperatorOptions.defaults(RulesOptions.DEFAULT_EXPORTER_JOB)));
        SortedMap<String, String> expected = new TreeMap<>();
        files.files().forEach((path, text) -> expected.put(committedPath(path), text));
        if (Boolean.getBoolean(UPDATE_PROPERTY)) {
            TestFiles.deleteTree(GENERATED);
            TestFiles.deleteTree(RUNBOOKS);
            expected.forEach((path, text) -> write(Path.of("..").resolve(path), text));
        }
        SortedMap<String, String> committed = new TreeMap<>();
        read(GENERATED, committed);
        read(RUNBOOKS, committed);
        java.util.SortedSet<String> missing = new java.util.TreeSet<>(expected.keySet());
        missing.removeAll(committed.keySet());
        java.util.SortedSet<String> stale = new java.util.TreeSet<>(committed.keySet());
        stale.removeAll(expected.keySet());
        assertEquals("", (missing.isEmpty() ? "" : "not committed: " + missing + " ")
                + (stale.isEmpty() ? "" : "no longer generated: " + stale), HOW_TO_REGENERATE);
        for (Map.Entry<String, String> e : expected.entrySet()) {
            assertEquals(e.getValue(), committed.get(e.getKey()), e.getKey() + " is out of date. " + HOW_TO_REGENERATE);
        }
    }

    /** Where a generated path is committed, relative to the repository root. */
    static String committedPath(String generated) {
        String runbooks = RulesGenerator.RUNBOOKS_DIR + "/";
        return generated.startsWith(runbooks) ? "docs/runbooks/" + generated.substring(runbooks.length())
                : "examples/generated/" + generated;
    }

    private static void read(Path dir, Map<String, String> into) {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.filter(Files::isRegularFile).toList()) {
                into.put(Path.of("..").relativize(p).toString().replace('\\', '/'), Files.readString(p));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Path path, String text) {
        try {
            Files.createDirectories(path.getParent());
            Files.writeString(path, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
