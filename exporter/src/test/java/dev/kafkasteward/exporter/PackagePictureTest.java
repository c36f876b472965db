package dev.kafkasteward.exporter;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** docs/architecture.md draws every import between the exporter's packages, and nothing else. */
class PackagePictureTest {

    private static final Pattern EDGE = Pattern.compile("^\\s*([a-z][\\w.]*) --> ([a-z][\\w.]*)\\s*$",
            Pattern.MULTILINE);

    @Test
    void theArchitecturePageDrawsTheImportsTheSourceHas() throws Exception {
        String page = Files.readString(Path.of("../docs/architecture.md"));
        String graph = page.substring(page.indexOf("<!-- package-graph:begin"), page.indexOf("<!-- package-graph:end"));
        Set<String> drawn = new TreeSet<>();
        Matcher m = EDGE.matcher(graph);
        while (m.find()) {
            drawn.add(m.group(1) + " --> " + m.group(2));
        }
        Set<String> real = new TreeSet<>();
        PackageImports.read().forEach((pkg, imported) -> imported.forEach(i -> real.add(pkg + " --> " + i)));
        assertEquals(String.join("\n", real), String.join("\n", drawn),
                "the package graph of docs/architecture.md (replace its arrows with the expected ones)");
    }
}
