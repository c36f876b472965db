package dev.kafkasteward.grafana;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kafkasteward.contract.ownership.ConsumerGroupOwnership;
import dev.kafkasteward.contract.ownership.Ownership;
import dev.kafkasteward.signals.claim.Claim;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClaimTest {

    static final Ownership MIXED = ExampleOwnership.parse("""
            cluster: c1
            teams:
              b-team:
                receivers: [{type: webhook, url: "http://127.0.0.1:1/b"}]
              a-team:
                receivers: [{type: webhook, url: "http://127.0.0.1:1/a"}]
              idle:
                receivers: [{type: webhook, url: "http://127.0.0.1:1/i"}]
            tiers:
              t:
                severity: warning
                lag_age_warning: 1m
                lag_age_critical: 5m
                for: 1m
            default_tier: t
            consumer_groups:
              - name: orders.v1+eu
                owner: b-team
              - pattern: 'billing-(eu|us)'
                owner: b-team
              - name: billing-eu
                owner: a-team
              - pattern: 'billing-.*'
                owner: a-team
                lag_age_warning: 10s
                lag_age_critical: 20s
            platform:
              owner: a-team
            """);

    @Test
    void dashboardsClaimWhatTheFirstEntryOwnsAsTheRulesDo() {
        List<Claim<ConsumerGroupOwnership>> claims = WallDashboard.groupClaims(MIXED);
        // billing-eu is claimed by b-team's earlier pattern: its own entry claims nothing.
        // The loader's catch-all comes last: what no entry claims is the platform owner's (a-team here).
        assertEquals(List.of("orders.v1+eu", "/billing-(eu|us)/", "/billing-.*/", "/.*/"),
                claims.stream().map(Claim::describe).toList());
        assertEquals(List.of("group=\"orders.v1+eu\""), claims.get(0).matchers("group"));
        assertEquals(List.of("group=~\"billing-.*\"", "group!~\"(?:billing-(eu|us))|billing-eu\""), claims.get(2).matchers("group"));
        assertEquals(List.of("b-team", "b-team", "a-team", "a-team"), claims.stream().map(Claim::owner).toList());
    }

    @Test
    void regexIsEscapedOnceMoreAsAPromQlStringAndEachEntryKeepsItsThresholds() {
        JsonNode team = GeneratedDashboards.of(MIXED).get(DashboardGenerator.teamPath("a-team"));
        JsonNode worst = GeneratedDashboards.panel(team, "Worst lag age per group");
        assertEquals("max by (group) (kafka_consumergroup_group_max_lag_age_seconds{cluster=\"$cluster\","
                        + " group=~\"billing-.*\", group!~\"(?:billing-(eu|us))|billing-eu\"})",
                worst.path("targets").get(0).path("expr").asText());
        JsonNode steps = worst.path("fieldConfig").path("overrides").get(0).path("properties").get(0).path("value")
                .path("steps");
        assertEquals("[null, 10.0, 20.0]", List.of(steps.get(0).path("value"), steps.get(1).path("value"),
                steps.get(2).path("value")).toString());
        JsonNode b = GeneratedDashboards.of(MIXED).get(DashboardGenerator.teamPath("b-team"));
        assertEquals("max by (group, topic) (kafka_consumergroup_topic_max_lag_age_seconds{cluster=\"$cluster\","
                        + " group=\"orders.v1+eu\"} or kafka_consumergroup_topic_max_lag_age_seconds{"
                        + "cluster=\"$cluster\", group=~\"billing-(eu|us)\"})",
                GeneratedDashboards.panel(b, "Lag age by group and topic").path("targets").get(0).path("expr").asText());
        assertEquals(List.of(), DashboardLint.check(team));
    }
}
