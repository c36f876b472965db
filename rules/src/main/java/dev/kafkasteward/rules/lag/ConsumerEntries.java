package dev.kafkasteward.rules.lag;

import dev.kafkasteward.contract.ownership.ConsumerGroupOwnership;
import dev.kafkasteward.contract.ownership.NameSelector;
import dev.kafkasteward.contract.ownership.Ownership;
import dev.kafkasteward.contract.ownership.Tier;
import dev.kafkasteward.rules.prom.PromQl;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Consumer-group entries as every consumer signal sees them: the first entry in file order owns a
 * group, so each entry excludes the earlier ones that may claim the same groups, and an exact entry
 * an earlier one already claims gets no alerts. One place, so lag age, status and SLO agree.
 */
final class ConsumerEntries {

    /** An entry that gets alerts, with its resolved tier and the earlier selectors it must leave alone. */
    record Planned(ConsumerGroupOwnership entry, Tier tier, List<NameSelector> excluded, Optional<String> sample) {

        /** Matchers selecting exactly the groups this entry owns in {@code cluster}. */
        List<String> matchers(String cluster) {
            List<String> matchers = new ArrayList<>();
            matchers.add(PromQl.eq("cluster", cluster));
            matchers.add(entry.selector().promMatcher("group"));
            if (!excluded.isEmpty()) {
                matchers.add(PromQl.notMatchingAny("group", excluded));
            }
            return matchers;
        }
    }

    private ConsumerEntries() {
    }

    // Every consumer family plans the same ownership several times per generation; planning is
    // quadratic in entries, so the last result is kept (by identity: Ownership is immutable).
    private static Ownership lastOwnership;
    private static List<Planned> lastPlan;

    static synchronized List<Planned> plan(Ownership ownership) {
        if (ownership != lastOwnership) {
            lastPlan = List.copyOf(computePlan(ownership));
            lastOwnership = ownership;
        }
        return lastPlan;
    }

    private static List<Planned> computePlan(Ownership ownership) {
        List<Planned> planned = new ArrayList<>();
        List<NameSelector> earlier = new ArrayList<>();
        for (ConsumerGroupOwnership entry : ownership.consumerGroups()) {
            NameSelector selector = entry.selector();
            List<NameSelector> excluded = LagAgePlanner.overlapping(selector, earlier);
            earlier.add(selector);
            if (!selector.isPattern() && !excluded.isEmpty()) {
                continue; // shadowed: an earlier entry owns this group
            }
            planned.add(new Planned(entry, ownership.tier(entry.tier()), excluded, sample(ownership, entry)));
        }
        return planned;
    }

    /** A group name this entry, and no earlier one, owns; empty when none can be derived from a pattern. */
    static Optional<String> sample(Ownership ownership, ConsumerGroupOwnership entry) {
        Optional<String> sample = entry.selector().isPattern()
                ? RegexSample.of(entry.selector().pattern())
                : Optional.of(entry.selector().name());
        return sample.filter(g -> ownership.consumerGroupOwner(g).filter(entry::equals).isPresent());
    }
}
