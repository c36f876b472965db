package dev.kafkasteward.signals.claim;

import com.google.re2j.Pattern;
import java.util.Optional;

/**
 * Finds one string a pattern matches, so a promtool test can feed a consumer group that a pattern
 * entry owns. Covers the constructs ownership patterns use (literals, escapes, {@code .}, classes,
 * groups with alternation, quantifiers); the result is verified, and empty when no sample is found.
 */
public final class RegexSample {

    private final String regex;
    private int pos;

    private RegexSample(String regex) {
        this.regex = regex;
    }

    public static Optional<String> of(Pattern pattern) {
        try {
            String candidate = new RegexSample(pattern.pattern()).sequence();
            return pattern.matcher(candidate).matches() ? Optional.of(candidate) : Optional.empty();
        } catch (RuntimeException unsupported) {
            return Optional.empty();
        }
    }

    /** A sample for the first alternative of the sequence at {@code pos}; skips the other alternatives. */
    private String sequence() {
        StringBuilder out = new StringBuilder();
        while (pos < regex.length() && regex.charAt(pos) != ')') {
            char c = regex.charAt(pos);
            if (c == '|') {
                skipAlternatives();
                break;
            }
            String atom = atom();
            out.append(repeat(atom));
        }
        return out.toString();
    }

    private void skipAlternatives() {
        int depth = 0;
        while (pos < regex.length()) {
            char c = regex.charAt(pos);
            if (c == '\\') {
                pos += 2;
                continue;
            }
            if (c == '[') {
                skipClass();
                continue;
            }
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                if (depth == 0) {
                    return;
                }
                depth--;
            }
            pos++;
        }
    }

    private String atom() {
        char c = regex.charAt(pos++);
        switch (c) {
            case '^', '$':
                return "";
            case '.':
                return "x";
            case '\\':
                return escape(regex.charAt(pos++));
            case '[': {
                pos--;
                int start = pos;
                skipClass();
                return classSample(regex.substring(start + 1, pos - 1));
            }
            case '(': {
                if (regex.startsWith("?:", pos)) {
                    pos += 2;
                } else if (regex.charAt(pos) == '?') {
                    throw new IllegalArgumentException("unsupported group");
                }
                String inner = sequence();
                pos++; // ')'
                return inner;
            }
            default:
                return String.valueOf(c);
        }
    }

    private String repeat(String atom) {
        if (pos >= regex.length()) {
            return atom;
        }
        char q = regex.charAt(pos);
        String result = atom;
        if (q == '*' || q == '+' || q == '?') {
            pos++;
        } else if (q == '{') {
            int end = regex.indexOf('}', pos);
            String[] bounds = regex.substring(pos + 1, end).split(",", -1);
            int min = Integer.parseInt(bounds[0].trim());
            result = atom.repeat(Math.max(min, 1));
            pos = end + 1;
        } else {
            return atom;
        }
        if (pos < regex.length() && (regex.charAt(pos) == '?' || regex.charAt(pos) == '+')) {
            pos++; // lazy or possessive
        }
        return result;
    }

    private void skipClass() {
        pos++; // '['
        if (pos < regex.length() && regex.charAt(pos) == '^') {
            pos++;
        }
        if (pos < regex.length() && regex.charAt(pos) == ']') {
            pos++;
        }
        while (regex.charAt(pos) != ']') {
            pos += regex.charAt(pos) == '\\' ? 2 : 1;
        }
        pos++;
    }

    private static String classSample(String body) {
        if (body.startsWith("^")) {
            return "x";
        }
        char first = body.charAt(0);
        return first == '\\' ? escape(body.charAt(1)) : String.valueOf(first);
    }

    private static String escape(char c) {
        return switch (c) {
            case 'd' -> "0";
            case 'w', 'D', 'S' -> "a";
            case 'W' -> "-";
            case 's' -> " ";
            default -> String.valueOf(c);
        };
    }
}
