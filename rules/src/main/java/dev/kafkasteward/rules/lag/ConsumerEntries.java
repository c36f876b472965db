package dev.kafkasteward.rules.lag;

import dev.kafkasteward.contract.ownership.ConsumerGroupOwnership;
import dev.kafkasteward.contract.ownership.Ownership;
import dev.kafkasteward.contract.ownership.Tier;
import dev.kafkasteward.rules.claim.Claim;
import java.util.List;
import java.util.Optional;

/**
 * Consumer-group entries as every consumer signal sees them: {@link Claim planned} so the first
 * entry in file order owns a group, with their tier resolved. One place, so lag age, status and SLO
 * agree.
 */
final class ConsumerEntries {

    /** An entry that gets alerts: its claim on groups and its resolved tier. */
    record Planned(Claim<ConsumerGroupOwnership> claim, Tier tier) {

        ConsumerGroupOwnership entry() {
            return claim.entry();
        }

        /** Matchers selecting exactly the groups this entry owns in {@code cluster}. */
        List<String> matchers(String cluster) {
            return claim.matchers("group", cluster);
        }

        /** A group this entry, and no earlier one, owns. */
        Optional<String> sample() {
            return claim.sample();
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
            lastPlan = computePlan(ownership);
            lastOwnership = ownership;
        }
        return lastPlan;
    }

    private static List<Planned> computePlan(Ownership ownership) {
        return Claim.plan(ownership.consumerGroups(), ConsumerGroupOwnership::selector, ownership::consumerGroupOwner)
                .stream().map(c -> new Planned(c, ownership.tier(c.entry().tier()))).toList();
    }
}
