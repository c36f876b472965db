package dev.kafkasteward.signals.promql;

import dev.kafkasteward.contract.ownership.NameSelector;
import dev.kafkasteward.contract.promql.PromString;
import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The one place PromQL strings and regexes are escaped: small pieces of PromQL that rules, routing and
 * dashboards assemble their expressions from.
 */
public final class PromQl {

    /** RE2 metacharacters; Prometheus' {@code =~} uses RE2, anchored on both ends. */
    private static final String REGEX_META = "\\.+*?()|[]{}^$";

    private PromQl() {
    }

    /** A double-quoted PromQL (and Alertmanager matcher) string literal. */
    public static String quote(String value) {
        return PromString.quote(value);
    }

    /** {@code label="value"}. */
    public static String eq(String label, String value) {
        return label + "=" + quote(value);
    }

    /** {@code label=~"regex"}. */
    public static String matches(String label, String regex) {
        return label + "=~" + quote(regex);
    }

    /** {@code label!~"regex"}. */
    public static String notMatches(String label, String regex) {
        return label + "!~" + quote(regex);
    }

    /** {@code label="name"} for an exact selector, {@code label=~"pattern"} for a pattern. */
    public static String selects(String label, NameSelector selector) {
        return selector.isPattern() ? matches(label, selector.text()) : eq(label, selector.text());
    }

    /**
     * {@code label!~"a|b"}: excludes every name or pattern in {@code selectors}. Exact names are
     * regex-escaped; patterns are wrapped in a non-capturing group so alternation stays local.
     */
    public static String notMatchingAny(String label, List<NameSelector> selectors) {
        return notMatches(label, selectors.stream().map(PromQl::regexOf).distinct().collect(Collectors.joining("|")));
    }

    /** {@code label=~"a|b"}: any of {@code values}, each matched literally. */
    public static String matchesAny(String label, List<String> values) {
        return matches(label, values.stream().map(PromQl::regexLiteral).collect(Collectors.joining("|")));
    }

    /** A selector as a regex: a pattern as written, a name escaped to match only itself. */
    public static String regexOf(NameSelector selector) {
        return selector.isPattern() ? "(?:" + selector.text() + ")" : regexLiteral(selector.text());
    }

    /**
     * {@code text} as a regex matching exactly itself: each RE2 metacharacter backslash-escaped. Unlike
     * Java's {@code \Q...\E}, this reads the same in every RE2 and PCRE dialect.
     */
    public static String regexLiteral(String text) {
        StringBuilder out = new StringBuilder(text.length() + 8);
        text.codePoints().forEach(c -> {
            if (c < 128 && REGEX_META.indexOf(c) >= 0) {
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

    /** A number as PromQL writes it: {@code 30}, {@code 0.5}; never exponent notation. */
    public static String number(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }
}
