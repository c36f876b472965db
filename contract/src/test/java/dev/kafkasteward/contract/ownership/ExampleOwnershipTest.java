package dev.kafkasteward.contract.ownership;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The shipped example (the order platform of seed 000) loads, and the model says what the file says. */
class ExampleOwnershipTest {

    private static Ownership model;

    @BeforeAll
    static void load() throws Exception {
        // Surefire runs in the module directory.
        Path example = Path.of("..", "examples", "ownership.yml");
        assertTrue(Files.isRegularFile(example), "example not found at " + example.toAbsolutePath());
        model = new OwnershipLoader().load(example);
    }

    @Test
    void clusterAndTeams() {
        assertEquals("orders-prod", model.cluster());
        assertEquals(List.of("checkout", "customer-timeline", "fulfillment", "payments", "platform"), model.teamNames());
        assertEquals(List.of(new Receiver.Webhook(Optional.of("http://127.0.0.1:9095/hooks/checkout"), Optional.empty()),
                        new Receiver.Slack("#checkout-oncall", "/etc/alertmanager/secrets/slack-checkout-url")),
                model.team("checkout").receivers());
        assertEquals(new Receiver.PagerDuty("/etc/alertmanager/secrets/pagerduty-fulfillment"),
                model.team("fulfillment").receivers().get(1));
        assertEquals(Optional.of("PaymentService — publishes payment results"), model.team("payments").description());
    }

    @Test
    void tiers() {
        Tier tier1 = model.tier("tier-1");
        assertEquals(Severity.CRITICAL, tier1.severity());
        assertEquals("1m", tier1.lagAgeWarning().text());
        assertEquals("5m", tier1.lagAgeCritical().text());
        assertEquals("2m", tier1.alertFor().text());
        assertEquals(Severity.WARNING, model.tier("tier-2").severity());
    }

    @Test
    void fulfillmentServiceOverridesItsTierAndHasAFreshnessObjective() {
        ConsumerGroupOwnership group = model.consumerGroupOwner("fulfillment-service").orElseThrow();
        assertEquals("fulfillment", group.owner());
        assertEquals("tier-1", group.tier());
        assertEquals(30, group.lagAgeWarning().seconds());
        assertEquals("30s", group.lagAgeWarning().text());
        assertEquals(120, group.lagAgeCritical().seconds());
        assertEquals("2m", group.lagAgeCritical().text());
        FreshnessObjective freshness = group.freshness().orElseThrow();
        assertEquals(60, freshness.lagAgeUnder().seconds());
        assertEquals(0.995, freshness.objective().ratio(), 1e-12);
        assertEquals("99.5%", freshness.objective().text());
        assertEquals(30L * 24 * 3600, freshness.window().seconds());
    }

    @Test
    void customerTimelineServiceInheritsTheDefaultTierAndItsThresholds() {
        ConsumerGroupOwnership group = model.consumerGroupOwner("customer-timeline-service").orElseThrow();
        assertEquals("tier-2", group.tier());
        assertEquals(model.tier("tier-2").lagAgeWarning(), group.lagAgeWarning());
        assertEquals("5m", group.lagAgeWarning().text());
        assertEquals("15m", group.lagAgeCritical().text());
        assertEquals(Optional.empty(), group.freshness());
    }

    @Test
    void topicsWithDefaultTierAndPattern() {
        assertEquals(6, model.topics().size(), "five entries and the catch-all for unowned topics");
        TopicOwnership reservations = model.topics().get(2);
        assertEquals(NameSelector.exact("inventory.reservations.v1"), reservations.selector());
        assertEquals("tier-2", reservations.tier());
        TopicOwnership timeline = model.topics().get(4);
        assertTrue(timeline.selector().isPattern());
        assertEquals("customer-timeline", timeline.owner());
        assertTrue(timeline.selector().matches("customer.timeline.v1"));
        assertFalse(timeline.selector().matches("customerXtimeline.v1"));
    }

    @Test
    void funnelHasFourStagesCorrelatedByJsonField() {
        Funnel funnel = model.funnels().get(0);
        assertEquals("order-lifecycle", funnel.name());
        assertEquals(Optional.of(new Funnel.Correlation.JsonField("orderId")), funnel.correlation());
        assertEquals("1h", funnel.window().text());
        assertEquals(List.of("accepted", "paid", "reserved", "dispatched"),
                funnel.stages().stream().map(Funnel.Stage::name).toList());
        Funnel.Stage paid = funnel.stages().get(1);
        assertEquals("payments.results.v1", paid.topic());
        assertEquals(Optional.of(new Funnel.Match.Header("event-type", "PaymentConfirmed")), paid.match());
        assertEquals("5m", paid.maxWait().orElseThrow().text());
        assertEquals(Optional.empty(), funnel.stages().get(3).maxWait());
    }

    @Test
    void deadLettersConnectorsClientsAndPlatform() {
        DeadLetterTopic dlq = model.deadLetterTopic("fulfillment.dlq.v1").orElseThrow();
        assertEquals(Optional.of("orders.accepted.v1"), dlq.sourceTopic());
        assertEquals(Optional.of("x-failure-reason"), dlq.reasonHeader());
        assertEquals(new ConnectorOwnership("orders-to-warehouse", "platform", "tier-2", List.of(),
                Map.of()), model.connectors().get(0));
        assertEquals(Map.of("client_id", "checkout-.*"), model.clientApps().get(0).match());
        Platform platform = model.platform();
        assertEquals("platform", platform.owner());
        assertEquals("80%", platform.disk().usageWarning().text());
        assertEquals(0.9, platform.disk().usageCritical().ratio(), 1e-12);
        assertEquals("1d", platform.disk().exhaustionWarning().text());
        assertEquals(4 * 3600, platform.disk().exhaustionCritical().seconds());
    }
}
