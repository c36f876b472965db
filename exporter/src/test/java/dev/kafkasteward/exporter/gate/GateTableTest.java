package dev.kafkasteward.exporter.gate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class GateTableTest {

    private static final Instant NOW = Instant.parse("2026-12-07T12:10:00Z");

    @Test
    void oneAlignedRowPerBlockerWithSinceAndAge() {
        String table = GateTable.render(List.of(
                new Blocker("broker_down", "broker=3", 0, "== 0", "platform", Optional.of(NOW.minusSeconds(400))),
                new Blocker("consumer_lag_age", "alertname=KafkaConsumerLagAgeCritical,group=fulfillment", 1,
                        "firing", "fulfillment", Optional.empty())), NOW);
        assertEquals("""
                CONDITION         ASSET                                                    VALUE  THRESHOLD  OWNER        SINCE
                broker_down       broker=3                                                 0      == 0       platform     2026-12-07T12:03:20Z (6m ago)
                consumer_lag_age  alertname=KafkaConsumerLagAgeCritical,group=fulfillment  1      firing     fulfillment  -
                """, table);
    }

    @Test
    void numbersPrintWholeOrWithFourDigits() {
        assertEquals("3", GateTable.number(3.0));
        assertEquals("0.1235", GateTable.number(0.123456));
        assertEquals("45s", GateTable.ago(NOW.minusSeconds(45), NOW));
        assertEquals("2h5m", GateTable.ago(NOW.minusSeconds(7_500), NOW));
    }

    @Test
    void clustersAreReadFromTheRulesSelectors() {
        assertEquals(Set.of("orders-prod", "a\"b"), Gate.clusters(List.of(
                "max by (cluster, topic) (x{cluster=\"orders-prod\", topic=\"t\"}) > 0",
                "ALERTS{alertstate=\"firing\",cluster=\"a\\\"b\"}")));
    }
}
