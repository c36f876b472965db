package dev.kafkasteward.exporter;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** Which of the exporter's packages imports which, read from the source. */
final class PackageImports {

    static final Path MAIN = Path.of("src/main/java/dev/kafkasteward/exporter");
    private static final Pattern IMPORT = Pattern.compile("^import (?:static )?"
            + Pattern.quote("dev.kafkasteward.exporter") + "\\.((?:[a-z]\\w*\\.)*[a-z]\\w*)\\.[A-Z]", Pattern.MULTILINE);

    private PackageImports() {
    }

    /**
     * Each package under {@code exporter} by its dotted name below it ({@code funnel.kafka}), and the packages it
     * imports; the package root ({@code StewardExporter}) is left out.
     */
    static Map<String, Set<String>> read() throws IOException {
        Map<String, Set<String>> imports = new TreeMap<>();
        try (Stream<Path> files = Files.walk(MAIN)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                if (f.getParent().equals(MAIN)) {
                    continue;
                }
                String pkg = MAIN.relativize(f.getParent()).toString().replace(java.io.File.separatorChar, '.');
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
}
