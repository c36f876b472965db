package dev.kafkasteward.exporter.funnel;

import dev.kafkasteward.contract.ownership.Funnel;
import dev.kafkasteward.contract.ownership.PromDuration;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Prints funnel figures; not a timed test. Run after {@code mvn -pl exporter -am test-compile}:
 * <pre>
 * java -Xmx1g -cp exporter/target/classes:exporter/target/test-classes:contract/target/classes:$HOME/.m2/repository/com/fasterxml/jackson/core/jackson-core/2.18.2/jackson-core-2.18.2.jar \
 *   dev.kafkasteward.exporter.funnel.FunnelBenchmark
 * </pre>
 * Throughput is single-threaded (so per core) through matching, correlation and key state, on
 * records already in memory — the part of the work the exporter adds on top of fetching. Memory
 * is heap used after GC with 1 M keys pending, minus before.
 */
public final class FunnelBenchmark {

    private static final int DISTINCT_KEYS = 200_000;
    private static final int RECORDS = 400_000;
    private static final int PARTITIONS = 12;

    private FunnelBenchmark() {
    }

    /** Headers as Kafka's RecordHeaders keeps them: a list scanned from the end. */
    private record BenchRecord(String topic, int partition, long offset, long timestampMs, byte[] key,
                               String[] headerKeys, byte[][] headerValues, byte[] value) implements FunnelRecord {
        @Override
        public byte[] header(String name) {
            for (int i = headerKeys.length - 1; i >= 0; i--) {
                if (headerKeys[i].equals(name)) {
                    return headerValues[i];
                }
            }
            return null;
        }
    }

    public static void main(String[] args) throws Exception {
        long now = Instant.now().toEpochMilli();
        Funnel byHeader = funnel(new Funnel.Correlation.RecordKey(),
                Optional.of(new Funnel.Match.Header("event-type", "PaymentConfirmed")));
        Funnel byJson = funnel(new Funnel.Correlation.JsonField("orderId"),
                Optional.of(new Funnel.Match.JsonField("status", "CONFIRMED")));
        bytesPerPendingKey(byHeader, now); // first, while the heap holds nothing else of ours
        BenchRecord[] records = new BenchRecord[RECORDS];
        for (int i = 0; i < RECORDS; i++) {
            String id = "order-" + (1_000_000 + i % DISTINCT_KEYS);
            boolean confirmed = i % 10 != 0;
            String value = "{\"orderId\":\"" + id + "\",\"customerId\":\"c-" + (i % 977) + "\",\"amount\":" + (i % 500)
                    + ",\"currency\":\"EUR\",\"status\":\"" + (confirmed ? "CONFIRMED" : "DECLINED") + "\"}";
            records[i] = new BenchRecord("payments.results.v1", i % PARTITIONS, i, now - (RECORDS - i),
                    id.getBytes(StandardCharsets.UTF_8), new String[] {"trace-id", "event-type"},
                    new byte[][] {"00f067aa0ba902b7".getBytes(StandardCharsets.UTF_8),
                            (confirmed ? "PaymentConfirmed" : "PaymentDeclined").getBytes(StandardCharsets.UTF_8)},
                    value.getBytes(StandardCharsets.UTF_8));
        }
        report("header match, record-key correlation", throughput(byHeader, records));
        report("JSON-field match, JSON-field correlation", throughput(byJson, records));
    }

    private static Funnel funnel(Funnel.Correlation correlation, Optional<Funnel.Match> match) {
        return new Funnel("bench", "payments", "tier-1", Optional.of(correlation), PromDuration.ofSeconds(3600), List.of(
                new Funnel.Stage("paid", "payments.results.v1", match, Optional.of(PromDuration.ofSeconds(300))),
                new Funnel.Stage("dispatched", "orders.dispatched.v1", Optional.empty(), Optional.empty())));
    }

    private static double throughput(Funnel funnel, BenchRecord[] records) {
        double best = 0;
        for (int round = 0; round < 8; round++) { // the first rounds warm the JIT up
            FunnelTracker tracker = new FunnelTracker(List.of(funnel), 2_000_000);
            long start = System.nanoTime();
            for (BenchRecord r : records) {
                tracker.apply(r, true);
            }
            long nanos = System.nanoTime() - start;
            if (round >= 3) {
                best = Math.max(best, records.length / (nanos / 1e9));
            }
        }
        return best;
    }

    private static void bytesPerPendingKey(Funnel funnel, long now) throws InterruptedException {
        int keys = 1_000_000;
        long before = usedAfterGc();
        FunnelTracker tracker = new FunnelTracker(List.of(funnel), 2_000_000);
        String[] headerKeys = {"event-type"};
        byte[][] confirmed = {"PaymentConfirmed".getBytes(StandardCharsets.UTF_8)};
        for (int i = 0; i < keys; i++) {
            byte[] key = ("order-" + (10_000_000 + i)).getBytes(StandardCharsets.UTF_8);
            tracker.apply(new BenchRecord("payments.results.v1", i % PARTITIONS, i, now, key, headerKeys, confirmed,
                    null), false);
        }
        long after = usedAfterGc();
        long pending = tracker.sweep(Instant.ofEpochMilli(now), Set.of(), Set.of()).funnels().get(0).stages().get(0)
                .waiting().orElseThrow();
        System.out.printf("pending keys: %,d, heap for them: %,d bytes, %.1f bytes per pending key (target <= 200)%n",
                pending, after - before, (after - before) / (double) pending);
        if (tracker.trackedKeys() != keys) {
            throw new IllegalStateException("expected " + keys + " keys, tracked " + tracker.trackedKeys());
        }
    }

    private static long usedAfterGc() throws InterruptedException {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        for (int i = 0; i < 4; i++) {
            System.gc();
            Thread.sleep(100);
        }
        return memory.getHeapMemoryUsage().getUsed();
    }

    private static void report(String what, double perSecond) {
        System.out.printf("%-42s %,12.0f records/s on one core (target for header matching >= 100,000)%n", what,
                perSecond);
    }
}
