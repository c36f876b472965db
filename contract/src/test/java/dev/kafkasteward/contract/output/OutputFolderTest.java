package dev.kafkasteward.contract.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A generated set replaces the previous one as a whole: mode, stale files, and a build killed mid-write. */
class OutputFolderTest {

    private static final GeneratedFiles OLD = GeneratedFiles.of(Map.of(
            "rules/a.rules.yml", "old a\n", "rules/gone.rules.yml", "old gone\n", "team/x/dash.json", "old x\n"));
    private static final GeneratedFiles NEW = GeneratedFiles.of(Map.of(
            "rules/a.rules.yml", "new a\n", "rules/b.rules.yml", "new b\n"));

    @TempDir
    Path dir;

    @Test
    void filesGetTheModeAndWhatTheNewSetLacksIsRemovedButNothingElse() throws IOException {
        OLD.writeTo(dir);
        Files.writeString(dir.resolve("rules/mine.yml"), "a file no build wrote\n");
        Files.setPosixFilePermissions(dir.resolve("rules/a.rules.yml"), PosixFilePermissions.fromString("rw-------"));

        NEW.writeTo(dir);

        assertEquals(Map.of("rules/a.rules.yml", "new a\n", "rules/b.rules.yml", "new b\n",
                "rules/mine.yml", "a file no build wrote\n"), contents(dir));
        assertFalse(Files.exists(dir.resolve("team")), "a folder the old set leaves empty goes too");
        for (String path : NEW.files().keySet()) {
            assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve(path))),
                    path);
        }
    }

    @Test
    void aBuildKilledMidWriteLeavesThePreviousSetAndTheNextBuildCleansUp() throws Exception {
        OLD.writeTo(dir);
        Map<String, String> before = contents(dir);

        // A real process writing the new set, killed (SIGKILL) once all of it is staged and before any rename.
        Process child = new ProcessBuilder(javaBin(), "-cp", System.getProperty("java.class.path"),
                StagedAndHanging.class.getName(), dir.toString()).redirectErrorStream(true).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null && !line.equals(StagedAndHanging.STAGED)) {
                System.out.println("child: " + line);
            }
            assertEquals(StagedAndHanging.STAGED, line, "the child staged the new set");
        }
        child.destroyForcibly();
        assertTrue(child.waitFor(60, TimeUnit.SECONDS));

        assertEquals(before, contents(dir), "the previous set, whole and untouched");
        try (Stream<Path> leftovers = Files.list(dir)) {
            assertEquals(1, leftovers.filter(p -> p.getFileName().toString().startsWith(".kafka-steward-staging-"))
                    .count(), "the killed build's staging folder is left");
        }

        NEW.writeTo(dir);
        assertEquals(Map.of("rules/a.rules.yml", "new a\n", "rules/b.rules.yml", "new b\n"), contents(dir));
        try (Stream<Path> all = Files.list(dir)) {
            assertEquals(List.of(".kafka-steward-files", "rules"), all.map(p -> p.getFileName().toString()).sorted()
                    .toList(), "the leftover staging folder is gone");
        }
    }

    /** Writes {@link #NEW} into the folder given, announces when it is staged, and hangs there. */
    static final class StagedAndHanging {
        static final String STAGED = "staged";

        public static void main(String[] args) {
            new OutputFolder(Path.of(args[0]), OutputFolder.DEFAULT_MODE).replaceWith(NEW, () -> {
                System.out.println(STAGED);
                System.out.flush();
                try {
                    Thread.sleep(TimeUnit.HOURS.toMillis(1));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
        }
    }

    /** Every file under {@code root} but the manifest, by relative path. */
    private static Map<String, String> contents(Path root) throws IOException {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : all.filter(Files::isRegularFile).toList()) {
                String rel = root.relativize(p).toString().replace(File.separatorChar, '/');
                if (!rel.equals(OutputFolder.MANIFEST) && !rel.startsWith(".kafka-steward-staging-")) {
                    out.put(rel, Files.readString(p));
                }
            }
        }
        return out;
    }

    private static String javaBin() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
