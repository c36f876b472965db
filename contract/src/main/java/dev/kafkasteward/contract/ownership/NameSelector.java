package dev.kafkasteward.contract.ownership;

import com.google.re2j.Pattern;
import java.util.Objects;

/**
 * Picks Kafka resources either by exact name or by a regular expression matched against the whole
 * name (as Prometheus' {@code =~} does). Exactly one of the two is set. Patterns are RE2 (RE2/J): the dialect of
 * the generated PromQL, and matching in time linear in the name, whatever the pattern.
 */
public record NameSelector(String name, Pattern pattern) {

    public NameSelector {
        if ((name == null) == (pattern == null)) {
            throw new IllegalArgumentException("exactly one of name and pattern must be set");
        }
    }

    public static NameSelector exact(String name) {
        return new NameSelector(Objects.requireNonNull(name), null);
    }

    public static NameSelector regex(String regex) {
        return new NameSelector(null, Pattern.compile(regex));
    }

    public boolean isPattern() {
        return pattern != null;
    }

    public boolean matches(String candidate) {
        return isPattern() ? pattern.matcher(candidate).matches() : name.equals(candidate);
    }

    /** The name, or the regex source: what owners wrote, and what PromQL matchers use. */
    public String text() {
        return isPattern() ? pattern.pattern() : name;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NameSelector other && text().equals(other.text()) && isPattern() == other.isPattern();
    }

    @Override
    public int hashCode() {
        return Objects.hash(text(), isPattern());
    }

    @Override
    public String toString() {
        return isPattern() ? "/" + text() + "/" : text();
    }
}
