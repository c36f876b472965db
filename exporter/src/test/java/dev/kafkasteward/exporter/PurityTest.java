package dev.kafkasteward.exporter;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The exporter's structure: the observation model and the analyzers stay pure (no Kafka clients, no system
 * clock, no console), I/O lives in {@code collect} and sub-packages such as {@code funnel.kafka}; {@code
 * collect} and the analyzers meet only in {@code observation}; and no two packages import each other, however
 * indirectly.
 */
class PurityTest {

    private static final Path MAIN = Path.of("src/main/java/dev/kafkasteward/exporter");
    private static final String ROOT = "dev.kafkasteward.exporter";
    private static final List<String> FORBIDDEN = List.of("org.apache.kafka.clients", "System.currentTimeMillis",
            "System.nanoTime", "Instant.now(", "LocalDateTime.now(", "Clock.system", "System.out", "System.err");
    private static final List<String> ANALYZERS = List.of("lag", "share", "disk", "replication", "change",
            "deadletter", "funnel", "compat");
    private static final Pattern IMPORT = Pattern.compile("^import (?:static )?" + Pattern.quote(ROOT)
            + "\\.((?:[a-z]\\w*\\.)*[a-z]\\w*)\\.[A-Z]", Pattern.MULTILINE);

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
        Map<String, Set<String>> imports = importsByPackage();
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
        Map<String, Set<String>> imports = importsByPackage();
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

    /** Each package under {@code exporter} (sub-packages by their dotted name; the root as "") and what it imports. */
    private static Map<String, Set<String>> importsByPackage() throws IOException {
        Map<String, Set<String>> imports = new TreeMap<>();
        try (Stream<Path> files = Files.walk(MAIN)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Path dir = MAIN.relativize(f.getParent());
                String pkg = dir.toString().replace(java.io.File.separatorChar, '.');
                Set<String> mine = imports.computeIfAbsent(pkg, k -> new TreeSet<>());
                Matcher m = IMPORT.matcher(Files.readString(f));
                while (m.find()) {
                    if (!m.group(1).equals(pkg)) {
                        mine.add(m.group(1));
                    }
                }
            }
        }
        return imports;
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
