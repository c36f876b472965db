package dev.kafkasteward.contract.ownership;

import static dev.kafkasteward.contract.ownership.Loading.BASE;
import static dev.kafkasteward.contract.ownership.Loading.errors;
import static dev.kafkasteward.contract.ownership.Loading.load;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A dead-letter topic's decision group: owned by the topic's owner, its lag alerts off, bad values reported. */
class DeadLetterDecisionsTest {

    private static final String DEFAULTED = BASE + "default_tier: tier-1\n";

    @Test
    void theDecisionGroupBelongsToTheTopicsOwnerWithItsLagAlertsOff() {
        Ownership o = load(DEFAULTED + """
                dead_letter_topics:
                  - name: orders.dlq
                    owner: checkout
                    decision_group: orders-dlq-decisions
                    decide_within: 4h
                """);
        DeadLetterTopic dlq = o.deadLetterTopics().get(0);
        assertEquals("orders-dlq-decisions", dlq.decisions().orElseThrow().group());
        assertEquals(14_400, dlq.decisions().orElseThrow().decideWithin().seconds());
        ConsumerGroupOwnership group = o.consumerGroupOwner("orders-dlq-decisions").orElseThrow();
        assertEquals("checkout", group.owner(), "not the unowned catch-all's");
        assertTrue(group.alerts().values().stream().noneMatch(AlertOverride::enabled), "it lags by design");
        assertFalse(group.alerts().isEmpty());
    }

    @Test
    void decideWithinWithoutAGroupAndAGroupWithSpacesAreErrors() {
        List<Diagnostic> found = errors(DEFAULTED + """
                dead_letter_topics:
                  - name: a.dlq
                    owner: checkout
                    decide_within: 4h
                  - name: b.dlq
                    owner: checkout
                    decision_group: "b dlq"
                """);
        assertEquals(2, found.size(), Loading.lines(found));
        assertTrue(Loading.lines(found).contains("'decide_within' needs a 'decision_group'"), Loading.lines(found));
        assertTrue(Loading.lines(found).contains("must be a consumer group id without spaces"), Loading.lines(found));
    }
}
