package dev.kafkasteward.contract.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * Finds an external binary (promtool, amtool, prometheus, alertmanager) for tests that need it.
 * In CI (CI set, to anything but false or 0) a missing tool fails the test; locally the test is skipped with a loud message,
 * because the test command installs them and a silent skip would hide that it did not.
 */
public final class ExternalTool {

    private ExternalTool() {
    }

    /** The first of {@code names} found on PATH. */
    public static Optional<Path> find(String... names) {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String name : names) {
            Optional<Path> found = Stream.of(path.split(java.io.File.pathSeparator))
                    .filter(dir -> !dir.isEmpty())
                    .map(dir -> Path.of(dir, name))
                    .filter(Files::isExecutable)
                    .findFirst();
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    /** The tool, or: fail in CI, skip loudly elsewhere. */
    public static Path require(String... names) {
        Optional<Path> found = find(names);
        if (found.isPresent()) {
            return found.get();
        }
        String message = "external tool not found on PATH: " + String.join(" or ", names)
                + " (the README's test command installs it: apt-get install -y prometheus prometheus-alertmanager)";
        if (inCi(System.getenv("CI"))) {
            throw new AssertionError(message + " — CI is set, so this is a failure, not a skip");
        }
        System.err.println("\n!!! SKIPPED: " + message + "\n");
        Assumptions.abort(message);
        throw new IllegalStateException("unreachable");
    }

    /** CI runners set CI to true, 1 or their own name; only unset, empty, false or 0 means a local run. */
    static boolean inCi(String ci) {
        return ci != null && !ci.isBlank() && !ci.equalsIgnoreCase("false") && !ci.equals("0");
    }
}
