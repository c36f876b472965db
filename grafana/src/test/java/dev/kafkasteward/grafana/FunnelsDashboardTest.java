package dev.kafkasteward.grafana;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kafkasteward.contract.output.DashboardUids;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FunnelsDashboardTest {

    private static final JsonNode FUNNELS = GeneratedDashboards.of(ExampleOwnership.load())
            .get(DashboardGenerator.FUNNELS_PATH);

    @Test
    void conversionBetweenEveryPairOfConsecutiveStages() {
        assertEquals(DashboardUids.funnels("orders-prod"), FUNNELS.path("uid").asText());
        JsonNode conversion = GeneratedDashboards.panel(FUNNELS, "Conversion between stages");
        List<String> legends = new ArrayList<>();
        conversion.path("targets").forEach(t -> legends.add(t.path("legendFormat").asText()));
        assertEquals(List.of("accepted → paid", "paid → reserved", "reserved → dispatched"), legends);
        assertEquals("sum(rate(kafka_funnel_stage_events_total{cluster=\"$cluster\", funnel=\"order-lifecycle\","
                        + " stage=\"paid\"}[$__rate_interval])) / sum(rate(kafka_funnel_stage_events_total{"
                        + "cluster=\"$cluster\", funnel=\"order-lifecycle\", stage=\"accepted\"}[$__rate_interval]))",
                conversion.path("targets").get(0).path("expr").asText());
        assertEquals(List.of(), DashboardLint.check(FUNNELS));
    }

    @Test
    void noFunnelsNoDashboard() {
        assertFalse(GeneratedDashboards.of(ClaimTest.MIXED).containsKey(DashboardGenerator.FUNNELS_PATH));
    }
}
