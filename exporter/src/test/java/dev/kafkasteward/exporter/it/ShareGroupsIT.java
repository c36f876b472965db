package dev.kafkasteward.exporter.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kafkasteward.contract.catalog.ShareGroupMetrics;
import dev.kafkasteward.contract.ownership.Ownership;
import dev.kafkasteward.contract.ownership.OwnershipLoader;
import dev.kafkasteward.contract.testing.Await;
import dev.kafkasteward.exporter.StewardExporter;
import dev.kafkasteward.exporter.collect.CollectorSettings;
import dev.kafkasteward.exporter.lag.LagSettings;
import dev.kafkasteward.exporter.testing.Scrape;
import dev.kafkasteward.exporter.testing.TestCluster;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.AcknowledgeType;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaShareConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Share groups (KIP-932) on a real broker: 20 records at known timestamps; share group {@code workers}
 * acknowledges the first 5 and holds the rest without acknowledging them, then its only member leaves;
 * share group {@code auditors} acknowledges all 20. The served backlog equals what was produced minus what was
 * acknowledged, the backlog age is that of the oldest record not acknowledged as the exporter serves it at
 * the scrape, and the statuses go stalled (member present, nothing acknowledged) and stopped (no member).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ShareGroupsIT {

    private static final String TOPIC = "jobs";
    private static final int RECORDS = 20;
    private static final int ACKNOWLEDGED = 5;
    private static final String WORKERS = "workers";
    private static final String AUDITORS = "auditors";
    private static final Duration AWAIT = Duration.ofSeconds(60);

    private TestCluster cluster;
    private StewardExporter exporter;
    private KafkaShareConsumer<String, String> worker;
    private final List<Long> stamps = new ArrayList<>();

    @BeforeAll
    void start() throws Exception {
        // One broker: the share-group state topic and the offsets topic with one replica.
        cluster = TestCluster.start(1, Map.of("share.coordinator.state.topic.replication.factor", "1",
                "share.coordinator.state.topic.min.isr", "1", "offsets.topic.replication.factor", "1",
                "transaction.state.log.replication.factor", "1"));
        try (Admin admin = cluster.admin()) {
            admin.createTopics(List.of(new NewTopic(TOPIC, 2, (short) 1))).all().get(30, TimeUnit.SECONDS);
            for (String group : List.of(WORKERS, AUDITORS)) {
                // A share group starts at the log end by default; these read what was produced before they joined.
                admin.incrementalAlterConfigs(Map.of(new ConfigResource(ConfigResource.Type.GROUP, group), List.of(
                        new AlterConfigOp(new ConfigEntry("share.auto.offset.reset", "earliest"),
                                AlterConfigOp.OpType.SET)))).all().get(30, TimeUnit.SECONDS);
            }
        }
        long base = System.currentTimeMillis() - 120_000;
        try (KafkaProducer<String, String> producer = cluster.producer()) {
            for (int i = 0; i < RECORDS; i++) {
                long ts = base + i * 3_000L;
                producer.send(new ProducerRecord<>(TOPIC, 0, ts, "job-" + i, "v")).get();
                stamps.add(ts);
            }
        }
        try (KafkaShareConsumer<String, String> auditor = consumer(AUDITORS)) {
            int acknowledged = 0;
            long deadline = System.nanoTime() + AWAIT.toNanos();
            while (acknowledged < RECORDS && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> r : auditor.poll(Duration.ofMillis(200))) {
                    auditor.acknowledge(r, AcknowledgeType.ACCEPT);
                    acknowledged++;
                }
            }
            auditor.commitSync();
            assertEquals(RECORDS, acknowledged, "the auditor acknowledged every record");
        }
        worker = consumer(WORKERS);
        boolean holding = false;
        long deadline = System.nanoTime() + AWAIT.toNanos();
        while (!holding && System.nanoTime() < deadline) {
            // Explicit acknowledgement: the records held are acquired and never acknowledged, so no further poll.
            for (ConsumerRecord<String, String> r : worker.poll(Duration.ofMillis(200))) {
                if (r.offset() < ACKNOWLEDGED) {
                    worker.acknowledge(r, AcknowledgeType.ACCEPT);
                } else {
                    holding = true;
                }
            }
        }
        worker.commitSync();
        assertTrue(holding, "the worker holds records past the first " + ACKNOWLEDGED);

        Ownership ownership = new OwnershipLoader().load(Path.of("../examples/ownership.yml"));
        exporter = StewardExporter.start(StewardExporter.Config.of(ownership, cluster.clientProperties())
                .every(Duration.ofMillis(500))
                .collecting(new CollectorSettings(Duration.ofSeconds(5), 1000, Duration.ofSeconds(5), 1))
                .lagSettings(new LagSettings(Duration.ofSeconds(3))));
    }

    private KafkaShareConsumer<String, String> consumer(String group) {
        Properties p = new Properties();
        p.putAll(cluster.clientProperties());
        p.put("group.id", group);
        p.put("client.id", group + "-client");
        p.put("share.acknowledgement.mode", "explicit");
        KafkaShareConsumer<String, String> c = new KafkaShareConsumer<>(p, new StringDeserializer(),
                new StringDeserializer());
        c.subscribe(List.of(TOPIC));
        return c;
    }

    @AfterAll
    void stop() throws Exception {
        if (worker != null) {
            worker.close();
        }
        if (exporter != null) {
            exporter.close();
        }
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    @Order(1)
    void aMemberHoldingItsRecordsIsStalledWithTheBacklogItLeftAndTheAgeOfTheOldestNotAcknowledged()
            throws Exception {
        Scrape s = await("workers stalled", scrape -> status(scrape, WORKERS).equals(Optional.of("stalled")));
        long backlog = RECORDS - ACKNOWLEDGED;
        assertEquals(Optional.of((double) backlog), partition(s, ShareGroupMetrics.BACKLOG_RECORDS, WORKERS));
        assertEquals(Optional.of((double) backlog), s.value(ShareGroupMetrics.TOPIC_BACKLOG_RECORDS.name(),
                "group", WORKERS, "topic", TOPIC));
        assertEquals(Optional.of((double) backlog), s.value(ShareGroupMetrics.GROUP_BACKLOG_RECORDS.name(),
                "group", WORKERS));
        assertEquals(Optional.of(1.0), s.value(ShareGroupMetrics.MEMBERS.name(), "group", WORKERS));
        assertEquals(Optional.of(1.0), s.value(ShareGroupMetrics.STATE.name(), "group", WORKERS, "state", "stable"));
        // The held records are one batch in flight: the broker may keep its start offset at the batch's first
        // record, 15 s older than the oldest not acknowledged; log end - backlog places that one exactly.
        assertAgeOfRecord(ACKNOWLEDGED, "workers stalled");
    }

    @Test
    @Order(2)
    void aGroupThatAcknowledgedEverythingIsOkWithoutBacklog() throws Exception {
        Scrape s = await("auditors served", scrape -> status(scrape, AUDITORS).isPresent());
        assertEquals(Optional.of("ok"), status(s, AUDITORS));
        assertEquals(Optional.of(0.0), partition(s, ShareGroupMetrics.BACKLOG_RECORDS, AUDITORS));
        assertEquals(Optional.of(0.0), partition(s, ShareGroupMetrics.BACKLOG_AGE, AUDITORS));
        assertEquals(Optional.of(0.0), s.value(ShareGroupMetrics.MEMBERS.name(), "group", AUDITORS));
    }

    @Test
    @Order(3)
    void withItsMemberGoneTheGroupIsStoppedWithTheSameBacklogAndAge() throws Exception {
        worker.close(); // releases the held records: still not acknowledged
        worker = null;
        Scrape s = await("workers stopped", scrape -> status(scrape, WORKERS).equals(Optional.of("stopped")));
        assertEquals(Optional.of((double) (RECORDS - ACKNOWLEDGED)),
                partition(s, ShareGroupMetrics.BACKLOG_RECORDS, WORKERS));
        assertEquals(Optional.of(0.0), s.value(ShareGroupMetrics.MEMBERS.name(), "group", WORKERS));
        assertAgeOfRecord(ACKNOWLEDGED, "workers stopped");
    }

    /** The partition's, topic's and group's backlog age, each the age of record {@code offset} at its scrape. */
    private void assertAgeOfRecord(int offset, String phase) throws Exception {
        for (Timed t : List.of(timedAge(WORKERS), timed(ShareGroupMetrics.GROUP_MAX_BACKLOG_AGE, "group", WORKERS),
                timed(ShareGroupMetrics.TOPIC_MAX_BACKLOG_AGE, "group", WORKERS, "topic", TOPIC))) {
            double truth = (t.atMs() - stamps.get(offset)) / 1000.0;
            System.out.printf("%s: age served %.3f s, truth at the scrape %.3f s%n", phase, t.age(), truth);
            assertTrue(Math.abs(t.age() - truth) <= tolerance(truth), "age " + t.age() + " s, truth " + truth + " s");
        }
    }

    /** max(1 s, 2 %): the lag issue's bound, for what is served at the scrape. */
    private static double tolerance(double seconds) {
        return Math.max(1.0, 0.02 * seconds);
    }

    /** A partition-0 age served, and the middle of its scrape (epoch ms): what the served age is the age at. */
    private record Timed(double age, long atMs) {
    }

    private Timed timedAge(String group) throws Exception {
        return timed(ShareGroupMetrics.BACKLOG_AGE, "group", group, "topic", TOPIC, "partition", "0");
    }

    private Timed timed(dev.kafkasteward.contract.catalog.MetricDef metric, String... labels) throws Exception {
        long before = System.currentTimeMillis();
        Scrape s = Scrape.get(exporter.port());
        long after = System.currentTimeMillis();
        double age = s.value(metric.name(), labels).orElseThrow(
                () -> new AssertionError("no " + metric.name() + " " + List.of(labels) + ":\n" + s.text()));
        return new Timed(age, (before + after) / 2);
    }

    private static Optional<Double> partition(Scrape s, dev.kafkasteward.contract.catalog.MetricDef metric,
                                              String group) {
        return s.value(metric.name(), "group", group, "topic", TOPIC, "partition", "0");
    }

    private static Optional<String> status(Scrape s, String group) {
        return s.all(ShareGroupMetrics.PARTITION_STATUS.name(), "group", group, "topic", TOPIC, "partition", "0")
                .stream().filter(x -> x.value() == 1).map(x -> x.labels().get("status")).findFirst();
    }

    private interface Check {
        boolean test(Scrape scrape);
    }

    private Scrape await(String what, Check check) throws Exception {
        Scrape[] last = new Scrape[1];
        try {
            Await.until(AWAIT, what, () -> check.test(last[0] = Scrape.get(exporter.port())));
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "\nlast scrape (share groups):\n" + (last[0] == null ? "none"
                    : last[0].text().lines().filter(l -> l.contains("sharegroup")).reduce("", (a, b) -> a + b + "\n")));
        }
        return last[0];
    }
}
