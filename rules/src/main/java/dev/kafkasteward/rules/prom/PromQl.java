package dev.kafkasteward.rules.prom;

import dev.kafkasteward.contract.ownership.NameSelector;
import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Collectors;

/** Small, escaping-correct pieces of PromQL; expressions themselves are assembled by each signal. */
public final class PromQl {

    private PromQl() {
    }

    /** A double-quoted PromQL string literal. */
    public static String quote(String value) {
        return '"' + value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + '"';
    }

    /** {@code label="value"}. */
    public static String eq(String label, String value) {
        return label + "=" + quote(value);
    }

    /**
     * {@code label!~"a|b"}: excludes every name or pattern in {@code selectors}. Exact names are
     * regex-escaped; patterns are wrapped in a non-capturing group so alternation stays local.
     */
    public static String notMatchingAny(String label, List<NameSelector> selectors) {
        String regex = selectors.stream()
                .map(s -> s.isPattern() ? "(?:" + s.text() + ")" : regexLiteral(s.text()))
                .collect(Collectors.joining("|"));
        return label + "!~" + quote(regex);
    }

    /** {@code label=~"regex"}. */
    public static String matches(String label, String regex) {
        return label + "=~" + quote(regex);
    }

    /** {@code label=~"a|b"}: any of {@code values}, each matched literally. */
    public static String matchesAny(String label, List<String> values) {
        return matches(label, values.stream().map(PromQl::regexLiteral).collect(Collectors.joining("|")));
    }

    /** {@code text} as an RE2 regex matching exactly itself. */
    public static String regexLiteral(String text) {
        StringBuilder sb = new StringBuilder();
        for (char c : text.toCharArray()) {
            if ("\\.+*?()|[]{}^$".indexOf(c) >= 0) {
                sb.append('\\');
            }
            sb.append(c);
        }
        return sb.toString();
    }

    /** A number as PromQL writes it: {@code 30}, {@code 0.5}; never exponent notation. */
    public static String number(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }
}
