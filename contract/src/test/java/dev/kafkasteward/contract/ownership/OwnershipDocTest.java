package dev.kafkasteward.contract.ownership;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** docs/ownership.md shows real loader behaviour: its minimal file loads and its error output is genuine. */
class OwnershipDocTest {

    private static final Path DOC = Path.of("..", "docs", "ownership.md");
    private static final Path EXAMPLE = Path.of("..", "examples", "ownership.yml");

    @Test
    void minimalFileLoads() throws IOException {
        String yaml = block(Files.readString(DOC), "## A minimal file", "```yaml\n");
        Ownership model = Loading.load(yaml);
        assertEquals("tier-2", model.consumerGroupOwner("checkout-projector").orElseThrow().tier());
    }

    @Test
    void errorExampleIsWhatTheLoaderPrints() throws IOException {
        List<String> lines = new ArrayList<>(Files.readAllLines(EXAMPLE));
        edit(lines, 63, "    tier: tier-1", "    tier: tier1");
        edit(lines, 76, "    owner: fulfillment", "    owner: fulfilment");
        edit(lines, 79, "    lag_age_critical: 2m", "    lag_age_critical: 2x");
        OwnershipException e = assertThrows(OwnershipException.class,
                () -> new OwnershipLoader().parse("examples/ownership.yml", String.join("\n", lines) + "\n"));
        String shown = block(Files.readString(DOC), "the loader reports:", "```\n");
        assertEquals(shown.strip(), e.getMessage());
    }

    @Test
    void everyKeyTheLoaderAcceptsIsDocumented() throws IOException {
        String doc = Files.readString(DOC);
        List<String> missing = OwnershipReader.ALL_KEYS.stream().flatMap(java.util.Set::stream).distinct()
                .filter(k -> !doc.contains("`" + k + "`")).sorted().toList();
        assertEquals(List.of(), missing, "keys the loader accepts but docs/ownership.md does not mention");
    }

    private static void edit(List<String> lines, int lineNumber, String expected, String replacement) {
        assertEquals(expected, lines.get(lineNumber - 1), "the example changed; update the doc's error example");
        lines.set(lineNumber - 1, replacement);
    }

    /** The body of the first fenced block opening with {@code fence} after {@code heading}. */
    private static String block(String doc, String heading, String fence) {
        int start = doc.indexOf(fence, doc.indexOf(heading)) + fence.length();
        return doc.substring(start, doc.indexOf("```", start));
    }
}
