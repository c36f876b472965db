package dev.kafkasteward.exporter;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The analyzer packages stay pure: no Kafka clients, no system clock. I/O lives in collect/ and sub-packages. */
class PurityTest {

    private static final Path MAIN = Path.of("src/main/java/dev/kafkasteward/exporter");
    private static final List<String> FORBIDDEN = List.of("org.apache.kafka.clients", "System.currentTimeMillis",
            "System.nanoTime", "Instant.now(", "Clock.system", "System.out", "System.err");

    @Test
    void deadLetterAndFunnelLogicIsPure() throws IOException {
        for (String pkg : List.of("deadletter", "funnel")) {
            try (Stream<Path> files = Files.list(MAIN.resolve(pkg))) {
                for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                    String src = Files.readString(f);
                    for (String bad : FORBIDDEN) {
                        assertEquals(-1, src.indexOf(bad), f + " uses " + bad);
                    }
                }
            }
        }
    }
}
