package dev.kafkasteward.exporter.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kafkasteward.contract.catalog.LagMetrics;
import dev.kafkasteward.contract.catalog.ReplicationMetrics;
import dev.kafkasteward.contract.catalog.SelfMetrics;
import dev.kafkasteward.contract.ownership.Ownership;
import dev.kafkasteward.contract.ownership.OwnershipLoader;
import dev.kafkasteward.contract.testing.Await;
import dev.kafkasteward.exporter.StewardExporter;
import dev.kafkasteward.exporter.collect.CollectorSettings;
import dev.kafkasteward.exporter.testing.Scrape;
import dev.kafkasteward.exporter.testing.TestCluster;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The skeleton's slice end to end on a real 3-broker KRaft cluster: exact lag per partition, lag
 * age from explicit record timestamps, URP counts, and scrapes that keep answering (stale, not
 * broken) once the cluster is gone.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ExporterIT {

    private static final String TOPIC = "orders.accepted.v1";
    private static final String GROUP = "fulfillment-service";
    private static final int[] PRODUCED = {10, 20, 30};
    private static final long[] COMMITTED = {4, 20, 0};
    // Records of partition p at offset i carry timestamp BASE + p*1000 + i seconds... in the past.
    private static final Instant BASE = Instant.now().minus(Duration.ofMinutes(30));

    private TestCluster cluster;
    private StewardExporter exporter;

    @BeforeAll
    void start() throws Exception {
        cluster = TestCluster.start(3);
        try (Admin admin = cluster.admin(); KafkaProducer<String, String> producer = cluster.producer()) {
            admin.createTopics(List.of(new NewTopic(TOPIC, 3, (short) 3))).all().get();
            for (int p = 0; p < PRODUCED.length; p++) {
                for (int i = 0; i < PRODUCED[p]; i++) {
                    producer.send(new ProducerRecord<>(TOPIC, p, recordTime(p, i).toEpochMilli(), "k" + i, "v")).get();
                }
            }
            Map<TopicPartition, OffsetAndMetadata> commits = Map.of(
                    new TopicPartition(TOPIC, 0), new OffsetAndMetadata(COMMITTED[0]),
                    new TopicPartition(TOPIC, 1), new OffsetAndMetadata(COMMITTED[1]),
                    new TopicPartition(TOPIC, 2), new OffsetAndMetadata(COMMITTED[2]));
            admin.alterConsumerGroupOffsets(GROUP, commits).all().get();
        }
        Ownership ownership = new OwnershipLoader().load(java.nio.file.Path.of("../examples/ownership.yml"));
        exporter = StewardExporter.start(StewardExporter.Config.of(ownership, cluster.clientProperties())
                .every(Duration.ofMillis(500))
                .collecting(new CollectorSettings(Duration.ofSeconds(3), 1000, Duration.ofSeconds(5))));
    }

    @AfterAll
    void stop() throws Exception {
        if (exporter != null) {
            exporter.close();
        }
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    @Order(1)
    void lagPerPartitionIsExactlyLogEndMinusCommittedAndAgreesWithTheAdminApi() throws Exception {
        Await.until(Duration.ofSeconds(30), "exporter ready", () -> Scrape.status(exporter.port(), "/readyz") == 200);
        Scrape scrape = Scrape.get(exporter.port());

        try (Admin admin = cluster.admin()) {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(GROUP)
                    .partitionsToOffsetAndMetadata().get();
            Map<TopicPartition, OffsetSpec> latest = committed.keySet().stream()
                    .collect(Collectors.toMap(tp -> tp, tp -> OffsetSpec.latest()));
            var ends = admin.listOffsets(latest).all().get();
            for (int p = 0; p < PRODUCED.length; p++) {
                TopicPartition tp = new TopicPartition(TOPIC, p);
                long expected = PRODUCED[p] - COMMITTED[p];
                assertEquals(expected, ends.get(tp).offset() - committed.get(tp).offset(), "Admin API sanity");
                assertEquals(expected, lag(scrape, p), "lag of partition " + p);
            }
        }
    }

    @Test
    @Order(2)
    void lagAgeIsNowMinusTheTimestampOfTheRecordAtTheCommittedOffset() throws Exception {
        Scrape scrape = Scrape.get(exporter.port());
        double now = Instant.now().toEpochMilli() / 1000.0;
        double age0 = scrape.value(LagMetrics.LAG_AGE.name(), "group", GROUP, "topic", TOPIC, "partition", "0")
                .orElseThrow();
        double truth0 = now - recordTime(0, (int) COMMITTED[0]).toEpochMilli() / 1000.0;
        assertTrue(Math.abs(age0 - truth0) <= Math.max(1.0, truth0 * 0.02) + 1.0,
                "age " + age0 + " vs truth " + truth0 + " (+1 s for the collection interval)");
        assertEquals(0.0, scrape.value(LagMetrics.LAG_AGE.name(), "group", GROUP, "topic", TOPIC, "partition", "1")
                .orElseThrow(), "caught up: exactly 0");
        double truth2 = now - recordTime(2, 0).toEpochMilli() / 1000.0;
        double age2 = scrape.value(LagMetrics.LAG_AGE.name(), "group", GROUP, "topic", TOPIC, "partition", "2")
                .orElseThrow();
        assertTrue(Math.abs(age2 - truth2) <= Math.max(1.0, truth2 * 0.02) + 1.0, "age " + age2 + " vs " + truth2);
    }

    @Test
    @Order(3)
    void underReplicatedPartitionsAreCountedPerTopic() throws Exception {
        Scrape scrape = Scrape.get(exporter.port());
        assertEquals(0.0, scrape.value(ReplicationMetrics.TOPIC_UNDER_REPLICATED_PARTITIONS.name(), "topic", TOPIC)
                .orElseThrow());
        Set<String> clusters = scrape.samples().stream().map(s -> s.labels().get("cluster")).collect(Collectors.toSet());
        assertEquals(Set.of("orders-prod"), clusters, "every exporter series carries the ownership cluster name");
    }

    @Test
    @Order(4)
    void scrapesServeTheLastDataAndShowStalenessWhileTheClusterIsDown() throws Exception {
        cluster.close();
        double errorsBefore = errors(Scrape.get(exporter.port()));

        Await.until(Duration.ofSeconds(30), "a failed cycle counted",
                () -> errors(Scrape.get(exporter.port())) > errorsBefore);
        long start = System.nanoTime();
        Scrape scrape = Scrape.get(exporter.port());
        long millis = (System.nanoTime() - start) / 1_000_000;

        // A figure, not a bound: scrape latency is measured in the benchmarks.
        System.out.printf("scrape with Kafka down: %d ms%n", millis);
        assertEquals(PRODUCED[0] - COMMITTED[0], lag(scrape, 0), "last good data stays served");
        double age = scrape.value(SelfMetrics.SNAPSHOT_AGE.name()).orElseThrow();
        Await.until(Duration.ofSeconds(20), "snapshot age grows past 2 s",
                () -> Scrape.get(exporter.port()).value(SelfMetrics.SNAPSHOT_AGE.name()).orElseThrow() > Math.max(2.0, age));
        assertEquals(200, Scrape.status(exporter.port(), "/healthz"));
    }

    private static double errors(Scrape scrape) {
        return scrape.all(SelfMetrics.COLLECTION_ERRORS.name()).stream().mapToDouble(Scrape.Sample::value).sum();
    }

    private static long lag(Scrape scrape, int partition) {
        return scrape.value(LagMetrics.LAG_RECORDS.name(), "group", GROUP, "topic", TOPIC, "partition",
                Integer.toString(partition)).orElseThrow(() -> new AssertionError("no lag series for partition " + partition))
                .longValue();
    }

    private static Instant recordTime(int partition, int offset) {
        return BASE.plusSeconds(partition * 100L + offset);
    }
}
