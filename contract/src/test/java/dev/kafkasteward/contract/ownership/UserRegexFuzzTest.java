package dev.kafkasteward.contract.ownership;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Property: whatever the pattern, {@link UserRegex#problem} answers, the same each time, and never throws. A pattern
 * it accepts compiles and matches names (a 249-character one too: RE2 runs in time linear in the name, so the nested
 * quantifiers below do not matter, and no time bound is needed to tell). A pattern it rejects gets one message
 * ending in the RE2 hint, and a position, when given, is where the quoted fragment is.
 *
 * <p>Patterns come from a grammar of what owners write (literals, escapes, classes, groups, alternation, nested
 * quantifiers), all valid RE2. Some get one construct RE2 refuses (lookaround, backreference, possessive quantifier,
 * a stray ')', ...) put at a known place: the message must point exactly there. Others are random soups of regex
 * syntax. Seeded: {@code -Dfuzz.seed=S}; a failure names the index and the pattern.
 */
class UserRegexFuzzTest {

    static final int COUNT = 40_000;
    private static final long SEED = Long.getLong("fuzz.seed", 20261207L);
    private static final String HINT = "; patterns are RE2, as in Prometheus (no lookaround, backreferences or"
            + " possessive quantifiers)";
    /** Names to match: the longest legal topic name, of the letter the quantifiers below repeat, and others. */
    private static final List<String> NAMES = List.of("", "a", "orders.v1", "x-app_0", "日本-é", "a".repeat(249),
            ("orders.v1-" + "a.b_c-".repeat(40)).substring(0, 249));

    /** A construct RE2 refuses; the message points {@code at} characters into it. */
    private record Refused(String text, int at, String description) {
    }

    private static final List<Refused> REFUSED = List.of(
            new Refused("(?=a)", 0, "invalid or unsupported Perl syntax"),
            new Refused("(?!a)", 0, "invalid or unsupported Perl syntax"),
            new Refused("(?>a)", 0, "invalid or unsupported Perl syntax"),
            new Refused("(?<=a)", 0, "invalid named capture"), // RE2/J's words for a lookbehind
            new Refused("(?<!a)", 0, "invalid named capture"),
            new Refused("\\1a", 0, "invalid escape sequence"), // a digit after it would make it octal
            new Refused("\\k<n>", 0, "invalid escape sequence"),
            new Refused("\\Z", 0, "invalid escape sequence"),
            new Refused("a*+", 1, "invalid nested repetition operator"),
            new Refused("a++", 1, "invalid nested repetition operator"),
            new Refused("a?+", 1, "invalid nested repetition operator"),
            new Refused("a{2}{3}", 1, "invalid nested repetition operator"),
            new Refused("(*)", 1, "missing argument to repetition operator"),
            new Refused("(a|+)", 3, "missing argument to repetition operator"),
            new Refused("[z-a]", 1, "invalid character class range"),
            new Refused("a{1001}", 1, "invalid repeat count"),
            new Refused("(a{100}){100}", 8, "invalid repeat count"), // Prometheus' limit: 1000 copies at most
            new Refused("((a{1000}){1000}){1000}", 10, "invalid repeat count"), // expanded, it would fill any heap
            new Refused(")", 0, "unexpected )"));

    private static final String[] LITERALS = {"a", "a", "b", "x", "0", "1", "-", "_", "é", "日", "\\.", "\\\\", "\\*",
        "\\(", "\\)", "\\[", "\\{", "\\|", "\\+", "\\?", "\\$"};
    private static final String[] CLASSES = {"[a-z]", "[^.]", "[0-9_-]", "[\\d.]", "[]a]", "[(]", "[^\\]]", "\\d",
        "\\w", "\\s", "\\D", "\\pL", "\\p{Greek}", "\\Qa*(\\E", "."};
    private static final String[] QUANTIFIERS = {"*", "+", "?", "*?", "+?", "??", "{2}", "{0,3}", "{1,}", "{3,5}"};
    private static final String[] GROUPS = {"(", "(?:", "(?i:"};
    private static final String SOUP = "ab.*+?()[]{}|\\^$-,0123:=!<>PQEkdwsLzZ";

    @Test
    void everyPatternIsAcceptedOrRefusedWithAMessageThatPointsAtTheFault() {
        List<String> failures = new ArrayList<>();
        int inputs = 0;
        int accepted = 0;
        int rejected = 0;
        int soup = 0;
        int nested = 0;
        int[] placed = new int[REFUSED.size()];
        long matches = 0;
        long start = System.nanoTime();
        for (int i = 0; i < COUNT && failures.size() < 20; i++) {
            SplittableRandom random = new SplittableRandom(SEED * 31 + i);
            String pattern;
            Refused refused = null;
            int at = -1;
            if (i % 4000 == 3999) {
                int depth = UserRegex.MAX_NESTING + 1 + random.nextInt(50); // refused before RE2 sees it
                pattern = "(".repeat(depth) + "a" + ")".repeat(depth);
                nested++;
            } else if (random.nextInt(5) == 0) {
                StringBuilder b = new StringBuilder();
                for (int n = random.nextInt(1, 20); n > 0; n--) {
                    b.append(SOUP.charAt(random.nextInt(SOUP.length())));
                }
                pattern = b.toString();
                soup++;
            } else {
                List<String> units = new Grammar(random).units();
                if (random.nextBoolean()) {
                    int k = random.nextInt(REFUSED.size());
                    refused = REFUSED.get(k);
                    int before = random.nextInt(units.size() + 1);
                    at = String.join("", units.subList(0, before)).length() + refused.at();
                    units.add(before, refused.text());
                    placed[k]++;
                }
                pattern = String.join("", units);
            }
            inputs++;
            try {
                Optional<String> problem = UserRegex.problem(pattern);
                if (!problem.equals(UserRegex.problem(pattern))) {
                    failures.add(describe(i, pattern, "a second call answers differently"));
                } else if (problem.isEmpty()) {
                    accepted++;
                    matches += matchEveryName(i, pattern, refused, failures);
                } else {
                    rejected++;
                    String wrong = checkMessage(pattern, problem.get(), refused, at);
                    if (wrong != null) {
                        failures.add(describe(i, pattern, wrong + ": " + problem.get()));
                    }
                }
            } catch (Throwable t) {
                failures.add(describe(i, pattern, "threw " + t));
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        int placedTotal = java.util.Arrays.stream(placed).sum();
        System.out.printf("user regex fuzz: %d patterns in %.1f s (seed %d): %d accepted and matched against %d names,"
                        + " %d rejected (%d with a refused construct placed, %d nested too deep); %d soups; %d failures%n",
                inputs, seconds, SEED, accepted, matches, rejected, placedTotal, nested, soup,
                failures.size());
        if (!failures.isEmpty()) {
            fail(failures.size() + " patterns broke the contract:\n" + String.join("\n", failures));
        }
        for (int k = 0; k < REFUSED.size(); k++) {
            assertTrue(placed[k] > 0, "never placed: " + REFUSED.get(k).text());
        }
        assertTrue(accepted > COUNT / 4 && nested > 0 && soup > 0, accepted + " accepted, " + nested + " nested");
    }

    /** Matches every name twice; an accepted pattern with a refused construct placed is itself a failure. */
    private static int matchEveryName(int i, String pattern, Refused refused, List<String> failures) {
        if (refused != null) {
            failures.add(describe(i, pattern, "accepted, with " + refused.text() + " in it"));
            return 0;
        }
        NameSelector selector = NameSelector.regex(pattern);
        for (String name : NAMES) {
            if (selector.matches(name) != selector.matches(name)) {
                failures.add(describe(i, pattern, "matches '" + name + "' differently the second time"));
            }
        }
        return NAMES.size();
    }

    /** Null when the message keeps the contract, else what is wrong with it. */
    private static String checkMessage(String pattern, String problem, Refused refused, int at) {
        if (problem.startsWith("groups nested ")) {
            return UserRegex.nesting(pattern) > UserRegex.MAX_NESTING ? null : "nesting refused below the limit";
        }
        if (!problem.endsWith(HINT) || problem.indexOf('\n') >= 0) {
            return "not one line ending in the RE2 hint";
        }
        int position = problem.lastIndexOf("' at character ");
        int character = -1;
        if (position >= 0) {
            int quote = problem.indexOf(" '");
            String fragment = problem.substring(quote + 2, position);
            character = Integer.parseInt(problem.substring(position + 15, problem.length() - HINT.length()));
            if (!pattern.startsWith(fragment, character - 1)) {
                return "the fragment is not at character " + character;
            }
        }
        if (refused == null) {
            return null;
        }
        if (!problem.startsWith(refused.description())) {
            return "expected '" + refused.description() + "' for " + refused.text();
        }
        // A lookbehind's fragment runs to the end: placed first, it is the whole pattern, and needs no position.
        boolean wholePattern = at == 0 && refused.description().equals("invalid named capture");
        return character == at + 1 || wholePattern && character == -1 ? null
                : "expected to point at character " + (at + 1) + " (" + refused.text() + ")";
    }

    private static String describe(int i, String pattern, String problem) {
        String shown = pattern.length() > 200 ? pattern.substring(0, 200) + "…" : pattern;
        return "pattern #" + i + " (seed " + SEED + ") " + shown + " : " + problem;
    }

    /**
     * Valid RE2 by construction: top-level units of an atom and a quantifier, groups three deep at most, and some
     * top-level alternation. Counts stay small, so that nested counts stay within the 1000 copies Prometheus allows
     * (beyond, they are refused: see the refused constructs above).
     */
    private static final class Grammar {

        private final SplittableRandom random;
        private int atoms;

        Grammar(SplittableRandom random) {
            this.random = random;
        }

        List<String> units() {
            List<String> units = new ArrayList<>();
            for (int n = random.nextInt(1, 7); n > 0; n--) {
                units.add(random.nextInt(8) == 0 ? "|" : unit(3));
            }
            if (random.nextInt(4) == 0) {
                units.add(0, "^");
            }
            return units;
        }

        private String unit(int depth) {
            atoms++;
            String atom = depth > 0 && atoms < 20 && random.nextInt(4) == 0
                    ? pick(GROUPS) + alternation(depth - 1) + ")"
                    : random.nextBoolean() ? pick(LITERALS) : pick(CLASSES);
            return atom + (random.nextInt(3) == 0 ? pick(QUANTIFIERS) : "");
        }

        private String alternation(int depth) {
            StringBuilder b = new StringBuilder();
            for (int alt = random.nextInt(1, 3); alt > 0; alt--) {
                for (int n = random.nextInt(1, 4); n > 0; n--) {
                    b.append(unit(depth));
                }
                b.append(alt > 1 ? "|" : "");
            }
            return b.toString();
        }

        private String pick(String[] options) {
            return options[random.nextInt(options.length)];
        }
    }
}
