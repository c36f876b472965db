package dev.kafkasteward.contract.ownership;

import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;

/** "Did you mean" for unknown keys and names: the closest candidate by edit distance, if close enough. */
final class Suggestions {

    private Suggestions() {
    }

    static Optional<String> closest(String input, Collection<String> candidates) {
        int limit = Math.max(2, input.length() / 3);
        return candidates.stream()
                .filter(c -> distance(input, c) <= limit)
                .min(Comparator.comparingInt((String c) -> distance(input, c)).thenComparing(c -> c));
    }

    /** " (did you mean 'x'?)" or the empty string. */
    static String didYouMean(String input, Collection<String> candidates) {
        return closest(input, candidates).map(c -> " (did you mean '" + c + "'?)").orElse("");
    }

    /** Levenshtein distance, two rows; inputs here are short keys and names. */
    static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
