package dev.kafkasteward.exporter.funnel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kafkasteward.contract.ownership.Funnel;
import dev.kafkasteward.contract.ownership.PromDuration;
import dev.kafkasteward.exporter.observation.FunnelSnapshot;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The order funnel of seed 000 with synthetic records and a fixed "now". */
class FunnelTrackerTest {

    private static final Instant NOW = Instant.parse("2026-11-22T12:00:00Z");
    private static final String ORDERS = "orders.accepted.v1";
    private static final String PAYMENTS = "payments.results.v1";
    private static final String RESERVATIONS = "inventory.reservations.v1";
    private static final String DISPATCHES = "orders.dispatched.v1";

    private static Funnel orderFunnel(Funnel.Correlation correlation, int windowMinutes) {
        return new Funnel("order-lifecycle", "fulfillment", "tier-1", Optional.of(correlation),
                PromDuration.ofSeconds(windowMinutes * 60L), List.of(
                new Funnel.Stage("accepted", ORDERS, Optional.empty(), Optional.of(PromDuration.ofSeconds(120))),
                new Funnel.Stage("paid", PAYMENTS, Optional.of(new Funnel.Match.Header("event-type", "PaymentConfirmed")),
                        Optional.of(PromDuration.ofSeconds(300))),
                new Funnel.Stage("reserved", RESERVATIONS, Optional.empty(), Optional.of(PromDuration.ofSeconds(600))),
                new Funnel.Stage("dispatched", DISPATCHES, Optional.empty(), Optional.empty())));
    }

    private static TestRecord json(String topic, String orderId, Instant at, String... headers) {
        return TestRecord.of(topic, Math.abs(orderId.hashCode()) % 3, at.toEpochMilli(), orderId,
                "{\"customer\":{\"id\":7},\"orderId\":\"" + orderId + "\",\"amount\":12}", headers);
    }

    private static Map<String, Long> waiting(FunnelSnapshot s) {
        Map<String, Long> out = new TreeMap<>();
        s.funnels().get(0).stages().forEach(st -> st.waiting().ifPresent(n -> out.put(st.stage(), n)));
        return out;
    }

    private static Map<String, Long> overdue(FunnelSnapshot s) {
        Map<String, Long> out = new TreeMap<>();
        s.funnels().get(0).stages().forEach(st -> st.overdue().ifPresent(n -> out.put(st.stage(), n)));
        return out;
    }

    @Test
    void keysWaitInTheirFurthestStageWhateverOrderTheTopicsAreReadIn() {
        FunnelTracker t = new FunnelTracker(List.of(orderFunnel(new Funnel.Correlation.JsonField("orderId"), 60)), 100);
        Instant t0 = NOW.minus(Duration.ofMinutes(30));
        // o-1 completes, read backwards; o-2 is paid and reserved but its payment is read first.
        t.apply(json(DISPATCHES, "o-1", t0.plusSeconds(30)), true);
        t.apply(json(RESERVATIONS, "o-1", t0.plusSeconds(20)), true);
        t.apply(json(PAYMENTS, "o-1", t0.plusSeconds(10), "event-type", "PaymentConfirmed"), true);
        t.apply(json(ORDERS, "o-1", t0), true);
        t.apply(json(PAYMENTS, "o-2", t0.plusSeconds(10), "event-type", "PaymentConfirmed"), true);
        t.apply(json(ORDERS, "o-2", t0), true);
        // o-3: accepted, payment declined (no stage), so it waits in accepted.
        t.apply(json(ORDERS, "o-3", NOW.minusSeconds(60)), true);
        t.apply(json(PAYMENTS, "o-3", NOW.minusSeconds(50), "event-type", "PaymentDeclined"), true);

        FunnelSnapshot s = t.sweep(NOW, Set.of(), Set.of());
        assertEquals(Map.of("accepted", 1L, "paid", 1L, "reserved", 0L), waiting(s));
        assertEquals(Map.of("accepted", 0L, "paid", 1L, "reserved", 0L), overdue(s),
                "o-3 waits 60 s < 2 m; o-2 entered paid 30 min ago > 5 m");
        FunnelSnapshot.FunnelStats f = s.funnels().get(0);
        assertEquals(OptionalLong.of(1), f.completedKeys());
        assertEquals(1, f.completions());
        assertEquals(List.of(3L, 2L, 1L, 1L), f.stages().stream().map(FunnelSnapshot.StageStats::events).toList());
    }

    @Test
    void duplicatesMoveTheKeyOnceKeepTheFirstEntryTimeAndAreCounted() {
        FunnelTracker t = new FunnelTracker(List.of(orderFunnel(new Funnel.Correlation.RecordKey(), 60)), 100);
        t.apply(json(ORDERS, "o-1", NOW.minusSeconds(100)), true);
        t.apply(json(ORDERS, "o-1", NOW.minusSeconds(10)), true); // producer retry, read later
        t.apply(json(ORDERS, "o-1", NOW.minusSeconds(200)), true); // an earlier duplicate read last
        t.apply(json(ORDERS, "o-2", NOW.minusSeconds(5)), false); // re-read while rebuilding: no counter
        t.apply(json(ORDERS, "o-2", NOW.minusSeconds(5)), false);
        FunnelSnapshot s = t.sweep(NOW, Set.of(), Set.of());
        assertEquals(1, s.funnels().get(0).stages().get(0).events());
        assertEquals(2, s.funnels().get(0).stages().get(0).duplicates(), "two events of o-1 after its first");
        assertEquals(1L, overdue(s).get("accepted"), "entered 200 s ago, max_wait 120 s");
    }

    @Test
    void aKeyArrivingOnAnotherPartitionNumberIsCountedAsMisplaced() {
        FunnelTracker t = new FunnelTracker(List.of(orderFunnel(new Funnel.Correlation.JsonField("orderId"), 60)), 100);
        Instant at = NOW.minusSeconds(30);
        String value = "{\"orderId\":\"o-1\"}";
        t.apply(TestRecord.of(ORDERS, 0, at.toEpochMilli(), "o-1", value), true);
        t.apply(TestRecord.of(PAYMENTS, 0, at.toEpochMilli(), "pay-1", value, "event-type", "PaymentConfirmed"), true);
        t.apply(TestRecord.of(PAYMENTS, 2, at.toEpochMilli(), "pay-2", "{\"orderId\":\"o-1\"}", "event-type",
                "PaymentConfirmed"), true); // keyed by payment id: o-1 lands on partition 2
        List<FunnelSnapshot.StageStats> stages = t.sweep(NOW, Set.of(), Set.of()).funnels().get(0).stages();
        assertEquals(0, stages.get(0).misplaced());
        assertEquals(1, stages.get(1).misplaced(), "o-1 was followed on partition 0 already");
    }

    @Test
    void eventsWithoutAReadableKeyAreCountedByReason() {
        FunnelTracker t = new FunnelTracker(List.of(orderFunnel(new Funnel.Correlation.JsonField("orderId"), 60)), 100);
        Instant at = NOW.minusSeconds(30);
        t.apply(TestRecord.of(ORDERS, 0, at.toEpochMilli(), "k", "{\"amount\":12}"), true); // no field
        t.apply(TestRecord.of(ORDERS, 0, at.toEpochMilli(), "k", "{\"orderId\":null}"), true); // JSON null
        t.apply(TestRecord.of(ORDERS, 0, at.toEpochMilli(), "k", "orderId=o-9"), true); // not JSON
        t.apply(TestRecord.of(ORDERS, 0, at.toEpochMilli(), "k", "{\"orderId\":{\"id\":1}}"), true); // an object
        t.apply(json(ORDERS, "o-1", at), true);
        FunnelSnapshot.StageStats accepted = t.sweep(NOW, Set.of(), Set.of()).funnels().get(0).stages().get(0);
        assertEquals(Map.of("missing", 2L, "unparsable", 2L), accepted.misses());
        assertEquals(5, accepted.events(), "they reached the stage: counted as events, just not followed");

        FunnelTracker byHeader = new FunnelTracker(List.of(orderFunnel(new Funnel.Correlation.Header("order-id"), 60)),
                100);
        byHeader.apply(json(ORDERS, "o-1", at), true);
        assertEquals(Map.of("missing", 1L, "unparsable", 0L),
                byHeader.sweep(NOW, Set.of(), Set.of()).funnels().get(0).stages().get(0).misses());
    }

    @Test
    void rebuiltRecordsRestoreStateButNoCounters() {
        FunnelTracker t = new FunnelTracker(List.of(orderFunnel(new Funnel.Correlation.RecordKey(), 60)), 100);
        t.apply(json(ORDERS, "o-1", NOW.minusSeconds(500)), false);
        t.apply(json(DISPATCHES, "o-2", NOW.minusSeconds(500)), false);
        FunnelSnapshot s = t.sweep(NOW, Set.of(), Set.of());
        assertEquals(1L, waiting(s).get("accepted"));
        assertEquals(0, s.funnels().get(0).completions());
        assertEquals(0, s.funnels().get(0).stages().get(0).events());
    }

    @Test
    void keysOlderThanTheWindowExpireAndCompletedKeysStayUntilThen() {
        FunnelTracker t = new FunnelTracker(List.of(orderFunnel(new Funnel.Correlation.RecordKey(), 10)), 100);
        t.apply(json(ORDERS, "old", NOW.minus(Duration.ofMinutes(11))), true);
        t.apply(json(ORDERS, "done", NOW.minus(Duration.ofMinutes(9))), true);
        t.apply(json(DISPATCHES, "done", NOW.minus(Duration.ofMinutes(8))), true);
        FunnelSnapshot s = t.sweep(NOW, Set.of(), Set.of());
        assertEquals(0L, waiting(s).get("accepted"));
        assertEquals(1, s.funnels().get(0).stages().get(0).expired());
        // A late accepted event of a completed key does not make it wait again.
        t.apply(json(ORDERS, "done", NOW.minus(Duration.ofMinutes(9))), true);
        assertEquals(0L, waiting(t.sweep(NOW, Set.of(), Set.of())).get("accepted"));
        assertEquals(0, t.trackedKeys() - 1, "only the completed key is left");
        assertEquals(0, t.sweep(NOW.plus(Duration.ofMinutes(3)), Set.of(), Set.of()).funnels().get(0)
                .completedKeys().getAsLong(), "completed keys leave with the window too");
    }

    @Test
    void trackedKeysAreBoundedAndOverflowIsCounted() {
        FunnelTracker t = new FunnelTracker(List.of(orderFunnel(new Funnel.Correlation.RecordKey(), 60)), 2);
        for (int i = 0; i < 5; i++) {
            t.apply(json(ORDERS, "o-" + i, NOW), true);
        }
        FunnelSnapshot.FunnelStats f = t.sweep(NOW, Set.of(), Set.of()).funnels().get(0);
        assertEquals(2, t.trackedKeys());
        assertEquals(3, f.overflows());
        assertEquals(5, f.stages().get(0).events(), "every event that reached the stage is counted");
    }

    @Test
    void droppingARevokedPartitionForgetsItsKeysAndRebuildingWithholdsWaiting() {
        FunnelTracker t = new FunnelTracker(List.of(orderFunnel(new Funnel.Correlation.RecordKey(), 60)), 100);
        t.apply(TestRecord.of(ORDERS, 0, NOW.toEpochMilli(), "a", "x"), true);
        t.apply(TestRecord.of(ORDERS, 1, NOW.toEpochMilli(), "b", "x"), true);
        t.dropPartition(ORDERS, 1);
        assertEquals(1L, waiting(t.sweep(NOW, Set.of(), Set.of())).get("accepted"));
        FunnelSnapshot rebuilding = t.sweep(NOW, Set.of(), Set.of(PAYMENTS));
        assertTrue(rebuilding.funnels().get(0).rebuilding());
        assertEquals(Map.of(), waiting(rebuilding));
    }

    @Test
    void jsonFieldMatchesAndCorrelationReadNestedFieldsAndIgnoreNonJson() {
        Funnel f = new Funnel("payments", "payments", "tier-1", Optional.of(new Funnel.Correlation.JsonField("order.id")),
                PromDuration.ofSeconds(3600), List.of(
                new Funnel.Stage("confirmed", PAYMENTS, Optional.of(new Funnel.Match.JsonField("status", "OK")),
                        Optional.empty()),
                new Funnel.Stage("refunded", PAYMENTS, Optional.of(new Funnel.Match.JsonField("status", "REFUND")),
                        Optional.empty())));
        FunnelTracker t = new FunnelTracker(List.of(f), 100);
        long ms = NOW.toEpochMilli();
        t.apply(TestRecord.of(PAYMENTS, 0, ms, null, "{\"x\":[1,{\"status\":\"REFUND\"}],\"order\":{\"id\":42},\"status\":\"OK\"}"), true);
        t.apply(TestRecord.of(PAYMENTS, 0, ms, null, "{\"order\":{\"id\":\"43\"},\"status\":\"OK\"}"), true);
        t.apply(TestRecord.of(PAYMENTS, 0, ms, null, "{\"order\":{\"id\":\"43\"},\"status\":\"REFUND\"}"), true);
        t.apply(TestRecord.of(PAYMENTS, 0, ms, null, "{not json \"status\""), true);
        t.apply(TestRecord.of(PAYMENTS, 0, ms, null, null), true);
        FunnelSnapshot.FunnelStats s = t.sweep(NOW, Set.of(), Set.of()).funnels().get(0);
        assertEquals(List.of(2L, 1L), s.stages().stream().map(FunnelSnapshot.StageStats::events).toList());
        assertEquals(OptionalLong.of(1), s.stages().get(0).waiting(), "42 waits in confirmed, 43 completed");
        assertEquals(OptionalLong.of(1), s.completedKeys());
    }

    @Test
    void funnelsWithoutCorrelationOnlyCountEvents() {
        Funnel f = new Funnel("plain", "checkout", "tier-2", Optional.empty(), Funnel.DEFAULT_WINDOW, List.of(
                new Funnel.Stage("accepted", ORDERS, Optional.empty(), Optional.of(PromDuration.ofSeconds(60)))));
        FunnelTracker t = new FunnelTracker(List.of(f), 100);
        t.apply(json(ORDERS, "o-1", NOW), true);
        t.apply(json(ORDERS, "o-1", NOW), true);
        FunnelSnapshot.FunnelStats s = t.sweep(NOW, Set.of(), Set.of()).funnels().get(0);
        assertEquals(2, s.stages().get(0).events());
        assertTrue(s.stages().get(0).waiting().isEmpty());
        assertTrue(s.completedKeys().isEmpty());
    }
}
