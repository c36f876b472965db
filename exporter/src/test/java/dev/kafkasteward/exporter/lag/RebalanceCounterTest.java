package dev.kafkasteward.exporter.lag;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.kafkasteward.exporter.observation.GroupDescription.GroupProtocol;
import dev.kafkasteward.exporter.observation.GroupDescription;
import dev.kafkasteward.exporter.observation.Observation;
import dev.kafkasteward.exporter.observation.TopicPartitionId;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RebalanceCounterTest {

    private static final Instant T0 = Instant.parse("2026-12-07T10:00:00Z");
    private static final TopicPartitionId P0 = new TopicPartitionId("orders", 0);
    private static final TopicPartitionId P1 = new TopicPartitionId("orders", 1);

    private final RebalanceCounter counter = new RebalanceCounter();
    private int cycle;

    @Test
    void aConsumerProtocolGroupCountsEveryEpochBumpEvenBetweenCycles() {
        assertEquals(0L, count(consumer(7)), "first sight: nothing counted yet");
        assertEquals(3L, count(consumer(10)));
        assertEquals(3L, count(consumer(10)));
        assertEquals(4L, count(consumer(11)));
        assertEquals(4L, count(consumer(2)), "a recreated group's lower epoch is a new base, not a negative count");
        assertEquals(5L, count(consumer(3)));
    }

    @Test
    void aClassicGroupCountsARebalanceOnceWhileItLastsAndAChangeBetweenSettledCycles() {
        assertEquals(0L, count(classic("stable", Set.of("a"), Set.of(P0, P1))));
        assertEquals(1L, count(classic("preparingrebalance", Set.of("a", "b"), Set.of(P0, P1))));
        assertEquals(1L, count(classic("completingrebalance", Set.of("a", "b"), Set.of(P0, P1))), "the same one");
        assertEquals(1L, count(classic("stable", Set.of("a", "b"), Set.of(P0, P1))), "settled: counted already");
        // Member b left and the group settled between two cycles: one rebalance, seen as the change.
        assertEquals(2L, count(classic("stable", Set.of("a"), Set.of(P0, P1))));
        // The same members, another assignment: a rebalance too.
        assertEquals(3L, count(classic("stable", Set.of("a"), Set.of(P0))));
        assertEquals(3L, count(classic("stable", Set.of("a"), Set.of(P0))), "nothing changed");
    }

    @Test
    void aGroupListedEmptyKeepsTheEpochSeenLastSoTheNextDescriptionCountsEveryBumpInBetween() {
        assertEquals(0L, count(consumer(7)));
        // Its members left (epoch 8) and the listing says empty: no epoch to compare, nothing counted yet.
        assertEquals(0L, count(GroupDescription.listedEmpty("g", GroupProtocol.CONSUMER)));
        assertEquals(0L, count(GroupDescription.listedEmpty("g", GroupProtocol.CONSUMER)));
        // A member joined again (epoch 9): both bumps since epoch 7 count.
        assertEquals(2L, count(consumer(9)));
    }

    @Test
    void aGroupFirstKnownFromTheListingCountsFromItsFirstDescription() {
        assertEquals(0L, count(GroupDescription.listedEmpty("g", GroupProtocol.CONSUMER)));
        assertEquals(0L, count(consumer(4)), "first described: the base, not a protocol change");
        assertEquals(2L, count(consumer(6)));
    }

    @Test
    void aGroupNoLongerDescribedByACompleteCycleIsForgotten() {
        count(consumer(1));
        count(consumer(4));
        counter.analyze(observation(Map.of()));
        assertEquals(0L, count(consumer(9)), "back after it was gone: counted from its return");
    }

    private long count(GroupDescription d) {
        return counter.analyze(observation(Map.of(d.groupId(), d))).get(d.groupId());
    }

    private Observation observation(Map<String, GroupDescription> descriptions) {
        return new Observation(T0.plusSeconds(cycle++), List.of(), List.of(), descriptions, Map.of(), Map.of(),
                Map.of(), Map.of());
    }

    private static GroupDescription consumer(int epoch) {
        return new GroupDescription("g", GroupProtocol.CONSUMER, "stable", 1, Set.of(P0), true, Map.of(),
                OptionalInt.of(epoch), Set.of("m1"));
    }

    private static GroupDescription classic(String state, Set<String> members, Set<TopicPartitionId> assigned) {
        return new GroupDescription("g", GroupProtocol.CLASSIC, state, members.size(), assigned,
                state.equals("stable"), Map.of(), OptionalInt.empty(), members);
    }
}
