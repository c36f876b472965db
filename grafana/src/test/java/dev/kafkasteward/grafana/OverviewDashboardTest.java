package dev.kafkasteward.grafana;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Structural golden checks of the overview generated for the example order platform. */
class OverviewDashboardTest {

    private static final JsonNode OVERVIEW = GeneratedDashboards.of(ExampleOwnership.load())
            .get(DashboardGenerator.OVERVIEW_PATH);

    @Test
    void identityAndSettings() {
        assertEquals("ks-overview-orders-prod", OVERVIEW.path("uid").asText());
        assertEquals("Kafka Steward / Overview / orders-prod", OVERVIEW.path("title").asText());
        assertEquals(false, OVERVIEW.path("editable").asBoolean(true));
        assertEquals("now-6h", OVERVIEW.path("time").path("from").asText());
        assertTrue(texts(OVERVIEW.path("tags")).contains("kafka-steward"));
    }

    @Test
    void variablesAreDatasourceClusterAndTeam() {
        JsonNode vars = OVERVIEW.path("templating").path("list");
        assertEquals(List.of("datasource", "cluster", "team"), texts(vars.findValues("name")));
        assertEquals("label_values(kafka_steward_snapshot_age_seconds, cluster)", vars.get(1).path("query").asText());
        assertEquals("orders-prod", vars.get(1).path("current").path("value").asText());
        assertEquals("custom", vars.get(2).path("type").asText());
        assertEquals("checkout,customer-timeline,fulfillment,payments,platform", vars.get(2).path("query").asText());
    }

    @Test
    void oneRowPerTeamOwningConsumerGroups() {
        List<String> rows = new ArrayList<>();
        OVERVIEW.path("panels").forEach(p -> {
            if (p.path("type").asText().equals("row")) {
                rows.add(p.path("title").asText());
            }
        });
        assertEquals(List.of("Team customer-timeline", "Team fulfillment"), rows);
    }

    @Test
    void fulfillmentLagPanelsQueryItsGroups() {
        JsonNode lagAge = panel("Lag age — fulfillment");
        assertEquals("timeseries", lagAge.path("type").asText());
        assertEquals("s", lagAge.path("fieldConfig").path("defaults").path("unit").asText());
        assertEquals("max by (group, topic) (kafka_consumergroup_lag_age_seconds{cluster=\"$cluster\","
                + " group=~\"fulfillment-service\"})", lagAge.path("targets").get(0).path("expr").asText());
        assertEquals("{{group}} {{topic}}", lagAge.path("targets").get(0).path("legendFormat").asText());

        JsonNode records = panel("Lag (records) — fulfillment");
        assertEquals("short", records.path("fieldConfig").path("defaults").path("unit").asText());
        assertEquals("sum by (group, topic) (kafka_consumergroup_lag_records{cluster=\"$cluster\","
                + " group=~\"fulfillment-service\"})", records.path("targets").get(0).path("expr").asText());
    }

    @Test
    void healthStats() {
        JsonNode urp = panel("Under-replicated partitions");
        assertEquals("stat", urp.path("type").asText());
        assertEquals("sum(kafka_topic_under_replicated_partitions{cluster=\"$cluster\"})",
                urp.path("targets").get(0).path("expr").asText());
        JsonNode stale = panel("Exporter staleness");
        assertEquals("s", stale.path("fieldConfig").path("defaults").path("unit").asText());
        assertEquals("max(kafka_steward_snapshot_age_seconds{cluster=\"$cluster\"})",
                stale.path("targets").get(0).path("expr").asText());
    }

    @Test
    void panelDatasourceIsTheTemplatedPrometheus() {
        JsonNode ds = panel("Lag age — fulfillment").path("datasource");
        assertEquals("{\"type\":\"prometheus\",\"uid\":\"${datasource}\"}", ds.toString());
    }

    private static JsonNode panel(String title) {
        return GeneratedDashboards.dataPanels(OVERVIEW).stream().filter(p -> p.path("title").asText().equals(title))
                .findFirst().orElseThrow(() -> new AssertionError("no panel " + title));
    }

    private static List<String> texts(Iterable<JsonNode> nodes) {
        List<String> out = new ArrayList<>();
        nodes.forEach(n -> out.add(n.asText()));
        return out;
    }
}
