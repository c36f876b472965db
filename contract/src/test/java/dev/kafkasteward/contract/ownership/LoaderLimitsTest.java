package dev.kafkasteward.contract.ownership;

import static dev.kafkasteward.contract.ownership.Loading.assertDiagnostic;
import static dev.kafkasteward.contract.ownership.Loading.only;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hostile or degenerate input ends in an {@link OwnershipException} with a diagnostic, never anything else. */
class LoaderLimitsTest {

    private static final String EMPTY =
            "file is empty: expected a mapping with at least 'cluster', 'teams', 'tiers' and 'platform'";

    @Test
    void emptyFile() {
        assertDiagnostic(1, 1, EMPTY, only(""));
    }

    @Test
    void onlyComments() {
        assertDiagnostic(1, 1, EMPTY, only("# nothing yet\n\n"));
    }

    @Test
    void onlyAScalar() {
        assertDiagnostic(1, 1, "the ownership file must be a mapping, got 'orders-prod'", only("orders-prod\n"));
    }

    @Test
    void onlyAList() {
        assertDiagnostic(1, 1, "the ownership file must be a mapping, got a list", only("- cluster: c\n"));
    }

    @Test
    void textOverTheSizeLimit() {
        String text = "#".repeat(OwnershipLoader.MAX_BYTES) + "\n";
        assertDiagnostic(1, 1, "input is larger than 4194304 characters", only(text));
    }

    @Test
    void fileOverTheSizeLimit(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("big.yml");
        Files.write(file, new byte[OwnershipLoader.MAX_BYTES + 1]);
        List<Diagnostic> found = diagnostics(file);
        assertEquals(List.of(new Diagnostic(file.toString(), 1, 1, "file is larger than 4194304 bytes")), found);
    }

    @Test
    void fileNotUtf8(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("latin1.yml");
        Files.write(file, new byte[] {'c', ':', ' ', (byte) 0xE9, '\n'});
        assertEquals(List.of(new Diagnostic(file.toString(), 1, 1, "file is not valid UTF-8")), diagnostics(file));
    }

    @Test
    void missingFile(@TempDir Path dir) {
        Path file = dir.resolve("absent.yml");
        List<Diagnostic> found = diagnostics(file);
        assertEquals(1, found.size());
        assertEquals(file + ":1:1: cannot read file: " + file, found.get(0).toString());
    }

    @Test
    void deeplyNestedFlowInput() {
        String text = "cluster: " + "[".repeat(5_000) + "]".repeat(5_000) + "\n";
        assertDiagnostic(1, 1, "malformed YAML: Nesting Depth exceeded max 32", only(text));
    }

    @Test
    void deeplyNestedBlockInput() {
        StringBuilder text = new StringBuilder();
        for (int depth = 0; depth < 100; depth++) {
            text.append("  ".repeat(depth)).append("k").append(depth).append(":\n");
        }
        assertDiagnostic(1, 1, "malformed YAML: Nesting Depth exceeded max 32", only(text.toString()));
    }

    @Test
    void billionLaughsIsStoppedByTheAliasLimit() {
        String bomb = """
                a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]
                b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
                c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
                d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
                e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
                f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
                g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]
                h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]
                i: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]
                cluster: *i
                """;
        Diagnostic d = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> only(bomb));
        assertDiagnostic(1, 1, "malformed YAML: Number of aliases for non-scalar nodes exceeds the specified max=50", d);
    }

    @Test
    void aliasFanOutUnderTheLimitIsNeverExpanded() {
        // 2^20 leaves behind 20 aliases: the loader walks nodes, it never materialises the tree.
        StringBuilder text = new StringBuilder("l0: &l0 [lol, lol]\n");
        for (int i = 1; i <= 20; i++) {
            text.append("l").append(i).append(": &l").append(i)
                    .append(" [*l").append(i - 1).append(", *l").append(i - 1).append("]\n");
        }
        text.append("topics: *l20\n");
        List<Diagnostic> found = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> Loading.errors(text.toString()));
        assertEquals("unknown key 'l0' in the ownership file; expected one of: client_apps, cluster, connectors,"
                + " consumer_groups, dead_letter_topics, default_tier, funnels, platform, share_groups, shared_responsibility, teams,"
                + " tiers, topics, unowned",
                found.get(0).message());
        // Both items of 'topics' are one aliased node; its position is that of its anchor '&l19'.
        assertEquals("test.yml:20:6: a topic must be a mapping, got a list", found.get(found.size() - 2).toString());
    }

    @Test
    void recursiveAlias() {
        List<Diagnostic> found = assertTimeoutPreemptively(Duration.ofSeconds(10),
                () -> Loading.errors("x: &x [*x]\ncluster: *x\n"));
        // The alias stands for the list anchored on line 1, so that is where the error points.
        assertEquals("test.yml:1:4: 'cluster' in the ownership file must be a single value, got a list",
                found.get(found.size() - 1).toString());
    }

    @Test
    void pathologicalRegexIsADiagnostic() {
        String regex = "(".repeat(5000) + "a" + ")".repeat(5000);
        Diagnostic d = only(Loading.BASE + "topics:\n  - pattern: '" + regex + "'\n    owner: checkout\n    tier: tier-1\n");
        assertEquals(Loading.line(2), d.line());
        assertEquals(14, d.column());
        assertTrue(d.message().contains("groups nested 5000 deep, more than 1000"), d.message());
    }

    @Test
    void theDeepestNestingAllowedCompiles() {
        String regex = "(".repeat(UserRegex.MAX_NESTING) + "a" + ")".repeat(UserRegex.MAX_NESTING);
        assertEquals(java.util.Optional.empty(), UserRegex.problem(regex));
        assertTrue(NameSelector.regex(regex).matches("a"));
    }

    @Test
    void nonStringKeysAreDiagnostics() {
        assertDiagnostic(Loading.line(1), 3, "keys of the ownership file must be plain strings",
                only(Loading.BASE + "? [a, b]\n: c\n"));
    }

    @Test
    void longLineIsADiagnosticBeforeAnySlowParse() {
        // Found by OwnershipLoaderFuzzTest: snakeyaml needs seconds for one line of 400,000 spaces.
        String text = "cluster: c\nteams: " + " ".repeat(400_000) + "x\n";
        Diagnostic d = assertTimeoutPreemptively(Duration.ofSeconds(2), () -> only(text));
        assertDiagnostic(2, OwnershipLoader.MAX_LINE_CHARS + 1, "line is longer than 16384 characters", d);
    }

    @Test
    void longLinesCountYamlLineBreaks() {
        String text = "cluster: c\r\nteams:\r" + "x".repeat(OwnershipLoader.MAX_LINE_CHARS) + "\u2028"
                + "y".repeat(OwnershipLoader.MAX_LINE_CHARS + 1);
        assertDiagnostic(4, OwnershipLoader.MAX_LINE_CHARS + 1, "line is longer than 16384 characters", only(text));
    }

    @Test
    void escapeCutShortByTheEndOfInput() {
        // Found by OwnershipLoaderFuzzTest: snakeyaml 2.5 throws NumberFormatException here, without a position.
        for (String escape : List.of("\\u", "\\x", "\\U")) {
            assertDiagnostic(2, 11, "malformed YAML: the input ends inside an escape sequence of a double-quoted scalar",
                    only("teams: {}\ncluster: \"" + escape));
        }
    }

    @Test
    void ownershipExceptionNeedsADiagnostic() {
        assertThrows(IllegalArgumentException.class, () -> new OwnershipException(List.of()));
    }

    private static List<Diagnostic> diagnostics(Path file) {
        return assertThrows(OwnershipException.class, () -> new OwnershipLoader().load(file)).diagnostics();
    }
}
