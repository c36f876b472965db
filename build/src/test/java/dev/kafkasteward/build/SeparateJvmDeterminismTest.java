package dev.kafkasteward.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kafkasteward.contract.output.GeneratedFiles;
import dev.kafkasteward.contract.ownership.OwnershipLoader;
import dev.kafkasteward.rules.RulesOptions;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Same input, same bytes, also between processes: {@code Set.of} and {@code Map.of} iterate in an
 * order salted per JVM, and hash orders may differ with the heap, so a generator that leaked such an
 * order would agree with itself within one JVM (what the modules' DeterminismTests check) and still
 * produce a different file on the next run. Two child JVMs generate from the same file; every file
 * must be byte-identical between them and to this JVM's output.
 */
class SeparateJvmDeterminismTest {

    @ParameterizedTest
    @ValueSource(strings = {"../examples/ownership.yml", "../rules/src/test/resources/patterns.yml",
            "../rules/src/test/resources/routing.yml"})
    void twoProcessesGenerateTheSameBytes(String ownership, @TempDir Path dir) throws Exception {
        SortedMap<String, byte[]> first = generateInChildJvm(Path.of(ownership), dir.resolve("first"));
        SortedMap<String, byte[]> second = generateInChildJvm(Path.of(ownership), dir.resolve("second"));
        assertEquals(first.keySet(), second.keySet(), "the same files");
        assertTrue(first.size() > 5, "generated " + first.keySet());
        GeneratedFiles here = BuildCommand.build(new OwnershipLoader().load(Path.of(ownership)), RulesOptions.defaults());
        for (Map.Entry<String, byte[]> file : first.entrySet()) {
            assertEquals(new String(file.getValue(), StandardCharsets.UTF_8),
                    new String(second.get(file.getKey()), StandardCharsets.UTF_8), file.getKey() + " differs between runs");
            String inProcess = here.files().get(file.getKey());
            if (inProcess != null) { // the manifest is the output folder's, not a generated file
                assertEquals(inProcess, new String(file.getValue(), StandardCharsets.UTF_8), file.getKey());
            }
        }
        assertTrue(first.keySet().containsAll(here.files().keySet()), "every generated file written");
    }

    private static SortedMap<String, byte[]> generateInChildJvm(Path ownership, Path out) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), BuildCommand.class.getName(), "generate",
                "--ownership", ownership.toString(), "--out", out.toString()));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the build did not end: " + output);
        assertEquals(0, p.exitValue(), output);
        SortedMap<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> paths = Files.walk(out)) {
            for (Path f : paths.filter(Files::isRegularFile).toList()) {
                files.put(out.relativize(f).toString().replace('\\', '/'), Files.readAllBytes(f));
            }
        }
        return files;
    }
}
