package dev.kafkasteward.grafana;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kafkasteward.contract.ownership.Ownership;
import dev.kafkasteward.grafana.promql.PromRegex;
import dev.kafkasteward.grafana.promql.TeamGroups;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class TeamGroupsTest {

    private static final Ownership MIXED = ExampleOwnership.parse("""
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
              - name: plain
                owner: a-team
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
    void oneRegexPerTeamInTeamOrderWithNamesQuotedAndPatternsKept() {
        List<TeamGroups> teams = TeamGroups.of(MIXED);
        assertEquals(List.of("a-team", "b-team"), teams.stream().map(TeamGroups::team).toList());
        assertEquals("plain", teams.get(0).regex());
        TeamGroups b = teams.get(1);
        assertEquals("(?:orders\\.v1\\+eu)|(?:billing-(eu|us))", b.regex());
        assertEquals("orders.v1+eu, /billing-(eu|us)/", b.describe());
        Pattern anchored = Pattern.compile(b.regex());
        for (String yes : List.of("orders.v1+eu", "billing-eu", "billing-us")) {
            assertTrue(anchored.matcher(yes).matches(), yes);
        }
        for (String no : List.of("ordersXv1+eu", "orders.v1eu", "billing-", "plain")) {
            assertFalse(anchored.matcher(no).matches(), no);
        }
    }

    @Test
    void regexIsEscapedOnceMoreAsAPromQlString() {
        JsonNode overview = GeneratedDashboards.of(MIXED).get(DashboardGenerator.OVERVIEW_PATH);
        String expr = GeneratedDashboards.dataPanels(overview).stream()
                .filter(p -> p.path("title").asText().equals("Lag age — b-team")).findFirst().orElseThrow()
                .path("targets").get(0).path("expr").asText();
        assertEquals("max by (group, topic) (kafka_consumergroup_lag_age_seconds{cluster=\"$cluster\","
                + " group=~\"(?:orders\\\\.v1\\\\+eu)|(?:billing-(eu|us))\"})", expr);
        assertEquals(List.of(), DashboardLint.check(overview));
    }
}
