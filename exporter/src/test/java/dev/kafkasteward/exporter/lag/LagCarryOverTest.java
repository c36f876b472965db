package dev.kafkasteward.exporter.lag;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.kafkasteward.exporter.observation.TopicPartitionId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class LagCarryOverTest {

    private static final TopicPartitionId P0 = new TopicPartitionId("orders", 0);
    private static final TopicPartitionId P1 = new TopicPartitionId("orders", 1);

    private static PartitionLag lag(String group, TopicPartitionId p, long records) {
        return PartitionLag.committed(group, p, records, new LagAge.Known(1), 0, 0, PartitionStatus.LAGGING);
    }

    private static GroupLag total(String group, long records) {
        return new GroupLag(group, Optional.empty(), records, OptionalDouble.of(1), new TreeMap<>(), new TreeMap<>());
    }

    private final LagSnapshot previous = new LagSnapshot(List.of(lag("a", P0, 5), lag("a", P1, 6), lag("b", P0, 7)),
            List.of(total("a", 11), total("b", 7)));

    @Test
    void aCompleteCycleIsTakenAsItIs() {
        LagSnapshot current = new LagSnapshot(List.of(lag("a", P0, 1)), List.of(total("a", 1)));
        assertSame(current, LagCarryOver.apply(current, previous, Map.of(), false), "a deleted group disappears");
    }

    @Test
    void groupsNotSeenThisCycleKeepTheirLastLag() {
        LagSnapshot current = new LagSnapshot(List.of(lag("a", P0, 1), lag("a", P1, 2)), List.of(total("a", 3)));

        LagSnapshot merged = LagCarryOver.apply(current, previous, Map.of("b", 2), false);

        assertEquals(List.of(lag("a", P0, 1), lag("a", P1, 2), lag("b", P0, 7)), merged.partitions());
        assertEquals(List.of("a", "b"), merged.groups().stream().map(GroupLag::group).toList());
        assertEquals(Map.of("b", 2), merged.carried(), "what is carried, and for how long, is said");
    }

    @Test
    void partitionsWhoseLogOffsetsFailedKeepTheirLastLag() {
        LagSnapshot current = new LagSnapshot(List.of(lag("a", P0, 1), lag("b", P0, 8)),
                List.of(total("a", 1), total("b", 8)));

        LagSnapshot merged = LagCarryOver.apply(current, previous, Map.of(), true);

        assertEquals(List.of(lag("a", P0, 1), lag("a", P1, 6), lag("b", P0, 8)), merged.partitions());
        assertEquals(List.of(7L, 8L), merged.groups().stream().map(GroupLag::lagRecords).toList(),
                "a group's total counts its carried partitions");
        assertEquals(OptionalDouble.of(1), merged.groups().get(0).maxLagAgeSeconds());
        assertEquals(7, merged.groups().get(0).topics().get("orders").lagRecords());
        assertEquals(Map.of(), merged.carried(), "no group was carried whole");
    }
}
