package dev.kafkasteward.exporter.lag;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.kafkasteward.exporter.observation.GroupOffsets;
import dev.kafkasteward.exporter.observation.LogOffsets;
import dev.kafkasteward.exporter.observation.Observation;
import dev.kafkasteward.exporter.observation.RecordPosition;
import dev.kafkasteward.exporter.observation.TopicPartitionId;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LagHistoryTest {

    private static final TopicPartitionId P0 = new TopicPartitionId("orders", 0);
    private static final Instant T0 = Instant.parse("2026-12-07T12:00:00Z");

    private static Observation at(Instant t, long committed, long logEnd) {
        return Observation.ofOffsets(t, List.of(new GroupOffsets("g", Map.of(P0, committed))),
                Map.of(P0, new LogOffsets(0, logEnd)), Map.of());
    }

    @Test
    void aTimestampReadAtAnOffsetIsForgottenWhenTheLogGoesBackThroughIt() {
        LagHistory history = new LagHistory();
        RecordPosition atTwo = new RecordPosition(P0, 2);
        history.observe(at(T0, 2, 50));
        history.remember(Map.of(atTwo, T0.minusSeconds(7_200).toEpochMilli()));
        history.observe(at(T0.plusSeconds(1), 2, 50));
        assertEquals(T0.minusSeconds(7_200).toEpochMilli(), history.exactTimestamp(atTwo), "kept while the log stands");

        // Recreated with 5 records in one cycle, the group still at 2: offset 2 is another record now.
        history.observe(at(T0.plusSeconds(2), 2, 5));
        assertNull(history.exactTimestamp(atTwo), "the old topic's timestamp would age the new record by two hours");
    }
}
