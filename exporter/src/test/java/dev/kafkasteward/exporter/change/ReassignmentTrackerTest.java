package dev.kafkasteward.exporter.change;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kafkasteward.exporter.observation.ClusterState;
import dev.kafkasteward.exporter.observation.LogDirState;
import dev.kafkasteward.exporter.observation.Observation;
import dev.kafkasteward.exporter.observation.PartitionReplicas;
import dev.kafkasteward.exporter.observation.QuorumState;
import dev.kafkasteward.exporter.observation.Reassignment;
import dev.kafkasteward.exporter.observation.TopicMetadata;
import dev.kafkasteward.exporter.observation.TopicPartitionId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Reassignment progress over cycles with a fake clock: orders-0 and orders-1 move from broker 3 to broker 4,
 * led by broker 1 with 1,000 bytes each; broker 4's copies grow as the cycles read its log dir.
 */
class ReassignmentTrackerTest {

    private static final Instant T0 = Instant.parse("2026-12-07T10:00:00Z");
    private static final TopicPartitionId ORDERS_0 = new TopicPartitionId("orders", 0);
    private static final TopicPartitionId ORDERS_1 = new TopicPartitionId("orders", 1);
    private static final Reassignment TO_4 = new Reassignment(List.of(1, 2, 3, 4), List.of(4), List.of(3));

    private final ReassignmentTracker tracker = new ReassignmentTracker();

    /** A cycle at {@code at} with {@code moving} listed and broker 4's copies of {@code copied}, read then. */
    private static Observation cycle(Instant at, Map<TopicPartitionId, Reassignment> moving,
                                     Map<TopicPartitionId, Long> copied) {
        List<PartitionReplicas> partitions = new ArrayList<>();
        for (TopicPartitionId id : List.of(ORDERS_0, ORDERS_1)) {
            List<Integer> replicas = moving.containsKey(id) ? List.of(1, 2, 3, 4) : List.of(1, 2, 4);
            partitions.add(new PartitionReplicas(id, OptionalInt.of(1), replicas, List.of(1, 2)));
        }
        List<LogDirState> dirs = List.of(
                LogDirState.of(1, "/data", at, false, OptionalLong.empty(), OptionalLong.empty(), Map.of(),
                        Map.of(ORDERS_0, 1_000L, ORDERS_1, 1_000L)),
                LogDirState.of(4, "/data", at, false, OptionalLong.empty(), OptionalLong.empty(), Map.of(), copied));
        return new Observation(at, List.of(new TopicMetadata("orders", false, partitions)), List.of(), Map.of(),
                Map.of(), Map.of(), Map.of(), Map.of(),
                ClusterState.of(Set.of(1, 2, 3, 4), new QuorumState(1, 1, 1, List.of(), List.of()), moving), Map.of(),
                dirs);
    }

    private static PartitionProgress only(ReassignmentSnapshot s) {
        assertEquals(1, s.partitions().size(), s.partitions().toString());
        return s.partitions().get(0);
    }

    @Test
    void progressRateAndTimeLeftFollowTheCopy() {
        PartitionProgress start = only(tracker.track(cycle(T0, Map.of(ORDERS_0, TO_4), Map.of())));
        assertEquals(OptionalLong.of(1_000), start.targetBytes(), "the leader's log, once for the one adding replica");
        assertEquals(OptionalLong.of(0), start.copiedBytes(), "broker 4 read, no replica there yet");
        assertTrue(start.bytesPerSecond().isEmpty(), "one sample: no rate");
        assertEquals(List.of(4), start.adding());
        assertEquals(List.of(3), start.removing());

        PartitionProgress later = only(tracker.track(cycle(T0.plusSeconds(10), Map.of(ORDERS_0, TO_4),
                Map.of(ORDERS_0, 400L))));
        assertEquals(0.4, later.progress().getAsDouble(), 1e-9);
        assertEquals(40.0, later.bytesPerSecond().getAsDouble(), 1e-9);
        assertEquals(15.0, later.remainingSeconds().getAsDouble(), 1e-9, "600 bytes left at 40 per second");

        TopicProgress topic = tracker.track(cycle(T0.plusSeconds(20), Map.of(ORDERS_0, TO_4),
                Map.of(ORDERS_0, 800L))).topics().get("orders");
        assertEquals(0.8, topic.progress(), 1e-9);
        assertEquals(800, topic.copiedBytes());
        assertEquals(5.0, topic.remainingSeconds().getAsDouble(), 1e-9);
    }

    @Test
    void aFinishedTopicStaysAtOneHundredPercentForAWhileThenGoes() {
        tracker.track(cycle(T0, Map.of(ORDERS_0, TO_4), Map.of(ORDERS_0, 500L)));
        ReassignmentSnapshot done = tracker.track(cycle(T0.plusSeconds(5), Map.of(), Map.of()));
        assertTrue(done.partitions().isEmpty(), "no partition moves any more");
        TopicProgress orders = done.topics().get("orders");
        assertTrue(orders.finished());
        assertEquals(1.0, orders.progress());
        assertEquals(1_000, orders.copiedBytes(), "a finished partition copied its whole target");
        assertEquals(0.0, orders.remainingSeconds().getAsDouble());

        Instant kept = T0.plusSeconds(5).plus(ReassignmentTracker.FINISHED_KEPT);
        assertTrue(tracker.track(cycle(kept.minusSeconds(1), Map.of(), Map.of())).topics().containsKey("orders"));
        assertFalse(tracker.track(cycle(kept, Map.of(), Map.of())).topics().containsKey("orders"));
    }

    @Test
    void aTopicCountsItsFinishedPartitionsAsCopied() {
        tracker.track(cycle(T0, Map.of(ORDERS_0, TO_4, ORDERS_1, TO_4), Map.of(ORDERS_0, 900L, ORDERS_1, 100L)));
        TopicProgress half = tracker.track(cycle(T0.plusSeconds(10), Map.of(ORDERS_1, TO_4), Map.of(ORDERS_1, 300L)))
                .topics().get("orders");
        assertEquals(2, half.partitions());
        assertEquals(1, half.moving());
        assertEquals(2_000, half.targetBytes());
        assertEquals(1_300, half.copiedBytes(), "orders-0 finished (1,000) plus orders-1's 300");
        assertEquals(0.65, half.progress(), 1e-9);
        assertEquals(20.0, half.bytesPerSecond().getAsDouble(), 1e-9, "orders-1 alone: 200 bytes in 10 s");
        assertEquals(35.0, half.remainingSeconds().getAsDouble(), 1e-9);
    }

    @Test
    void bytesStayUnknownUntilEveryAddingBrokerWasRead() {
        Observation withoutBroker4 = cycle(T0, Map.of(ORDERS_0, TO_4), Map.of());
        Observation cut = new Observation(T0, withoutBroker4.topics(), List.of(), Map.of(), Map.of(), Map.of(),
                Map.of(), Map.of(), withoutBroker4.cluster(), Map.of(), List.of(withoutBroker4.logDirs().get(0)));
        PartitionProgress p = only(tracker.track(cut));
        assertTrue(p.targetBytes().isEmpty());
        assertTrue(p.progress().isEmpty());
        assertFalse(tracker.track(cut).topics().get("orders").bytesKnown());
    }

    @Test
    void aFailedListingServesTheLastAnswer() {
        ReassignmentSnapshot seen = tracker.track(cycle(T0, Map.of(ORDERS_0, TO_4), Map.of(ORDERS_0, 100L)));
        Observation failed = cycle(T0.plusSeconds(5), Map.of(), Map.of());
        Observation unlisted = new Observation(failed.at(), failed.topics(), List.of(), Map.of(), Map.of(), Map.of(),
                Map.of(), Map.of("list_reassignments", 1), new ClusterState(failed.cluster().brokers(),
                failed.cluster().quorum(), Optional.empty()), Map.of(), failed.logDirs());
        assertEquals(seen, tracker.track(unlisted));
    }

    @Test
    void samplesOlderThanTheWindowLeaveTheRate() {
        tracker.track(cycle(T0, Map.of(ORDERS_0, TO_4), Map.of(ORDERS_0, 0L)));
        tracker.track(cycle(T0.plusSeconds(30), Map.of(ORDERS_0, TO_4), Map.of(ORDERS_0, 600L)));
        Duration past = ReassignmentTracker.RATE_WINDOW.plusSeconds(30);
        PartitionProgress p = only(tracker.track(cycle(T0.plus(past), Map.of(ORDERS_0, TO_4),
                Map.of(ORDERS_0, 700L))));
        assertEquals(100.0 / 60, p.bytesPerSecond().getAsDouble(), 1e-9, "from the 30 s sample on: 100 bytes in 60 s");
    }
}
