package dev.kafkasteward.exporter;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The exporter's structure: the observation model and the analyzers stay pure (no Kafka clients, no system
 * clock, no console), I/O lives in {@code collect} and sub-packages such as {@code funnel.kafka}; {@code
 * collect} and the analyzers meet only in {@code observation}; and no two packages import each other, however
 * indirectly.
 */
class PurityTest {

    private static final Path MAIN = PackageImports.MAIN;
    private static final List<String> FORBIDDEN = List.of("org.apache.kafka.clients", "System.currentTimeMillis",
            "System.nanoTime", "Instant.now(", "LocalDateTime.now(", "Clock.system", "System.out", "System.err");
    private static final List<String> ANALYZERS = List.of("lag", "share", "disk", "replication", "change",
            "deadletter", "funnel", "compat");

    @Test
    void theObservationModelAndTheAnalyzersUseNoKafkaClientNorClock() throws IOException {
        List<String> found = new ArrayList<>();
        for (String pkg : concat("observation", ANALYZERS)) {
            for (Path f : sources(pkg)) {
                String src = Files.readString(f);
                FORBIDDEN.stream().filter(src::contains).forEach(bad -> found.add(f + " uses " + bad));
                if (pkg.equals("observation") && src.contains("import org.apache.kafka")) {
                    found.add(f + " imports Kafka: the observation model is plain records");
                }
            }
        }
        assertEquals(List.of(), found);
    }

    @Test
    void collectAndTheAnalyzersMeetOnlyInTheObservationModel() throws IOException {
        Map<String, Set<String>> imports = PackageImports.read();
        List<String> found = new ArrayList<>();
        imports.getOrDefault("collect", Set.of()).stream().filter(ANALYZERS::contains)
                .forEach(p -> found.add("collect imports " + p));
        for (String analyzer : ANALYZERS) {
            if (imports.getOrDefault(analyzer, Set.of()).contains("collect")) {
                found.add(analyzer + " imports collect");
            }
        }
        imports.getOrDefault("observation", Set.of()).forEach(p -> found.add("observation imports " + p));
        assertEquals(List.of(), found);
    }

    @Test
    void noPackageImportLoop() throws IOException {
        Map<String, Set<String>> imports = PackageImports.read();
        List<String> loops = new ArrayList<>();
        for (String start : imports.keySet()) {
            List<String> path = loopFrom(start, start, imports, new ArrayList<>(List.of(start)), new TreeSet<>());
            if (path != null) {
                loops.add(String.join(" -> ", path));
            }
        }
        assertEquals(List.of(), loops, "package import loops");
    }

    /** A path of imports from {@code at} back to {@code start}, or null. */
    private static List<String> loopFrom(String start, String at, Map<String, Set<String>> imports, List<String> path,
                                         Set<String> visited) {
        for (String next : imports.getOrDefault(at, Set.of())) {
            if (next.equals(start)) {
                List<String> loop = new ArrayList<>(path);
                loop.add(start);
                return loop;
            }
            if (visited.add(next)) {
                path.add(next);
                List<String> found = loopFrom(start, next, imports, path, visited);
                if (found != null) {
                    return found;
                }
                path.remove(path.size() - 1);
            }
        }
        return null;
    }

    private static List<Path> sources(String pkg) throws IOException {
        try (Stream<Path> files = Files.list(MAIN.resolve(pkg))) {
            return files.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        }
    }

    private static List<String> concat(String first, List<String> rest) {
        List<String> all = new ArrayList<>(List.of(first));
        all.addAll(rest);
        return all;
    }
}
