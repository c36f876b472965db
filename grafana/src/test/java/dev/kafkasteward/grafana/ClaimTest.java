package dev.kafkasteward.grafana;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kafkasteward.contract.ownership.ConsumerGroupOwnership;
import dev.kafkasteward.contract.ownership.Ownership;
import dev.kafkasteward.grafana.promql.Claim;
import dev.kafkasteward.grafana.promql.PromRegex;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
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
    void quotesEveryRe2Metacharacter() {
        assertEquals("a\\.b\\+c\\*\\?\\(\\)\\|\\[\\]\\{\\}\\^\\$\\\\d-e_f", PromRegex.quote("a.b+c*?()|[]{}^$\\d-e_f"));
        String tricky = "x.y+(z)|[w]{2}^$\\";
        assertTrue(Pattern.matches(PromRegex.quote(tricky), tricky));
        assertFalse(Pattern.matches(PromRegex.quote("a.b"), "axb"));
    }

    @Test
    void firstEntryWinsAsTheOwnershipModelDecides() {
        List<Claim<ConsumerGroupOwnership>> claims = WallDashboard.groupClaims(MIXED);
        // billing-eu is claimed by b-team's earlier pattern: its own entry claims nothing.
        assertEquals(List.of("orders.v1+eu", "/billing-(eu|us)/", "/billing-.*/"),
                claims.stream().map(Claim::describe).toList());
        assertEquals("orders\\.v1\\+eu", claims.get(0).include());
        assertEquals(Optional.empty(), claims.get(0).exclude());
        assertEquals(Optional.empty(), claims.get(1).exclude());
        Claim<ConsumerGroupOwnership> last = claims.get(2);
        assertEquals(Optional.of("billing-(eu|us)"), last.exclude());
        // The same decision as Ownership.consumerGroupOwner, for names on both sides of every boundary.
        for (String group : List.of("orders.v1+eu", "billing-eu", "billing-us", "billing-apac", "ordersXv1+eu")) {
            String expected = MIXED.consumerGroupOwner(group).map(ConsumerGroupOwnership::owner).orElse("none");
            String actual = claims.stream().filter(c -> Pattern.matches(c.include(), group)
                            && c.exclude().map(e -> !Pattern.matches(e, group)).orElse(true))
                    .map(Claim::owner).findFirst().orElse("none");
            assertEquals(expected, actual, group);
        }
    }

    @Test
    void regexIsEscapedOnceMoreAsAPromQlStringAndEachEntryKeepsItsThresholds() {
        JsonNode team = GeneratedDashboards.of(MIXED).get(DashboardGenerator.teamPath("a-team"));
        JsonNode worst = GeneratedDashboards.panel(team, "Worst lag age per group");
        assertEquals("max by (group) (kafka_consumergroup_group_max_lag_age_seconds{cluster=\"$cluster\","
                        + " group=~\"billing-.*\", group!~\"billing-(eu|us)\"})",
                worst.path("targets").get(0).path("expr").asText());
        JsonNode steps = worst.path("fieldConfig").path("overrides").get(0).path("properties").get(0).path("value")
                .path("steps");
        assertEquals("[null, 10.0, 20.0]", List.of(steps.get(0).path("value"), steps.get(1).path("value"),
                steps.get(2).path("value")).toString());
        JsonNode b = GeneratedDashboards.of(MIXED).get(DashboardGenerator.teamPath("b-team"));
        assertEquals("max by (group, topic) (kafka_consumergroup_topic_max_lag_age_seconds{cluster=\"$cluster\","
                        + " group=~\"orders\\\\.v1\\\\+eu\"} or kafka_consumergroup_topic_max_lag_age_seconds{"
                        + "cluster=\"$cluster\", group=~\"billing-(eu|us)\"})",
                GeneratedDashboards.panel(b, "Lag age by group and topic").path("targets").get(0).path("expr").asText());
        assertEquals(List.of(), DashboardLint.check(team));
    }
}
