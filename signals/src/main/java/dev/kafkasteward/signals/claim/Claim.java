package dev.kafkasteward.signals.claim;

import dev.kafkasteward.contract.ownership.NameSelector;
import dev.kafkasteward.contract.ownership.OwnedSelection;
import dev.kafkasteward.signals.promql.PromQl;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * What one ownership entry (topics, consumer groups, dead-letter topics) owns of the names its selector
 * matches. The first entry in file order owns a name, as {@code Ownership}'s lookups decide: an entry
 * excludes the earlier selectors that may claim the same names, and an exact entry an earlier one already
 * claims gets nothing. Alerts and panels select an entry's assets with {@link #matchers}, so both always
 * agree on who owns what.
 *
 * @param entry    the ownership entry
 * @param excluded earlier selectors that may claim names this entry's selector matches
 * @param sample   a name this entry, and no earlier one, owns; empty when none can be derived from a pattern
 */
public record Claim<T extends OwnedSelection>(T entry, List<NameSelector> excluded, Optional<String> sample) {

    public Claim {
        excluded = List.copyOf(excluded);
    }

    /**
     * The claims of {@code entries}, in file order. A shadowed exact entry claims nothing but still
     * counts as earlier for the entries after it.
     *
     * @param ownerOf the entry that owns a name, to keep only samples an entry really owns
     */
    public static <T extends OwnedSelection> List<Claim<T>> plan(List<T> entries,
                                                                 Function<String, Optional<T>> ownerOf) {
        List<Claim<T>> claims = new ArrayList<>();
        List<NameSelector> earlier = new ArrayList<>();
        for (T entry : entries) {
            NameSelector selector = entry.selector();
            if (earlier.contains(selector)) {
                continue; // the same pattern again (the loader's catch-all after a file's own '.*'): nothing left
            }
            List<NameSelector> excluded = overlapping(selector, earlier);
            earlier.add(selector);
            if (!selector.isPattern() && !excluded.isEmpty()) {
                continue; // shadowed: an earlier entry owns this name
            }
            Optional<String> sample = (selector.isPattern() ? RegexSample.of(selector.pattern())
                    : Optional.of(selector.name())).filter(n -> ownerOf.apply(n).filter(entry::equals).isPresent());
            claims.add(new Claim<>(entry, excluded, sample));
        }
        return claims;
    }

    /** The claims whose entry {@code team} owns. */
    public static <T extends OwnedSelection> List<Claim<T>> ownedBy(List<Claim<T>> claims, String team) {
        return claims.stream().filter(c -> c.owner().equals(team)).toList();
    }

    /**
     * The earlier selectors that may claim names {@code selector} also claims. Overlap is decided
     * exactly when one side is a name; two patterns are assumed to overlap.
     */
    static List<NameSelector> overlapping(NameSelector selector, List<NameSelector> earlier) {
        return earlier.stream().filter(e -> {
            if (!selector.isPattern()) {
                return e.matches(selector.name());
            }
            return e.isPattern() || selector.matches(e.name());
        }).toList();
    }

    public NameSelector selector() {
        return entry.selector();
    }

    public String owner() {
        return entry.owner();
    }

    /** Matchers selecting exactly the names this entry owns, as values of {@code label}. */
    public List<String> matchers(String label) {
        List<String> matchers = new ArrayList<>();
        matchers.add(PromQl.selects(label, selector()));
        if (!excluded.isEmpty()) {
            matchers.add(PromQl.notMatchingAny(label, excluded));
        }
        return matchers;
    }

    /** {@link #matchers(String)} in {@code cluster}. */
    public List<String> matchers(String label, String cluster) {
        List<String> matchers = new ArrayList<>();
        matchers.add(PromQl.eq("cluster", cluster));
        matchers.addAll(matchers(label));
        return matchers;
    }

    /** As the owner wrote it: {@code orders} or {@code /orders-.+/}. */
    public String describe() {
        return selector().toString();
    }
}
