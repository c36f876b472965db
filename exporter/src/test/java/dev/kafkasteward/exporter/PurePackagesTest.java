package dev.kafkasteward.exporter;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The analyzers stay pure: no Kafka clients, no system clock. A grep, so it also catches fully qualified uses. */
class PurePackagesTest {

    private static final List<String> PURE = List.of("replication", "disk");
    private static final Pattern FORBIDDEN = Pattern.compile(
            "org\\.apache\\.kafka\\.clients|System\\.currentTimeMillis|System\\.nanoTime|Instant\\.now\\(|"
                    + "Clock\\.system|LocalDateTime\\.now\\(");

    @Test
    void pureAnalyzersTouchNeitherKafkaNorTheSystemClock() throws IOException {
        List<String> violations = new ArrayList<>();
        for (String pkg : PURE) {
            Path dir = Path.of("src/main/java/dev/kafkasteward/exporter", pkg);
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                    List<String> lines = Files.readAllLines(f);
                    for (int i = 0; i < lines.size(); i++) {
                        if (FORBIDDEN.matcher(lines.get(i)).find()) {
                            violations.add(f + ":" + (i + 1) + ": " + lines.get(i).trim());
                        }
                    }
                }
            }
        }
        assertEquals(List.of(), violations);
    }
}
