package dev.kafkasteward.exporter.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kafkasteward.exporter.observation.ClusterState;
import dev.kafkasteward.exporter.observation.DeadLetterObservation;
import dev.kafkasteward.exporter.observation.FunnelSnapshot;
import dev.kafkasteward.exporter.observation.GroupOffsets;
import dev.kafkasteward.exporter.observation.LogOffsets;
import dev.kafkasteward.exporter.observation.Observation;
import dev.kafkasteward.exporter.observation.TopicPartitionId;
import dev.kafkasteward.exporter.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CollectionLoopTest {

    private static final Instant T0 = Instant.parse("2026-11-22T12:00:00Z");
    private static final TopicPartitionId P0 = new TopicPartitionId("orders", 0);

    private final MutableClock clock = new MutableClock(T0);
    private final Deque<Observation> observations = new ArrayDeque<>();
    private final CollectionLoop loop = new CollectionLoop(observations::pop, new Analysis(), clock,
            Duration.ofSeconds(15));

    @Test
    void notReadyAndStaleSinceStartUntilTheFirstSuccess() {
        observations.push(unreachable());
        clock.advance(Duration.ofSeconds(20));

        loop.runOnce();

        assertFalse(loop.ready());
        assertEquals(20.0, loop.state().status().stalenessSeconds(clock.instant()));
        assertEquals(Map.of("list_groups", 1L, "list_topics", 1L), loop.state().status().errors());
    }

    @Test
    void unreachableClusterKeepsTheLastSnapshotAndStalenessGrows() {
        observations.add(healthy(T0));
        observations.add(unreachable());
        loop.runOnce();
        Snapshot first = loop.state().snapshot().orElseThrow();

        clock.advance(Duration.ofSeconds(45));
        loop.runOnce();

        assertTrue(loop.ready());
        assertSame(first, loop.state().snapshot().orElseThrow(), "no series vanish while Kafka is unreachable");
        assertEquals(45.0, loop.state().status().stalenessSeconds(clock.instant()));
        assertEquals(1, loop.state().status().successes());
        assertEquals(1, loop.state().status().failures());
    }

    @Test
    void aNonEssentialErrorPublishesThePartialSnapshotButIsNotASuccess() {
        observations.add(new Observation(T0, List.of(), List.of(new GroupOffsets("g", Map.of(P0, 1L))), Map.of(),
                Map.of(P0, new LogOffsets(0, 3)), Map.of(), Map.of(), Map.of("record_timestamps", 1)));

        loop.runOnce();

        Snapshot s = loop.state().snapshot().orElseThrow();
        assertFalse(s.complete());
        assertEquals(2, s.lag().partitions().get(0).records().getAsLong());
        assertEquals(1, loop.state().status().partials(), "a partial refresh counts as partial, not as a success");
        assertEquals(0, loop.state().status().successes());
        assertEquals(0.0, loop.state().status().stalenessSeconds(clock.instant()), "the data was refreshed");
    }

    @Test
    void aGroupListingSomeBrokersAnsweredIsAPartialRefreshNotAFailure() {
        Observation healthy = healthy(T0);
        observations.add(new Observation(T0, List.of(), healthy.groups(), Map.of(), healthy.logOffsets(), Map.of(),
                Map.of(), Map.of("list_groups", 1), ClusterState.UNKNOWN, Map.of(), List.of(),
                DeadLetterObservation.EMPTY, FunnelSnapshot.EMPTY, true));

        loop.runOnce();

        Snapshot s = loop.state().snapshot().orElseThrow();
        assertFalse(s.complete());
        assertEquals(2, s.lag().partitions().get(0).records().getAsLong());
        assertEquals(1, loop.state().status().partials());
        assertEquals(0, loop.state().status().failures());
        assertEquals(Map.of("list_groups", 1L), loop.state().status().errors());
    }

    @Test
    void aThrowingCollectorIsCountedAndTheLoopGoesOn() {
        CollectionLoop throwing = new CollectionLoop(() -> {
            throw new IllegalStateException("boom");
        }, new Analysis(), clock, Duration.ofSeconds(1));

        throwing.runOnce();
        throwing.runOnce();

        assertEquals(Map.of("cycle", 2L), throwing.state().status().errors());
    }

    @Test
    void aCycleThrowingAnErrorIsCountedAndTheNextCycleRuns() {
        Deque<Object> script = new ArrayDeque<>(List.of(new StackOverflowError("deep"), healthy(T0)));
        CollectionLoop throwing = new CollectionLoop(() -> {
            Object next = script.pop();
            if (next instanceof Error e) {
                throw e;
            }
            return (Observation) next;
        }, new Analysis(), clock, Duration.ofSeconds(15));

        throwing.runOnce();
        assertEquals(Map.of("cycle", 1L), throwing.state().status().errors());
        assertFalse(throwing.ready());

        throwing.runOnce();
        assertTrue(throwing.ready(), "the cycle after the Error collected");
    }

    @Test
    void theScheduledLoopSurvivesAnError() throws Exception {
        java.util.concurrent.CountDownLatch secondCycle = new java.util.concurrent.CountDownLatch(2);
        try (CollectionLoop scheduled = new CollectionLoop(() -> {
            secondCycle.countDown();
            if (secondCycle.getCount() == 1) {
                throw new OutOfMemoryError("simulated");
            }
            return healthy(T0);
        }, new Analysis(), clock, Duration.ofMillis(10))) {
            scheduled.start();
            assertTrue(secondCycle.await(30, java.util.concurrent.TimeUnit.SECONDS),
                    "a periodic task that threw would never have run again");
        }
    }

    @Test
    void stuckWhenNoCycleStartsOrOneRunsTooLong() {
        CollectionLoop watched = new CollectionLoop(() -> healthy(T0), new Analysis(), clock, Duration.ofSeconds(15),
                Duration.ofSeconds(90));
        assertEquals(java.util.Optional.empty(), watched.stuck(), "just created");
        watched.runOnce();
        clock.advance(Duration.ofSeconds(90));
        assertEquals(java.util.Optional.empty(), watched.stuck(), "at the limit");
        clock.advance(Duration.ofSeconds(1));
        assertEquals(java.util.Optional.of("no collection cycle has started for 91 s"), watched.stuck());
        watched.runOnce();
        assertEquals(java.util.Optional.empty(), watched.stuck(), "a cycle ran");

        java.util.List<java.util.Optional<String>> seenDuringTheCycle = new java.util.ArrayList<>();
        CollectionLoop[] hanging = new CollectionLoop[1];
        hanging[0] = new CollectionLoop(() -> {
            clock.advance(Duration.ofSeconds(120)); // a cycle hanging on Kafka
            seenDuringTheCycle.add(hanging[0].stuck());
            return healthy(T0);
        }, new Analysis(), clock, Duration.ofSeconds(15), Duration.ofSeconds(90));
        hanging[0].runOnce();
        assertEquals(List.of(java.util.Optional.of("a collection cycle has been running for 120 s")),
                seenDuringTheCycle);
        assertEquals(java.util.Optional.empty(), hanging[0].stuck(), "it ended");
    }

    private static Observation healthy(Instant at) {
        return Observation.ofOffsets(at, List.of(new GroupOffsets("g", Map.of(P0, 1L))),
                Map.of(P0, new LogOffsets(0, 3)), Map.of());
    }

    private static Observation unreachable() {
        return new Observation(T0, List.of(), List.of(), Map.of(), Map.of(), Map.of(), Map.of(),
                Map.of("list_groups", 1, "list_topics", 1));
    }

    @Test
    void aGroupMissingFromACycleThatFailedToReadOffsetsIsCarriedBrieflyThenDropped() {
        observations.add(healthy(T0));
        for (int i = 0; i < 5; i++) {
            // Offsets unreadable (a coordinator moving): the group is missing, not known to be gone.
            observations.add(new Observation(T0, List.of(), List.of(), Map.of(), Map.of(), Map.of(), Map.of(),
                    Map.of("group_offsets", 1)));
        }
        loop.runOnce();
        for (int cycle = 1; cycle <= 3; cycle++) {
            loop.runOnce();
            assertEquals(1, loop.state().snapshot().orElseThrow().lag().groups().size(),
                    "carried in absent cycle " + cycle);
        }
        loop.runOnce();
        assertTrue(loop.state().snapshot().orElseThrow().lag().groups().isEmpty(), "gone after the grace");
    }

    @Test
    void aGroupMissingFromACycleThatReadEveryGroupIsGoneAtOnce() {
        observations.add(healthy(T0));
        observations.add(Observation.ofOffsets(T0, List.of(), Map.of(), Map.of()));
        loop.runOnce();
        assertEquals(1, loop.state().snapshot().orElseThrow().lag().groups().size());
        loop.runOnce();
        assertTrue(loop.state().snapshot().orElseThrow().lag().groups().isEmpty(), "deleted: no grace");
    }
}
