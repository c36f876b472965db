package dev.kafkasteward.exporter.deadletter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kafkasteward.exporter.observation.DeadLetterObservation;
import dev.kafkasteward.exporter.observation.FailureHeaders;
import dev.kafkasteward.exporter.observation.LogOffsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class DeadLetterAnalyzerTest {

    private static final String DLQ = "fulfillment.dlq.v1";

    private static DeadLetterObservation.NewRecord record(long offset, String... headers) {
        Map<String, String> h = new java.util.HashMap<>();
        for (int i = 0; i < headers.length; i += 2) {
            h.put(headers[i], headers[i + 1]);
        }
        return new DeadLetterObservation.NewRecord(0, offset, h);
    }

    private static DeadLetterObservation observe(Map<Integer, LogOffsets> offsets, List<DeadLetterObservation.NewRecord> records) {
        return new DeadLetterObservation(List.of(new DeadLetterObservation.Topic(DLQ, Optional.of("x-failure-reason"),
                Optional.of("orders.accepted.v1"), 2, offsets, Map.of(0, 1_700_000_000_123L, 1, 1_600_000_000_000L), 4,
                2, records)));
    }

    @Test
    void totalsComeFromOffsetsAndReasonsFromHeadersInPriorityOrder() {
        DeadLetterAnalyzer analyzer = new DeadLetterAnalyzer();
        DeadLetterSnapshot s = analyzer.analyze(observe(Map.of(0, new LogOffsets(5, 12), 1, new LogOffsets(0, 3)), List.of(
                record(7, FailureHeaders.CONNECT_EXCEPTION_CLASS, "org.apache.kafka.connect.errors.DataException",
                        FailureHeaders.CONNECT_TOPIC, "orders.accepted.v1", FailureHeaders.CONNECT_PARTITION, "2"),
                record(8, FailureHeaders.SPRING_EXCEPTION_FQCN, "java.lang.IllegalStateException",
                        FailureHeaders.SPRING_ORIGINAL_TOPIC, "payments.results.v1"),
                record(9, "x-failure-reason", "out-of-stock", FailureHeaders.CONNECT_EXCEPTION_CLASS, "ignored.Because"),
                record(10))), true);
        DeadLetterSnapshot.TopicStats t = s.topics().get(0);
        assertEquals(OptionalLong.of(15), t.written(), "sum of log-end offsets");
        assertEquals(OptionalLong.of(10), t.retained(), "7 + 3");
        assertEquals(OptionalLong.of(1_700_000_000_123L), t.newestTimestampMs());
        assertEquals(List.of(
                new DeadLetterSnapshot.ReasonCount("orders.accepted.v1", "org.apache.kafka.connect.errors.DataException", 1),
                new DeadLetterSnapshot.ReasonCount("orders.accepted.v1", "other", 1),
                new DeadLetterSnapshot.ReasonCount("orders.accepted.v1", "out-of-stock", 1),
                new DeadLetterSnapshot.ReasonCount("payments.results.v1", "java.lang.IllegalStateException", 1)),
                t.reasons());
    }

    @Test
    void reasonCountsAccumulateAndExtraReasonsBecomeOther() {
        DeadLetterAnalyzer analyzer = new DeadLetterAnalyzer(2);
        Map<Integer, LogOffsets> offsets = Map.of(0, new LogOffsets(0, 3), 1, new LogOffsets(0, 0));
        analyzer.analyze(observe(offsets, List.of(record(0, "x-failure-reason", "a"), record(1, "x-failure-reason", "b"))), true);
        DeadLetterSnapshot s = analyzer.analyze(observe(offsets, List.of(record(2, "x-failure-reason", "c"),
                record(3, "x-failure-reason", "a"))), true);
        assertEquals(List.of(2L, 1L, 1L), s.topics().get(0).reasons().stream().map(DeadLetterSnapshot.ReasonCount::records).toList());
        assertEquals(List.of("a", "b", "other"), s.topics().get(0).reasons().stream().map(DeadLetterSnapshot.ReasonCount::reason).toList());
        assertEquals(4, s.topics().get(0).skipped(), "offsets without a committed record add up like the reasons (2 a cycle)");
        assertEquals(4, s.topics().get(0).read(), "committed records read, the reasons' sum");
    }

    @Test
    void aPartitionWithoutOffsetsWithholdsTheTotalsRatherThanFakingACounterReset() {
        DeadLetterSnapshot s = new DeadLetterAnalyzer().analyze(observe(Map.of(0, new LogOffsets(0, 3)), List.of()), false);
        assertTrue(s.topics().get(0).written().isEmpty());
        assertTrue(s.topics().get(0).retained().isEmpty());
    }
}
