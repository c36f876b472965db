package dev.kafkasteward.grafana;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kafkasteward.contract.output.DashboardUids;
import dev.kafkasteward.contract.ownership.Ownership;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TeamDashboardTest {

    private static final Ownership EXAMPLE = ExampleOwnership.load();
    private static final Map<String, JsonNode> DASHBOARDS = GeneratedDashboards.of(EXAMPLE);
    private static final JsonNode FULFILLMENT = DASHBOARDS.get(DashboardGenerator.teamPath("fulfillment"));

    @Test
    void everyTeamHasADashboardUnderTheUidAlertsLinkTo() {
        for (String team : EXAMPLE.teamNames()) {
            JsonNode dashboard = DASHBOARDS.get(DashboardGenerator.teamPath(team));
            assertEquals(DashboardUids.team("orders-prod", team), dashboard.path("uid").asText());
            assertEquals(List.of(), DashboardLint.check(dashboard), team);
        }
    }

    @Test
    void aTeamThatOwnsNothingToShowGetsNoDashboard() {
        Map<String, JsonNode> mixed = GeneratedDashboards.of(ClaimTest.MIXED);
        assertTrue(mixed.containsKey(DashboardGenerator.teamPath("a-team")));
        assertTrue(!mixed.containsKey(DashboardGenerator.teamPath("idle")), mixed.keySet().toString());
    }

    @Test
    void lagPanelsQueryTheTeamsGroupsOnly() {
        // The team's groups: its service, and the decision group of its dead-letter topic (pending decisions).
        assertEquals("max by (group, topic) (kafka_consumergroup_topic_max_lag_age_seconds{cluster=\"$cluster\","
                        + " group=\"fulfillment-service\"} or kafka_consumergroup_topic_max_lag_age_seconds{"
                        + "cluster=\"$cluster\", group=\"fulfillment-dlq-decisions\"})",
                GeneratedDashboards.panel(FULFILLMENT, "Lag age by group and topic").path("targets").get(0)
                        .path("expr").asText());
        JsonNode table = GeneratedDashboards.panel(FULFILLMENT, "Partitions: lag age, lag and status");
        assertEquals("max by (group, topic, partition, status) (kafka_consumergroup_partition_status{"
                        + "cluster=\"$cluster\", group=\"fulfillment-service\"} == 1 or"
                        + " kafka_consumergroup_partition_status{cluster=\"$cluster\","
                        + " group=\"fulfillment-dlq-decisions\"} == 1)",
                table.path("targets").get(2).path("expr").asText());
        assertEquals("table", table.path("targets").get(0).path("format").asText());
        assertEquals("merge", table.path("transformations").get(0).path("id").asText());
    }

    @Test
    void linksTheRunbooksOfItsAlerts() {
        JsonNode dashboard = GeneratedDashboards.parse(new DashboardGenerator(DashboardOptions.defaults()
                .withRunbookBaseUrl("https://runbooks.example/kafka/")).generate(EXAMPLE).files()
                .get(DashboardGenerator.teamPath("fulfillment")));
        List<String> urls = new ArrayList<>();
        dashboard.path("links").forEach(l -> urls.add(l.path("url").asText()));
        assertTrue(urls.contains("https://runbooks.example/kafka/kafkaconsumerlagagecritical.md"), urls.toString());
        assertTrue(urls.contains("/d/" + DashboardUids.wall("orders-prod")), urls.toString());
    }

    @Test
    void teamVariableIsFixedAndHidden() {
        JsonNode team = null;
        for (JsonNode v : FULFILLMENT.path("templating").path("list")) {
            if (v.path("name").asText().equals("team")) {
                team = v;
            }
        }
        assertEquals("fulfillment", team.path("current").path("value").asText());
        assertEquals(2, team.path("hide").asInt());
    }
}
