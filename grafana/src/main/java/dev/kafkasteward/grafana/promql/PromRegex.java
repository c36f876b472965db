package dev.kafkasteward.grafana.promql;

import java.util.List;

/** Regular expressions for Prometheus' {@code =~} matcher, which uses RE2 anchored on both ends. */
public final class PromRegex {

    private static final String META = "\\.+*?()|[]{}^$";

    private PromRegex() {
    }

    /**
     * The regex matching exactly {@code literal}: each RE2 metacharacter backslash-escaped. Unlike
     * Java's {@code \Q...\E}, this reads the same in every RE2 and PCRE dialect.
     */
    public static String quote(String literal) {
        StringBuilder out = new StringBuilder(literal.length() + 8);
        literal.codePoints().forEach(c -> {
            if (c < 128 && META.indexOf(c) >= 0) {
                out.append('\\');
            }
            out.appendCodePoint(c);
        });
        return out.toString();
    }

    /**
     * One regex matching any of {@code alternatives}. Each alternative is wrapped in a non-capturing
     * group, so an alternation inside one cannot leak into the others.
     */
    public static String anyOf(List<String> alternatives) {
        if (alternatives.isEmpty()) {
            throw new IllegalArgumentException("no alternatives");
        }
        if (alternatives.size() == 1) {
            return alternatives.get(0);
        }
        return String.join("|", alternatives.stream().map(a -> "(?:" + a + ")").toList());
    }
}
