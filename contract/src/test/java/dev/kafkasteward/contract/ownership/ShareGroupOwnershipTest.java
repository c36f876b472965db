package dev.kafkasteward.contract.ownership;

import static dev.kafkasteward.contract.ownership.Loading.BASE;
import static dev.kafkasteward.contract.ownership.Loading.assertDiagnostic;
import static dev.kafkasteward.contract.ownership.Loading.line;
import static dev.kafkasteward.contract.ownership.Loading.load;
import static dev.kafkasteward.contract.ownership.Loading.only;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class ShareGroupOwnershipTest {

    @Test
    void thresholdsComeFromTheEntryOrItsTierAndACatchAllComesLast() {
        Ownership o = load(BASE + """
                share_groups:
                  - name: pickers
                    owner: checkout
                    tier: tier-1
                    backlog_age_warning: 2m
                  - pattern: 'jobs-.*'
                    owner: payments
                    tier: tier-1
                    backlog_age_critical: 1h
                """);
        assertEquals(3, o.shareGroups().size(), "two entries and the catch-all");
        ShareGroupOwnership pickers = o.shareGroupOwner("pickers").orElseThrow();
        Tier tier = o.tier("tier-1");
        assertEquals(List.of("checkout", "2m", tier.lagAgeCritical().text()), List.of(pickers.owner(),
                pickers.backlogAgeWarning().text(), pickers.backlogAgeCritical().text()));
        ShareGroupOwnership jobs = o.shareGroupOwner("jobs-emails").orElseThrow();
        assertEquals(List.of("payments", tier.lagAgeWarning().text(), "1h"), List.of(jobs.owner(),
                jobs.backlogAgeWarning().text(), jobs.backlogAgeCritical().text()));
        assertEquals("payments", o.shareGroupOwner("anything-else").orElseThrow().owner(),
                "what no entry claims goes to the unowned owner (platform's by default)");
    }

    @Test
    void aWarningAboveTheCriticalThresholdIsAnErrorAtTheValueWritten() {
        assertDiagnostic(line(5), 26, "'backlog_age_warning' (2h) must not exceed 'backlog_age_critical' (1h)",
                only(BASE + """
                        share_groups:
                          - name: pickers
                            owner: checkout
                            tier: tier-1
                            backlog_age_warning: 2h
                            backlog_age_critical: 1h
                        """));
    }

    @Test
    void aMistypedKeyIsNamedWithItsLikelyMeaning() {
        assertDiagnostic(line(5), 5, "unknown key 'backlog_warning' in a share group (did you mean"
                        + " 'backlog_age_warning'?); expected one of: alerts, also_notify, backlog_age_critical,"
                        + " backlog_age_warning, name, owner, pattern, tier",
                only(BASE + """
                        share_groups:
                          - name: pickers
                            owner: checkout
                            tier: tier-1
                            backlog_warning: 2m
                        """));
    }

    @Test
    void anAlertOfAnotherKindCannotBeOverriddenOnAShareGroup() {
        String message = only(BASE + """
                share_groups:
                  - name: pickers
                    owner: checkout
                    tier: tier-1
                    alerts:
                      KafkaConsumerLagAgeWarning:
                        enabled: false
                """).message();
        assertEquals(true, message.contains("KafkaShareGroupStalled"), message);
    }
}
