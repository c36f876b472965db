package dev.kafkasteward.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kafkasteward.rules.RulesGenerator;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The build step as a user runs it: any ownership file into any folder; mistakes exit 2 and write nothing. */
class BuildCommandTest {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return BuildCommand.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    }

    @Test
    void generatesRulesTestsRoutingAndRunbooks() {
        Path target = dir.resolve("out");
        assertEquals(0, run("generate", "--ownership", "../examples/ownership.yml", "--out", target.toString(),
                "--time-scale", "0.5"), err.toString());
        assertTrue(Files.isRegularFile(target.resolve("rules/consumer-lag-age.rules.yml")));
        assertTrue(Files.isRegularFile(target.resolve("rules/consumer-lag-age.rules.test.yml")));
        assertTrue(Files.isRegularFile(target.resolve(RulesGenerator.ALERTMANAGER_FILE)));
        assertTrue(Files.isRegularFile(target.resolve("runbooks/kafkabrokerdown.md")));
        assertTrue(out.toString().startsWith("wrote "), out.toString());
    }

    @Test
    void invalidOwnershipPrintsTheLoadersDiagnosticsExitsTwoAndWritesNothing() throws IOException {
        Path ownership = dir.resolve("bad.yml");
        Files.writeString(ownership, """
                cluster: c
                teams:
                  a:
                    receivers:
                      - type: webhook
                        url: http://x/
                consumer_groups:
                  - name: g
                    owner: nobody
                """);
        Path target = dir.resolve("out");
        assertEquals(BuildCommand.USAGE_ERROR, run("generate", "--ownership", ownership.toString(), "--out",
                target.toString()));
        assertTrue(err.toString().contains("bad.yml:"), err.toString());
        assertTrue(err.toString().contains("nobody"), err.toString());
        assertFalse(Files.exists(target) && nonEmpty(target), "nothing may be written");
    }

    @Test
    void missingOptionIsAUsageError() {
        assertEquals(BuildCommand.USAGE_ERROR, run("generate", "--out", dir.toString()));
        assertTrue(err.toString().contains("--ownership"), err.toString());
    }

    @Test
    void filesAreReadableByOtherUsersOrTheConfiguredModeAndAnOldTeamsFilesGo() throws IOException {
        Path target = dir.resolve("out");
        Path dashboard = target.resolve("grafana/dashboards/kafka-steward-team-checkout.json");
        Files.createDirectories(dashboard.getParent());
        Files.writeString(dashboard, "{}");
        Files.setPosixFilePermissions(dashboard, PosixFilePermissions.fromString("rw-------"));
        assertEquals(0, run("generate", "--ownership", "../examples/ownership.yml", "--out", target.toString()),
                err.toString());
        assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(dashboard)),
                "0644 by default, also over an existing 0600 file");

        // The same platform with checkout's assets handed to payments: checkout has no dashboard any more.
        Path handedOver = dir.resolve("checkout-handed-over.yml");
        Files.writeString(handedOver, Files.readString(Path.of("../examples/ownership.yml"))
                .replace("owner: checkout", "owner: payments"));
        assertEquals(0, run("generate", "--ownership", handedOver.toString(), "--out", target.toString(),
                "--file-mode", "0640"), err.toString());
        assertFalse(Files.exists(dashboard), "a team that no longer exists leaves no dashboard behind");
        Path wall = target.resolve("grafana/dashboards/kafka-steward-wall.json");
        assertEquals("rw-r-----", PosixFilePermissions.toString(Files.getPosixFilePermissions(wall)));
    }

    @Test
    void anInvalidFileModeIsAUsageError() {
        assertEquals(BuildCommand.USAGE_ERROR, run("generate", "--ownership", "../examples/ownership.yml", "--out",
                dir.resolve("out").toString(), "--file-mode", "rw-r--r--"));
        assertTrue(err.toString().contains("invalid --file-mode 'rw-r--r--'"), err.toString());
        assertFalse(Files.exists(dir.resolve("out")), "nothing written");
    }

    private static boolean nonEmpty(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.findAny().isPresent();
        }
    }
}
