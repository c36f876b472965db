package dev.kafkasteward.grafana;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kafkasteward.contract.ownership.Ownership;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PanelQueriesTest {

    @Test
    void everyQueryOfEveryPanelWithNoVariableLeft() {
        Ownership ownership = ExampleOwnership.load();
        List<PanelQueries.PanelQuery> queries = PanelQueries.of(new DashboardGenerator().dashboards(ownership),
                PanelQueries.defaults(ownership));
        long targets = GeneratedDashboards.of(ownership).values().stream()
                .flatMap(d -> GeneratedDashboards.dataPanels(d).stream())
                .mapToLong(p -> p.path("targets").size()).sum();
        assertEquals(targets, queries.size());
        queries.forEach(q -> assertFalse(q.expr().contains("$"), q.toString()));
        assertTrue(queries.stream().anyMatch(q -> q.expr().contains("cluster=\"orders-prod\"")));
        assertTrue(queries.stream().anyMatch(q -> q.expr().contains("[1m]")));
    }

    @Test
    void substitutesEveryVariableSpellingAndRefusesUnknownOnes() {
        Map<String, String> values = Map.of("cluster", "c1", "job", "kafka", "__rate_interval", "2m");
        assertEquals("rate(x{cluster=\"c1\", job=~\"kafka\"}[2m])",
                PanelQueries.substitute("rate(x{cluster=\"$cluster\", job=~\"${job:regex}\"}[$__rate_interval])", values));
        assertThrows(IllegalArgumentException.class, () -> PanelQueries.substitute("x{a=\"$nope\"}", values));
    }
}
