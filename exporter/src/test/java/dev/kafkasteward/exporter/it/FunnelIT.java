package dev.kafkasteward.exporter.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kafkasteward.contract.catalog.FunnelMetrics;
import dev.kafkasteward.contract.catalog.SelfMetrics;
import dev.kafkasteward.contract.ownership.Ownership;
import dev.kafkasteward.contract.ownership.OwnershipLoader;
import dev.kafkasteward.contract.testing.Await;
import dev.kafkasteward.exporter.StewardExporter;
import dev.kafkasteward.exporter.collect.CollectorSettings;
import dev.kafkasteward.exporter.observation.FunnelSnapshot;
import dev.kafkasteward.exporter.observation.TopicPartitionId;
import dev.kafkasteward.exporter.testing.Scrape;
import dev.kafkasteward.exporter.testing.TestCluster;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Acceptance 2 and 3 on a real 3-broker cluster, with the order funnel of examples/ownership.yml
 * (JSON correlation on orderId, the paid stage matched by header): 1,000 orders accepted, 1,000
 * paid, 990 reserved, 900 dispatched, written newest stage first. Exact waiting and overdue per
 * stage, live; the same after a restart (rebuilt from now − window); and two replicas that split
 * the partitions and sum to the same numbers.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FunnelIT {

    private static final String FUNNEL = "order-lifecycle";
    private static final String ORDERS = "orders.accepted.v1";
    private static final String PAYMENTS = "payments.results.v1";
    private static final String RESERVATIONS = "inventory.reservations.v1";
    private static final String DISPATCHES = "orders.dispatched.v1";
    private static final List<String> TOPICS = List.of(ORDERS, PAYMENTS, RESERVATIONS, DISPATCHES);
    private static final int PARTITIONS = 3;
    private static final Duration LIMIT = Duration.ofSeconds(60);

    // Paid 30 min ago (max_wait 5m): the 10 unreserved orders are overdue. Reserved 20 min ago for even
    // orders, 1 min ago for odd ones (max_wait 10m): of the 90 undispatched, the 45 even ones are overdue.
    private static final Map<String, Double> WAITING = Map.of("accepted", 0.0, "paid", 10.0, "reserved", 90.0);
    private static final Map<String, Double> OVERDUE = Map.of("accepted", 0.0, "paid", 10.0, "reserved", 45.0);

    private final Instant now = Instant.now();
    private TestCluster cluster;
    private Ownership ownership;
    private StewardExporter first;
    private StewardExporter second;

    @BeforeAll
    void start() throws Exception {
        cluster = TestCluster.start(3);
        try (Admin admin = cluster.admin()) {
            admin.createTopics(TOPICS.stream().map(t -> new NewTopic(t, PARTITIONS, (short) 3)).toList()).all().get();
        }
        ownership = new OwnershipLoader().load(Path.of("../examples/ownership.yml"));
    }

    @AfterAll
    void stop() throws Exception {
        for (StewardExporter e : new StewardExporter[] {first, second}) {
            if (e != null) {
                e.close();
            }
        }
        if (cluster != null) {
            cluster.close();
        }
    }

    private StewardExporter startExporter() throws Exception {
        return StewardExporter.start(StewardExporter.Config.of(ownership, cluster.clientProperties())
                .every(Duration.ofMillis(500))
                .collecting(new CollectorSettings(Duration.ofSeconds(3), 1000, Duration.ofSeconds(5))));
    }

    @Test
    @Order(1)
    void liveWaitingAndOverduePerStageAreExact() throws Exception {
        first = startExporter();
        awaitSettled(List.of(first), PARTITIONS * TOPICS.size());
        produceOrderFlow();

        Await.until(LIMIT, "1,000 orders through the funnel", () -> events(first, "accepted") == 1000
                && events(first, "dispatched") == 900 && events(first, "paid") == 1000);
        Scrape s = Scrape.get(first.port());
        assertEquals(WAITING, perStage(List.of(s), FunnelMetrics.KEYS_WAITING.name()));
        assertEquals(OVERDUE, perStage(List.of(s), FunnelMetrics.KEYS_OVERDUE.name()));
        assertEquals(Map.of("accepted", 1000.0, "paid", 1000.0, "reserved", 990.0, "dispatched", 900.0),
                perStage(List.of(s), FunnelMetrics.STAGE_EVENTS.name()), "declined payments match no stage");
        assertEquals(900.0, sum(List.of(s), FunnelMetrics.COMPLETIONS.name()));
        assertEquals(900.0, sum(List.of(s), FunnelMetrics.KEYS_COMPLETED.name()));
        assertEquals(1.0, s.value(SelfMetrics.FUNNEL_READER_UP.name()).orElseThrow(), "the reader is consuming");
    }

    @Test
    @Order(2)
    void aRestartedExporterRebuildsTheSameNumbersFromTheWindow() throws Exception {
        first.close();
        first = startExporter();
        awaitSettled(List.of(first), PARTITIONS * TOPICS.size());
        Scrape s = Scrape.get(first.port());
        assertEquals(WAITING, perStage(List.of(s), FunnelMetrics.KEYS_WAITING.name()));
        assertEquals(OVERDUE, perStage(List.of(s), FunnelMetrics.KEYS_OVERDUE.name()));
        assertEquals(900.0, sum(List.of(s), FunnelMetrics.KEYS_COMPLETED.name()));
        assertEquals(0.0, sum(List.of(s), FunnelMetrics.STAGE_EVENTS.name()), "re-read records are not counted twice");
    }

    @Test
    @Order(3)
    void twoReplicasSplitThePartitionsAndSumToOneReplicasNumbers() throws Exception {
        second = startExporter();
        awaitSettled(List.of(first, second), PARTITIONS * TOPICS.size());
        Set<TopicPartitionId> a = funnels(first).assigned();
        Set<TopicPartitionId> b = funnels(second).assigned();
        assertTrue(!a.isEmpty() && !b.isEmpty(), "both replicas work: " + a + " / " + b);
        Set<TopicPartitionId> overlap = new HashSet<>(a);
        overlap.retainAll(b);
        assertEquals(Set.of(), overlap, "disjoint");
        for (Set<TopicPartitionId> mine : List.of(a, b)) {
            Set<Integer> numbers = new HashSet<>();
            mine.forEach(p -> numbers.add(p.partition()));
            for (String topic : TOPICS) {
                numbers.forEach(n -> assertTrue(mine.contains(new TopicPartitionId(topic, n)),
                        "co-partitioned: partition " + n + " of every stage topic on one replica"));
            }
        }
        List<Scrape> both = List.of(Scrape.get(first.port()), Scrape.get(second.port()));
        assertEquals(WAITING, perStage(both, FunnelMetrics.KEYS_WAITING.name()));
        assertEquals(OVERDUE, perStage(both, FunnelMetrics.KEYS_OVERDUE.name()));
        assertEquals(900.0, sum(both, FunnelMetrics.KEYS_COMPLETED.name()));

        // New orders are read live by whichever replica owns their partition, and counted once.
        try (KafkaProducer<String, String> producer = cluster.producer()) {
            for (int i = 2000; i < 2100; i++) {
                producer.send(order(ORDERS, i, now)).get();
            }
        }
        Await.until(LIMIT, "100 new orders counted across replicas", () -> perStage(
                List.of(Scrape.get(first.port()), Scrape.get(second.port())), FunnelMetrics.STAGE_EVENTS.name())
                .getOrDefault("accepted", 0.0) == 100.0);
        Map<String, Double> waiting = perStage(List.of(Scrape.get(first.port()), Scrape.get(second.port())),
                FunnelMetrics.KEYS_WAITING.name());
        assertEquals(100.0, waiting.get("accepted"));
        assertEquals(WAITING.get("reserved"), waiting.get("reserved"));
    }

    @Test
    @Order(4)
    void duplicatesCorrelationMissesAndDroppedKeysAreCountedExactly() throws Exception {
        List<Scrape> before = List.of(Scrape.get(first.port()), Scrape.get(second.port()));
        try (KafkaProducer<String, String> producer = cluster.producer()) {
            for (int i = 0; i < 20; i++) { // orders o-0..o-19 accepted again: a producer retry
                producer.send(order(ORDERS, i, now));
            }
            for (int i = 0; i < 7; i++) { // JSON without the correlation field
                producer.send(new ProducerRecord<>(ORDERS, null, now.toEpochMilli(), "x-" + i, "{\"amount\":" + i + "}"));
            }
            for (int i = 0; i < 4; i++) { // not JSON at all
                producer.send(new ProducerRecord<>(ORDERS, null, now.toEpochMilli(), "y-" + i, "orderId=y-" + i));
            }
            for (int i = 5000; i < 5006; i++) { // accepted 70 minutes ago, never paid: past the 1 h window
                producer.send(order(ORDERS, i, now.minus(Duration.ofMinutes(70))));
            }
            producer.flush();
        }
        List<StewardExporter> replicas = List.of(first, second);
        Await.until(LIMIT, "17 new accepted events (duplicates are not events) and 6 keys dropped", () ->
                delta(before, replicas, FunnelMetrics.STAGE_EVENTS.name()).getOrDefault("accepted", 0.0) == 17.0
                        && delta(before, replicas, FunnelMetrics.KEYS_EXPIRED.name()).getOrDefault("accepted", 0.0)
                        == 6.0);
        assertEquals(20.0, delta(before, replicas, FunnelMetrics.DUPLICATE_EVENTS.name()).get("accepted"),
                "each retried order once");
        Map<String, Double> misses = new TreeMap<>();
        for (StewardExporter e : replicas) {
            Scrape.get(e.port()).all(FunnelMetrics.CORRELATION_MISSES.name(), "funnel", FUNNEL, "stage", "accepted")
                    .forEach(x -> misses.merge(x.labels().get("reason"), x.value(), Double::sum));
        }
        assertEquals(Map.of("missing", 7.0, "unparsable", 4.0), misses, "by reason");
        assertEquals(0.0, sum(List.of(Scrape.get(first.port()), Scrape.get(second.port())),
                FunnelMetrics.KEYS_MISPLACED.name()), "a funnel keyed alike on every stage is never misplaced");
    }

    @Test
    @Order(5)
    void paymentsKeyedByPaymentIdAreToldApartAsNotCopartitioned() throws Exception {
        List<Scrape> before = List.of(Scrape.get(first.port()), Scrape.get(second.port()));
        try (KafkaProducer<String, String> producer = cluster.producer()) {
            for (int i = 7000; i < 7060; i++) {
                producer.send(order(ORDERS, i, now));
            }
            producer.flush();
            for (int i = 7000; i < 7060; i++) { // the payment's record key is its own id, not the order's
                ProducerRecord<String, String> paid = new ProducerRecord<>(PAYMENTS, null, now.toEpochMilli(),
                        "pay-" + (i * 7919), "{\"orderId\":\"o-" + i + "\"}");
                paid.headers().add("event-type", "PaymentConfirmed".getBytes(StandardCharsets.UTF_8));
                producer.send(paid);
            }
            producer.flush();
        }
        Await.until(LIMIT, "payments on other partitions than their orders", () ->
                delta(before, List.of(first, second), FunnelMetrics.KEYS_MISPLACED.name()).getOrDefault("paid", 0.0) > 0);
        double misplaced = delta(before, List.of(first, second), FunnelMetrics.KEYS_MISPLACED.name()).get("paid");
        System.out.printf("not co-partitioned: %.0f of 60 payments seen on another partition than their order%n",
                misplaced);
    }

    /** Per stage, how much {@code metric} grew on the replicas since {@code before}. */
    private static Map<String, Double> delta(List<Scrape> before, List<StewardExporter> replicas, String metric)
            throws Exception {
        List<Scrape> now = new java.util.ArrayList<>();
        for (StewardExporter e : replicas) {
            now.add(Scrape.get(e.port()));
        }
        Map<String, Double> out = perStage(now, metric);
        perStage(before, metric).forEach((stage, v) -> out.merge(stage, -v, Double::sum));
        return out;
    }

    private void produceOrderFlow() throws Exception {
        try (KafkaProducer<String, String> producer = cluster.producer()) {
            // Newest stage first: the exporter must not depend on reading stages in order.
            for (int i = 0; i < 900; i++) {
                producer.send(order(DISPATCHES, i, now.minus(Duration.ofMinutes(5))));
            }
            for (int i = 0; i < 990; i++) {
                producer.send(order(RESERVATIONS, i, now.minus(Duration.ofMinutes(i % 2 == 0 ? 20 : 1))));
            }
            for (int i = 0; i < 1000; i++) {
                ProducerRecord<String, String> paid = order(PAYMENTS, i, now.minus(Duration.ofMinutes(30)));
                paid.headers().add("event-type", "PaymentConfirmed".getBytes(StandardCharsets.UTF_8));
                producer.send(paid);
            }
            for (int i = 1000; i < 1050; i++) {
                ProducerRecord<String, String> declined = order(PAYMENTS, i, now.minus(Duration.ofMinutes(30)));
                declined.headers().add("event-type", "PaymentDeclined".getBytes(StandardCharsets.UTF_8));
                producer.send(declined);
            }
            for (int i = 0; i < 1000; i++) {
                producer.send(order(ORDERS, i, now.minus(Duration.ofMinutes(40))));
            }
            producer.flush();
        }
    }

    /** The record key is the orderId too, so the default partitioner co-partitions the stage topics. */
    private static ProducerRecord<String, String> order(String topic, int i, Instant at) {
        String id = "o-" + i;
        return new ProducerRecord<>(topic, null, at.toEpochMilli(), id, "{\"orderId\":\"" + id + "\",\"amount\":" + i + "}");
    }

    private static FunnelSnapshot funnels(StewardExporter e) {
        return e.state().snapshot().map(s -> s.funnels()).orElse(FunnelSnapshot.EMPTY);
    }

    /** Every partition assigned to exactly one of {@code replicas}, each has some, and none is rebuilding. */
    private static void awaitSettled(List<StewardExporter> replicas, int partitions) throws Exception {
        Await.until(LIMIT, "funnel partitions assigned and state rebuilt", () -> {
            int total = 0;
            for (StewardExporter e : replicas) {
                FunnelSnapshot f = funnels(e);
                if (f.funnels().isEmpty() || f.funnels().get(0).rebuilding() || f.assigned().isEmpty()) {
                    return false;
                }
                total += f.assigned().size();
            }
            if (total != partitions) {
                return false;
            }
            // The served snapshot may predate the latest publication: check the scrape agrees.
            for (StewardExporter e : replicas) {
                if (sum(List.of(Scrape.get(e.port())), FunnelMetrics.REBUILDING.name()) != 0.0
                        || sum(List.of(Scrape.get(e.port())), FunnelMetrics.ASSIGNED_PARTITIONS.name())
                        != funnels(e).assigned().size()) {
                    return false;
                }
            }
            return true;
        });
    }

    private static double events(StewardExporter e, String stage) throws Exception {
        return perStage(List.of(Scrape.get(e.port())), FunnelMetrics.STAGE_EVENTS.name()).getOrDefault(stage, -1.0);
    }

    private static Map<String, Double> perStage(List<Scrape> scrapes, String metric) {
        Map<String, Double> out = new TreeMap<>();
        for (Scrape s : scrapes) {
            s.all(metric, "funnel", FUNNEL).forEach(x -> out.merge(x.labels().get("stage"), x.value(), Double::sum));
        }
        return out;
    }

    private static double sum(List<Scrape> scrapes, String metric) {
        return scrapes.stream().flatMap(s -> s.all(metric).stream()).mapToDouble(Scrape.Sample::value).sum();
    }
}
