package dev.kafkasteward.contract.ownership;

import static dev.kafkasteward.contract.ownership.Loading.BASE;
import static dev.kafkasteward.contract.ownership.Loading.assertDiagnostic;
import static dev.kafkasteward.contract.ownership.Loading.errors;
import static dev.kafkasteward.contract.ownership.Loading.line;
import static dev.kafkasteward.contract.ownership.Loading.load;
import static dev.kafkasteward.contract.ownership.Loading.only;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Seed 000's ownership table in ownership.yml: teams notified besides the owner ({@code also_notify},
 * {@code shared_responsibility}), who answers for what no entry claims ({@code unowned}), and which JVM
 * belongs to a client app ({@code jvm_job}).
 */
class SharedResponsibilityTest {

    private static final String RE2 = "; patterns are RE2, as in Prometheus (no lookaround, backreferences or"
            + " possessive quantifiers)";

    /** {@link Loading#BASE} with a default tier: appended line n is {@code line(n) + 1}. */
    private static final String DEFAULTED = BASE + "default_tier: tier-1\n";
    /** {@link #DEFAULTED} with a third team: appended line n is {@link #at(int)}. */
    private static final String THIRD_TEAM = DEFAULTED.replace("tiers:", """
              operations:
                receivers:
                  - type: webhook
                    url: http://127.0.0.1/operations
            tiers:""");

    private static int at(int n) {
        return line(n) + 5;
    }

    @Test
    void entriesAndAreasNameTeamsNotifiedBesidesTheOwnerEachOnceNeverTheOwner() {
        Ownership o = load(THIRD_TEAM + """
                shared_responsibility:
                  dead_letters: [operations]
                  consumer_lag: [payments]
                dead_letter_topics:
                  - name: orders.dlq
                    owner: checkout
                    also_notify: [payments, operations]
                consumer_groups:
                  - name: billing
                    owner: payments
                """);
        DeadLetterTopic dlq = o.deadLetterTopic("orders.dlq").orElseThrow();
        assertEquals(List.of("payments", "operations"), dlq.alsoNotify());
        assertEquals(List.of("operations", "payments"),
                o.alsoNotify(ResponsibilityArea.DEAD_LETTERS, dlq.owner(), dlq.alsoNotify()));
        ConsumerGroupOwnership billing = o.consumerGroupOwner("billing").orElseThrow();
        assertEquals(List.of(), o.alsoNotify(ResponsibilityArea.CONSUMER_LAG, billing.owner(), billing.alsoNotify()),
                "payments owns the group: it is not also notified");
        assertEquals(List.of("payments"), o.alsoNotify(ResponsibilityArea.CONSUMER_LAG, "checkout", List.of()));
        assertEquals(List.of(), o.alsoNotify(ResponsibilityArea.HOST_AND_DISK, "checkout", List.of()));
    }

    @Test
    void whatNoEntryClaimsGoesToThePlatformOwnerWithTheDefaultTierUnlessConfigured() {
        Ownership defaults = load(DEFAULTED + """
                consumer_groups:
                  - name: billing
                    owner: checkout
                """);
        assertEquals(new Unowned("payments", "tier-1",
                Optional.of(NameSelector.regex(Unowned.DEFAULT_DEAD_LETTER_PATTERN))), defaults.unowned());
        // The catch-all entries come last, so every entry before them keeps what it claims.
        assertEquals("checkout", defaults.consumerGroupOwner("billing").orElseThrow().owner());
        assertEquals("payments", defaults.consumerGroupOwner("console-consumer-1").orElseThrow().owner());
        assertEquals("payments", defaults.topicOwner("anything").orElseThrow().owner());
        assertEquals("payments", defaults.deadLetterTopic("orders-dlt").orElseThrow().owner());
        assertEquals(Optional.empty(), defaults.deadLetterTopic("orders"));

        Ownership configured = load(THIRD_TEAM.replace("tiers:\n  tier-1:\n    severity: critical\n",
                "tiers:\n  tier-1:\n    severity: critical\n  low:\n    severity: info\n") + """
                unowned:
                  owner: operations
                  tier: low
                  dead_letter_pattern: ''
                """);
        assertEquals(new Unowned("operations", "low", Optional.empty()), configured.unowned());
        assertEquals("low", configured.consumerGroupOwner("x").orElseThrow().tier());
        assertEquals(List.of(), configured.deadLetterTopics(), "'' turns dead-letter detection off");
    }

    @Test
    void aClientAppsJvmIsNamedByItsScrapeJobAndMatchBecomesOptional() {
        ClientApp app = load(DEFAULTED + """
                client_apps:
                  - name: connect-workers
                    owner: checkout
                    jvm_job: 'kafka-connect-.*'
                """).clientApps().get(0);
        assertEquals(Optional.of("kafka-connect-.*"), app.jvmJob());
        assertEquals(0, app.match().size());
        assertDiagnostic(line(2) + 1, 5, "a client app needs 'match' (its client series), 'jvm_job' (its JVM), or both",
                only(DEFAULTED + """
                        client_apps:
                          - name: nothing
                            owner: checkout
                        """));
        assertDiagnostic(line(4) + 1, 14, "invalid regex 'app-(': missing closing )"
                + RE2,
                only(DEFAULTED + """
                        client_apps:
                          - name: broken
                            owner: checkout
                            jvm_job: 'app-('
                        """));
    }

    @Test
    void unknownTeamsAreasAndOwnersAreReportedAtOnceWhereWrittenWithASuggestion() {
        List<Diagnostic> found = errors(THIRD_TEAM + """
                shared_responsibility:
                  dead_letter: [operations]
                  consumer_lag: [platfrom, payments, payments]
                unowned:
                  owner: operation
                topics:
                  - name: orders
                    owner: checkout
                    also_notify: [paymnets]
                """);
        assertEquals(5, found.size(), Loading.lines(found));
        assertDiagnostic(at(2), 3, "unknown key 'dead_letter' in 'shared_responsibility' of the ownership file"
                + " (did you mean 'dead_letters'?); expected one of: brokers_and_controllers, business_completion,"
                + " connect_tasks, consumer_lag, dead_letters, host_and_disk, jvm_health, monitoring,"
                + " producer_delivery", found.get(0));
        assertDiagnostic(at(3), 18, "unknown team 'platfrom' (known: checkout, operations, payments)", found.get(1));
        assertDiagnostic(at(3), 38, "team 'payments' is listed twice in 'consumer_lag'", found.get(2));
        assertDiagnostic(at(5), 10, "unknown team 'operation' (did you mean 'operations'?) (known: checkout,"
                + " operations, payments)", found.get(3));
        assertDiagnostic(at(9), 19, "unknown team 'paymnets' (did you mean 'payments'?) (known: checkout,"
                + " operations, payments)", found.get(4));
    }

    @Test
    void unownedIsCheckedEvenWhenPlatformIsInvalidAndEntriesReportTheirTeamsBeforeOtherErrors() {
        List<Diagnostic> found = errors(DEFAULTED.replace("  owner: payments\n", "  owner: paymnts\n") + """
                unowned:
                  owner: operation
                topics:
                  - name: orders
                    owner: nobody
                    also_notify: [checkoutt]
                """);
        assertEquals(4, found.size(), Loading.lines(found));
        assertTrue(found.get(1).toString().contains("unknown team 'operation'"), Loading.lines(found));
        assertTrue(found.get(2).toString().contains("unknown team 'nobody'"), Loading.lines(found));
        assertTrue(found.get(3).toString().contains("unknown team 'checkoutt' (did you mean 'checkout'?)"),
                Loading.lines(found));
    }

    @Test
    void alsoNotifyMustBeAListOfNames() {
        List<Diagnostic> found = errors(DEFAULTED + """
                topics:
                  - name: orders
                    owner: checkout
                    also_notify: payments
                """);
        assertTrue(found.get(0).toString().contains("'also_notify' in a topic must be a list"), Loading.lines(found));
    }
}
