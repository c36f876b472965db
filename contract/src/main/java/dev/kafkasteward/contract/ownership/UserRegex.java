package dev.kafkasteward.contract.ownership;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import java.util.Optional;

/**
 * Checks a pattern a user wrote (ownership.yml, the exporter's allow/deny options) as RE2, the dialect of the
 * PromQL it becomes and of the exporter's matching (linear time in the name, whatever the pattern).
 */
public final class UserRegex {

    /** Deepest group nesting accepted, as Go's regexp (Prometheus) accepts; deeper parses recurse too far. */
    public static final int MAX_NESTING = 1000;

    private static final String RE2_HINT = "; patterns are RE2, as in Prometheus (no lookaround, backreferences or"
            + " possessive quantifiers)";

    private UserRegex() {
    }

    /** What is wrong with {@code regex}, or empty when RE2 accepts it. */
    public static Optional<String> problem(String regex) {
        int depth = nesting(regex);
        if (depth > MAX_NESTING) {
            return Optional.of("groups nested " + depth + " deep, more than " + MAX_NESTING);
        }
        // Before compiling: RE2/J would expand such repeats in memory, and Prometheus refuses them.
        Optional<NestedRepeats.Violation> repeats = NestedRepeats.check(regex);
        if (repeats.isPresent()) {
            return Optional.of("invalid repeat count (over " + NestedRepeats.LIMIT + " copies when nested) '"
                    + repeats.get().operator() + "' at character " + (repeats.get().index() + 1) + RE2_HINT);
        }
        try {
            Pattern.compile(regex);
            return Optional.empty();
        } catch (PatternSyntaxException e) {
            // RE2/J's words for a ')' that closes nothing; Go's regexp (Prometheus) says "unexpected )".
            boolean extraParen = e.getDescription().endsWith("internal error")
                    && "stack underflow".equals(e.getPattern());
            String description = extraParen ? "unexpected )" : e.getDescription();
            String fragment = extraParen ? ")" : e.getPattern() == null ? "" : e.getPattern();
            int index = fragment.isEmpty() || fragment.equals(regex) ? -1 : errorAt(regex, fragment, e);
            return Optional.of(description + (index >= 0 ? " '" + fragment + "' at character " + (index + 1)
                    : "") + RE2_HINT);
        }
    }

    /**
     * Where in {@code regex} the error is: the first occurrence of {@code fragment} at whose end the pattern, cut
     * there, fails as the whole did. RE2 reads left to right and stops at the first error, so an earlier occurrence
     * (the '*' of '.*' before a bad '|*') does not; -1 when none of the first few occurrences does.
     */
    private static int errorAt(String regex, String fragment, PatternSyntaxException whole) {
        int tries = 0;
        for (int i = regex.indexOf(fragment); i >= 0 && tries++ < 32; i = regex.indexOf(fragment, i + 1)) {
            int end = i + fragment.length();
            if (end == regex.length()) {
                return i; // cut there, it is the whole pattern
            }
            try {
                // The backslash makes a cut that is fine up to its end fail there, in the parser: a valid prefix can
                // cost far more to compile than the invalid whole cost to parse. (Only inside \Q...\E is it literal.)
                Pattern.compile(regex.substring(0, end) + "\\");
            } catch (PatternSyntaxException cut) {
                if (cut.getDescription().equals(whole.getDescription())
                        && java.util.Objects.equals(cut.getPattern(), whole.getPattern())) {
                    return i;
                }
            }
        }
        return -1;
    }

    /** The deepest nesting of unescaped parentheses outside character classes. */
    static int nesting(String regex) {
        int depth = 0;
        int max = 0;
        boolean inClass = false;
        for (int i = 0; i < regex.length(); i++) {
            char c = regex.charAt(i);
            if (c == '\\') {
                i++;
            } else if (inClass) {
                inClass = c != ']';
            } else if (c == '[') {
                inClass = true;
                if (i + 1 < regex.length() && regex.charAt(i + 1) == ']') {
                    i++; // a ']' first in a class is a literal
                }
            } else if (c == '(') {
                max = Math.max(max, ++depth);
            } else if (c == ')') {
                depth = Math.max(0, depth - 1);
            }
        }
        return max;
    }
}
