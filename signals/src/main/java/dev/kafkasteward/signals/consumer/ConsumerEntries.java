package dev.kafkasteward.signals.consumer;

import dev.kafkasteward.contract.ownership.ConsumerGroupOwnership;
import dev.kafkasteward.contract.ownership.Ownership;
import dev.kafkasteward.contract.ownership.ResponsibilityArea;
import dev.kafkasteward.contract.ownership.Tier;
import dev.kafkasteward.signals.Recipient;
import dev.kafkasteward.signals.claim.Claim;
import dev.kafkasteward.signals.OwnershipMemo;
import java.util.List;
import java.util.Optional;

/**
 * Consumer-group entries as every consumer signal sees them: {@link Claim planned} so the first
 * entry in file order owns a group, with their tier resolved. One instance per generator, shared by
 * the consumer families, so lag age, status and SLO agree and plan each ownership once.
 */
public final class ConsumerEntries {

    /** An entry that gets alerts: its claim on groups, its resolved tier, and who its alerts reach. */
    record Planned(Claim<ConsumerGroupOwnership> claim, Tier tier, Recipient recipient) {

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

    // Every consumer family plans the same ownership several times per generation, and planning is
    // quadratic in entries.
    private final OwnershipMemo<List<Planned>> plan = new OwnershipMemo<>(ConsumerEntries::computePlan);

    List<Planned> plan(Ownership ownership) {
        return plan.get(ownership);
    }

    private static List<Planned> computePlan(Ownership ownership) {
        return Claim.plan(ownership.consumerGroups(), ownership::consumerGroupOwner).stream()
                .map(c -> new Planned(c, ownership.tier(c.entry().tier()), Recipient.of(ownership,
                        ResponsibilityArea.CONSUMER_LAG, c.entry())))
                .toList();
    }
}
