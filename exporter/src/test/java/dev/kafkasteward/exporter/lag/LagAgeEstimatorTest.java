package dev.kafkasteward.exporter.lag;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kafkasteward.exporter.observation.GroupOffsets;
import dev.kafkasteward.exporter.observation.LogOffsets;
import dev.kafkasteward.exporter.observation.Observation;
import dev.kafkasteward.exporter.observation.RecordPosition;
import dev.kafkasteward.exporter.observation.TopicPartitionId;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LagAgeEstimatorTest {

    private static final TopicPartitionId P0 = new TopicPartitionId("orders", 0);
    private static final TopicPartitionId P1 = new TopicPartitionId("orders", 1);
    private static final Instant T0 = Instant.parse("2026-11-22T12:00:00Z");

    @Test
    void coldStartWantsTheRecordReadAndThenKnowsItExactly() {
        LagHistory history = new LagHistory();
        Observation first = observation(T0, 40, 100);
        history.observe(first);

        List<RecordPosition> wanted = LagAgeEstimator.readsWanted(first, history, 10);
        assertEquals(List.of(new RecordPosition(P0, 40)), wanted);

        history.remember(Map.of(new RecordPosition(P0, 40), T0.minusSeconds(600).toEpochMilli()));
        LagSnapshot lag = new LagAnalyzer().analyze(first, history);
        assertEquals(new LagAge.Known(600.0), lag.partitions().get(0).age());
        assertTrue(LagAgeEstimator.readsWanted(first, history, 10).isEmpty(), "a known position is not read again");
    }

    @Test
    void steadyProductionIsInterpolatedWithoutReads() {
        LagHistory history = new LagHistory();
        // 100 records/s observed every second for a minute; the group is 30 s behind.
        Observation last = null;
        for (int s = 0; s <= 60; s++) {
            last = observation(T0.plusSeconds(s), Math.max(0, s - 30) * 100L, s * 100L);
            history.observe(last);
        }

        assertTrue(LagAgeEstimator.readsWanted(last, history, 10).isEmpty(), "1 s brackets are precise enough");
        assertInstanceOf(AgeEstimate.Interpolated.class, LagAgeEstimator.estimate(history, new RecordPosition(P0, 3000)));
        double age = ((LagAge.Known) new LagAnalyzer().analyze(last, history).partitions().get(0).age()).seconds();
        assertTrue(Math.abs(age - 30.0) <= 1.0, "age " + age);
    }

    @Test
    void wideBracketsAreReadLoosestFirstWithinTheBudget() {
        LagHistory history = new LagHistory();
        // Both partitions get 100 records in each of a 10 s and a 50 s interval. P0's group sits in the 50 s one
        // (±25 s, age ~25 s), P1's in the 10 s one (±5 s, age ~55 s): both beyond their tolerance (1 s, 1.1 s),
        // P0 by more.
        history.observe(observation(T0, Map.of(P0, 0L, P1, 0L), Map.of(P0, 0L, P1, 0L)));
        history.observe(observation(T0.plusSeconds(10), Map.of(P0, 0L, P1, 0L), Map.of(P0, 100L, P1, 100L)));
        Observation later = observation(T0.plusSeconds(60), Map.of(P0, 150L, P1, 50L), Map.of(P0, 200L, P1, 200L));
        history.observe(later);

        assertEquals(List.of(new RecordPosition(P0, 150)), LagAgeEstimator.readsWanted(later, history, 1),
                "a budget of one goes to the loosest");
        assertEquals(List.of(new RecordPosition(P0, 150), new RecordPosition(P1, 50)),
                LagAgeEstimator.readsWanted(later, history, 10), "loosest first");
    }

    @Test
    void theBudgetCountsPartitionsNotPositions() {
        // Three groups at three offsets of P0, one group on P1; nothing known yet: all four are wanted.
        Observation o = Observation.ofOffsets(T0,
                List.of(new GroupOffsets("a", Map.of(P0, 10L, P1, 5L)), new GroupOffsets("b", Map.of(P0, 20L)),
                        new GroupOffsets("c", Map.of(P0, 30L))),
                Map.of(P0, new LogOffsets(0, 100), P1, new LogOffsets(0, 100)), Map.of());
        LagHistory history = new LagHistory();
        history.observe(o);

        // All are unbracketed, equally needed: the tie goes to the first partition, P0.
        List<RecordPosition> p0 = List.of(new RecordPosition(P0, 10), new RecordPosition(P0, 20),
                new RecordPosition(P0, 30));
        assertEquals(p0, LagAgeEstimator.readsWanted(o, history, 1),
                "a budget of one partition takes every wanted position in it");
        List<RecordPosition> all = new java.util.ArrayList<>(p0);
        all.add(new RecordPosition(P1, 5));
        assertEquals(all, LagAgeEstimator.readsWanted(o, history, 2));
    }

    @Test
    void toleranceIsTheLargerOfOneSecondAndTwoPercent() {
        assertEquals(1_000, LagAgeEstimator.toleranceMs(0));
        assertEquals(1_000, LagAgeEstimator.toleranceMs(10_000));
        assertEquals(1_000, LagAgeEstimator.toleranceMs(50_000), "where the two meet");
        assertEquals(1_200, LagAgeEstimator.toleranceMs(60_000));
        assertEquals(12_000, LagAgeEstimator.toleranceMs(600_000));
    }

    private static Observation observation(Instant at, long committed, long end) {
        return observation(at, Map.of(P0, committed), Map.of(P0, end));
    }

    private static Observation observation(Instant at, Map<TopicPartitionId, Long> committed,
                                           Map<TopicPartitionId, Long> ends) {
        Map<TopicPartitionId, LogOffsets> logs = new java.util.HashMap<>();
        ends.forEach((tp, e) -> logs.put(tp, new LogOffsets(0, e)));
        return Observation.ofOffsets(at, List.of(new GroupOffsets("g", committed)), logs, Map.of());
    }
}
