package dev.kafkasteward.contract.ownership;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.List;
import java.util.stream.Collectors;

/** Test helpers: load YAML text and get the diagnostics it produces. */
final class Loading {

    /** The file name diagnostics carry in these tests. */
    static final String SOURCE = "test.yml";

    /**
     * A minimal valid file, 16 lines. Tests append to it, so their own lines start at 17:
     * use {@link #line(int)} to name line n of the appended text.
     */
    static final String BASE = """
            cluster: c
            teams:
              checkout:
                receivers:
                  - type: webhook
                    url: http://127.0.0.1/checkout
              payments:
                receivers:
                  - type: webhook
                    url: http://127.0.0.1/payments
            tiers:
              tier-1:
                severity: critical
            platform:
              owner: payments
              tier: tier-1
            """;

    static final int BASE_LINES = 16;

    private Loading() {
    }

    /** Line {@code n} (1-based) of text appended to {@link #BASE}. */
    static int line(int n) {
        return BASE_LINES + n;
    }

    static Ownership load(String yaml) {
        try {
            return new OwnershipLoader().parse(SOURCE, yaml);
        } catch (OwnershipException e) {
            return fail("expected the file to load, got:\n" + e.getMessage());
        }
    }

    /** All diagnostics for {@code yaml}; fails when it loads. */
    static List<Diagnostic> errors(String yaml) {
        try {
            new OwnershipLoader().parse(SOURCE, yaml);
        } catch (OwnershipException e) {
            return e.diagnostics();
        }
        return fail("expected diagnostics, but the file loaded");
    }

    /** The one diagnostic for {@code yaml}; fails when there are none or several. */
    static Diagnostic only(String yaml) {
        List<Diagnostic> found = errors(yaml);
        assertEquals(1, found.size(), () -> "expected exactly one diagnostic, got:\n" + lines(found));
        return found.get(0);
    }

    /** Asserts the position and the exact message. */
    static void assertDiagnostic(int line, int column, String message, Diagnostic actual) {
        assertEquals(SOURCE + ":" + line + ":" + column + ": " + message, actual.toString());
    }

    static String lines(List<Diagnostic> diagnostics) {
        return diagnostics.stream().map(Diagnostic::toString).collect(Collectors.joining("\n"));
    }
}
