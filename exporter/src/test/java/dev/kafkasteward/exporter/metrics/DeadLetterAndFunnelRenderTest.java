package dev.kafkasteward.exporter.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.kafkasteward.exporter.core.CollectionStatus;
import dev.kafkasteward.exporter.core.ServedState;
import dev.kafkasteward.exporter.core.Snapshot;
import dev.kafkasteward.exporter.deadletter.DeadLetterSnapshot;
import dev.kafkasteward.exporter.disk.DiskSnapshot;
import dev.kafkasteward.exporter.lag.LagSnapshot;
import dev.kafkasteward.exporter.observation.FunnelSnapshot;
import dev.kafkasteward.exporter.observation.TopicPartitionId;
import dev.kafkasteward.exporter.replication.ReplicationSnapshot;
import dev.kafkasteward.exporter.testing.MutableClock;
import io.prometheus.metrics.config.EscapingScheme;
import io.prometheus.metrics.expositionformats.OpenMetricsTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Golden text for the dead-letter and funnel families (HELP lines left out: the catalog owns them). */
class DeadLetterAndFunnelRenderTest {

    private static final Instant T0 = Instant.parse("2026-11-22T12:00:00Z");

    @Test
    void rendersDeadLettersAndFunnelsExactly() throws Exception {
        DeadLetterSnapshot dead = new DeadLetterSnapshot(List.of(new DeadLetterSnapshot.TopicStats("fulfillment.dlq.v1",
                OptionalLong.of(8), OptionalLong.of(6), OptionalLong.of(1_795_000_000_500L), 0, 3, 2, List.of(
                new DeadLetterSnapshot.ReasonCount("orders.accepted.v1", "org.apache.kafka.connect.errors.DataException", 3)))));
        FunnelSnapshot funnels = new FunnelSnapshot(List.of(new FunnelSnapshot.FunnelStats("order-lifecycle", false,
                List.of(new FunnelSnapshot.StageStats("accepted", 1000, OptionalLong.of(0), OptionalLong.of(0), 0),
                        new FunnelSnapshot.StageStats("paid", 1000, OptionalLong.of(10), OptionalLong.of(10), 1, 4,
                                new java.util.TreeMap<>(Map.of("missing", 2L, "unparsable", 1L)), 5),
                        new FunnelSnapshot.StageStats("dispatched", 900, OptionalLong.empty(), OptionalLong.empty(), 0)),
                OptionalLong.of(900), 900, 0)), Set.of(new TopicPartitionId("orders.accepted.v1", 0),
                new TopicPartitionId("orders.accepted.v1", 1), new TopicPartitionId("payments.results.v1", 0)));
        Snapshot snapshot = new Snapshot(T0, true, LagSnapshot.EMPTY, ReplicationSnapshot.EMPTY,
                DiskSnapshot.EMPTY, Map.of(), dead, funnels);
        PrometheusRegistry registry = new PrometheusRegistry();
        registry.register(new SnapshotRenderer(() -> new ServedState(Optional.of(snapshot),
                CollectionStatus.startingAt(T0)), "orders-prod", "1.2.3", new MutableClock(T0)));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new OpenMetricsTextFormatWriter(false, false).write(out, registry.scrape(), EscapingScheme.ALLOW_UTF8);
        String text = out.toString(StandardCharsets.UTF_8).lines()
                .filter(l -> (l.startsWith("kafka_deadletter_") || l.startsWith("kafka_funnel_")))
                .collect(Collectors.joining("\n", "", "\n"));

        assertEquals("""
                kafka_deadletter_newest_record_timestamp_seconds{cluster="orders-prod",topic="fulfillment.dlq.v1"} 1.7950000005E9
                kafka_deadletter_offsets_skipped_total{cluster="orders-prod",topic="fulfillment.dlq.v1"} 2.0
                kafka_deadletter_records_by_reason_total{cluster="orders-prod",reason="org.apache.kafka.connect.errors.DataException",source_topic="orders.accepted.v1",topic="fulfillment.dlq.v1"} 3.0
                kafka_deadletter_records_read_total{cluster="orders-prod",topic="fulfillment.dlq.v1"} 3.0
                kafka_deadletter_records_retained{cluster="orders-prod",topic="fulfillment.dlq.v1"} 6.0
                kafka_deadletter_records_written_total{cluster="orders-prod",topic="fulfillment.dlq.v1"} 8.0
                kafka_deadletter_unread_records{cluster="orders-prod",topic="fulfillment.dlq.v1"} 0.0
                kafka_funnel_assigned_partitions{cluster="orders-prod",topic="orders.accepted.v1"} 2.0
                kafka_funnel_assigned_partitions{cluster="orders-prod",topic="payments.results.v1"} 1.0
                kafka_funnel_completions_total{cluster="orders-prod",funnel="order-lifecycle"} 900.0
                kafka_funnel_correlation_misses_total{cluster="orders-prod",funnel="order-lifecycle",reason="missing",stage="paid"} 2.0
                kafka_funnel_correlation_misses_total{cluster="orders-prod",funnel="order-lifecycle",reason="unparsable",stage="paid"} 1.0
                kafka_funnel_duplicate_events_total{cluster="orders-prod",funnel="order-lifecycle",stage="accepted"} 0.0
                kafka_funnel_duplicate_events_total{cluster="orders-prod",funnel="order-lifecycle",stage="dispatched"} 0.0
                kafka_funnel_duplicate_events_total{cluster="orders-prod",funnel="order-lifecycle",stage="paid"} 4.0
                kafka_funnel_key_overflows_total{cluster="orders-prod",funnel="order-lifecycle"} 0.0
                kafka_funnel_keys_completed{cluster="orders-prod",funnel="order-lifecycle"} 900.0
                kafka_funnel_keys_expired_total{cluster="orders-prod",funnel="order-lifecycle",stage="accepted"} 0.0
                kafka_funnel_keys_expired_total{cluster="orders-prod",funnel="order-lifecycle",stage="dispatched"} 0.0
                kafka_funnel_keys_expired_total{cluster="orders-prod",funnel="order-lifecycle",stage="paid"} 1.0
                kafka_funnel_keys_misplaced_total{cluster="orders-prod",funnel="order-lifecycle",stage="accepted"} 0.0
                kafka_funnel_keys_misplaced_total{cluster="orders-prod",funnel="order-lifecycle",stage="dispatched"} 0.0
                kafka_funnel_keys_misplaced_total{cluster="orders-prod",funnel="order-lifecycle",stage="paid"} 5.0
                kafka_funnel_keys_overdue{cluster="orders-prod",funnel="order-lifecycle",stage="accepted"} 0.0
                kafka_funnel_keys_overdue{cluster="orders-prod",funnel="order-lifecycle",stage="paid"} 10.0
                kafka_funnel_keys_waiting{cluster="orders-prod",funnel="order-lifecycle",stage="accepted"} 0.0
                kafka_funnel_keys_waiting{cluster="orders-prod",funnel="order-lifecycle",stage="paid"} 10.0
                kafka_funnel_rebuilding{cluster="orders-prod",funnel="order-lifecycle"} 0.0
                kafka_funnel_stage_events_total{cluster="orders-prod",funnel="order-lifecycle",stage="accepted"} 1000.0
                kafka_funnel_stage_events_total{cluster="orders-prod",funnel="order-lifecycle",stage="dispatched"} 900.0
                kafka_funnel_stage_events_total{cluster="orders-prod",funnel="order-lifecycle",stage="paid"} 1000.0
                """, text);
    }
}
