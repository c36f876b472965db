package dev.kafkasteward.grafana.promql;

import dev.kafkasteward.contract.ownership.NameSelector;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The names one ownership entry really owns: what its selector matches minus what earlier entries
 * matched, because the first entry in file order wins (as {@code Ownership.consumerGroupOwner} decides).
 * As PromQL, {@code label=~"include"} plus {@code label!~"exclude"} when an earlier entry may overlap.
 */
public record Claim<T>(T entry, String owner, NameSelector selector, String include, Optional<String> exclude) {

    /** The claims of {@code entries} in file order; an exact name an earlier entry already matches claims nothing. */
    public static <T> List<Claim<T>> of(List<T> entries, Function<T, NameSelector> selectorOf,
                                        Function<T, String> ownerOf) {
        List<Claim<T>> claims = new ArrayList<>();
        List<NameSelector> earlier = new ArrayList<>();
        for (T entry : entries) {
            NameSelector selector = selectorOf.apply(entry);
            if (!selector.isPattern() && earlier.stream().anyMatch(e -> e.matches(selector.text()))) {
                continue;
            }
            if (earlier.contains(selector)) {
                continue;
            }
            // An exact name overlaps nothing earlier (checked above); a pattern may overlap any earlier pattern
            // and the earlier exact names it matches.
            List<String> overlapping = selector.isPattern()
                    ? earlier.stream().filter(e -> e.isPattern() || selector.matches(e.text())).map(Claim::regexOf).toList()
                    : List.of();
            claims.add(new Claim<>(entry, ownerOf.apply(entry), selector, regexOf(selector),
                    overlapping.isEmpty() ? Optional.empty() : Optional.of(PromRegex.anyOf(overlapping))));
            earlier.add(selector);
        }
        return claims;
    }

    /** The claims of one owner. */
    public static <T> List<Claim<T>> ownedBy(List<Claim<T>> claims, String owner) {
        return claims.stream().filter(c -> c.owner().equals(owner)).toList();
    }

    /** {@code label=~"include"} and, if needed, {@code label!~"exclude"}. */
    public List<String> matchers(String label) {
        List<String> matchers = new ArrayList<>();
        matchers.add(PromQl.matchesRegex(label, include));
        exclude.ifPresent(e -> matchers.add(PromQl.notMatchesRegex(label, e)));
        return matchers;
    }

    /** As the owner wrote it: {@code orders} or {@code /orders-.+/}. */
    public String describe() {
        return selector.toString();
    }

    private static String regexOf(NameSelector selector) {
        return selector.isPattern() ? selector.text() : PromRegex.quote(selector.text());
    }
}
