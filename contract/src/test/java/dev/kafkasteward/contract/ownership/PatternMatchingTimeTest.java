package dev.kafkasteward.contract.ownership;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * User patterns match in time linear in the name. With java.util.regex the first pattern below ran past 3 s on
 * one legal 249-character topic name; here it meets ten thousand of them, and a seeded set of generated patterns
 * meets a long name each. The bound is generous (a loaded CI machine): backtracking would miss it by orders of
 * magnitude.
 */
class PatternMatchingTimeTest {

    private static final Duration GENEROUS = Duration.ofSeconds(20);

    @Test
    void theCatastrophicDeadLetterPatternOnTenThousandLongTopicNames() {
        NameSelector dlq = NameSelector.regex(".*\\..*\\..*\\..*\\..*\\.dlq");
        List<String> topics = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            topics.add((i + "." + "a.".repeat(124)).substring(0, 249)); // many dots, never ending in .dlq
        }
        long start = System.nanoTime();
        long matched = topics.stream().filter(dlq::matches).count();
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertEquals(0, matched);
        assertTrue(took.compareTo(GENEROUS) < 0, "10,000 names took " + took);
    }

    @Test
    void fuzzedNestedQuantifierPatternsOnLongNames() {
        Random random = new Random(20261207);
        String[] atoms = {".", "a", "a?", "a*", "(a|aa)", "(a*)*", "(.*a){3}", "[a-z]*", "\\.", "(a+)+"};
        long start = System.nanoTime();
        int checked = 0;
        for (int i = 0; i < 2_000; i++) {
            StringBuilder regex = new StringBuilder();
            int parts = 2 + random.nextInt(8);
            for (int p = 0; p < parts; p++) {
                regex.append(atoms[random.nextInt(atoms.length)]);
            }
            regex.append("b"); // never in the name: every pattern must fail, the worst case for backtracking
            if (UserRegex.problem(regex.toString()).isPresent()) {
                continue;
            }
            assertTrue(!NameSelector.regex(regex.toString()).matches("a".repeat(249)), regex.toString());
            checked++;
        }
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertTrue(checked > 1_900, "most generated patterns are valid RE2: " + checked);
        assertTrue(took.compareTo(GENEROUS) < 0, checked + " patterns took " + took);
    }
}
