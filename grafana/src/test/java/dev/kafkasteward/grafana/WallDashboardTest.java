package dev.kafkasteward.grafana;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kafkasteward.contract.output.DashboardUids;
import dev.kafkasteward.contract.ownership.Ownership;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class WallDashboardTest {

    private static final JsonNode WALL = GeneratedDashboards.of(ExampleOwnership.load()).get(DashboardGenerator.WALL_PATH);

    @Test
    void fitsOneScreenWithoutScrollingOrRows() {
        for (Ownership ownership : List.of(ExampleOwnership.load(), ClaimTest.MIXED, teams(6, 3), teams(25, 10))) {
            JsonNode wall = GeneratedDashboards.of(ownership).get(DashboardGenerator.WALL_PATH);
            int bottom = 0;
            for (JsonNode panel : wall.path("panels")) {
                assertTrue(!panel.path("type").asText().equals("row"), "a row on the wall: " + panel.path("title"));
                JsonNode pos = panel.path("gridPos");
                bottom = Math.max(bottom, pos.path("y").asInt() + pos.path("h").asInt());
            }
            assertTrue(bottom <= WallDashboard.MAX_ROWS, ownership.cluster() + ": " + bottom + " grid rows");
            assertEquals(List.of(), DashboardLint.check(wall), ownership.cluster());
        }
    }

    @Test
    void oneColumnPerTeamThatOwnsGroupsColouredAtItsThresholds() {
        List<String> titles = new ArrayList<>();
        GeneratedDashboards.dataPanels(WALL).forEach(p -> titles.add(p.path("title").asText()));
        assertTrue(titles.containsAll(List.of("Freshness — customer-timeline", "Freshness — fulfillment")), titles.toString());
        JsonNode fulfillment = GeneratedDashboards.panel(WALL, "Freshness — fulfillment");
        // Three columns: customer-timeline, fulfillment, and platform for the groups no entry claims.
        assertTrue(titles.contains("Freshness — platform"), titles.toString());
        assertEquals(8, fulfillment.path("gridPos").path("w").asInt());
        // fulfillment-service overrides its tier: warning 30s, critical 2m.
        JsonNode steps = fulfillment.path("fieldConfig").path("overrides").get(0).path("properties").get(0)
                .path("value").path("steps");
        assertEquals(30.0, steps.get(1).path("value").asDouble());
        assertEquals(120.0, steps.get(2).path("value").asDouble());
        assertEquals("A", fulfillment.path("fieldConfig").path("overrides").get(0).path("matcher").path("options").asText());
    }

    @Test
    void fulfillmentColumnHoldsItsDeadLettersAndItsFunnel() {
        JsonNode freshness = GeneratedDashboards.panel(WALL, "Freshness — fulfillment");
        JsonNode deadLetters = GeneratedDashboards.panel(WALL, "Dead letters — fulfillment");
        JsonNode funnel = GeneratedDashboards.panel(WALL, "Overdue — order-lifecycle");
        for (JsonNode panel : List.of(deadLetters, funnel)) {
            assertEquals(freshness.path("gridPos").path("x").asInt(), panel.path("gridPos").path("x").asInt());
        }
        assertEquals("sum(increase(kafka_deadletter_records_written_total{cluster=\"$cluster\","
                        + " topic=\"fulfillment.dlq.v1\"}[$__rate_interval]))",
                deadLetters.path("targets").get(0).path("expr").asText());
        assertEquals(WallDashboard.MAX_ROWS, funnel.path("gridPos").path("y").asInt() + funnel.path("gridPos").path("h").asInt());
    }

    @Test
    void manyTeamsShareOnePanelWithTheOwnerInEachBar() {
        JsonNode wall = GeneratedDashboards.of(teams(25, 10)).get(DashboardGenerator.WALL_PATH);
        JsonNode freshness = GeneratedDashboards.panel(wall, "Freshness: worst lag age per group");
        assertEquals(251, freshness.path("targets").size(), "250 entries and the catch-all for unowned groups");
        assertEquals("team-00: {{group}}", freshness.path("targets").get(0).path("legendFormat").asText());
    }

    @Test
    void linksToEveryTeamDashboardAndTheBrokers() {
        List<String> urls = new ArrayList<>();
        WALL.path("links").forEach(l -> urls.add(l.path("url").asText()));
        assertTrue(urls.contains("/d/" + DashboardUids.team("orders-prod", "fulfillment")), urls.toString());
        assertTrue(urls.contains("/d/" + DashboardUids.brokers("orders-prod")), urls.toString());
        assertEquals(DashboardUids.wall("orders-prod"), WALL.path("uid").asText());
    }

    /** {@code count} teams with {@code groups} consumer groups each. */
    static Ownership teams(int count, int groups) {
        StringBuilder yaml = new StringBuilder("cluster: big-" + count + "\nteams:\n");
        for (int t = 0; t < count; t++) {
            yaml.append(String.format("  team-%02d:%n    receivers: [{type: webhook, url: \"http://127.0.0.1:1/%d\"}]%n", t, t));
        }
        yaml.append("tiers:\n  t:\n    severity: warning\n    lag_age_warning: 1m\n    lag_age_critical: 5m\n"
                + "    for: 1m\ndefault_tier: t\nconsumer_groups:\n");
        for (int t = 0; t < count; t++) {
            for (int g = 0; g < groups; g++) {
                yaml.append(String.format("  - name: svc-%02d-%02d%n    owner: team-%02d%n", t, g, t));
            }
        }
        yaml.append("platform:\n  owner: team-00\n");
        return ExampleOwnership.parse(yaml.toString());
    }
}
