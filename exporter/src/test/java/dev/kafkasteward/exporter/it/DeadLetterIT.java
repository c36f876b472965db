package dev.kafkasteward.exporter.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kafkasteward.contract.catalog.DeadLetterMetrics;
import dev.kafkasteward.contract.catalog.LagMetrics;
import dev.kafkasteward.contract.catalog.SelfMetrics;
import dev.kafkasteward.contract.ownership.Ownership;
import dev.kafkasteward.contract.ownership.OwnershipLoader;
import dev.kafkasteward.contract.testing.Await;
import dev.kafkasteward.exporter.StewardExporter;
import dev.kafkasteward.exporter.collect.CollectorSettings;
import dev.kafkasteward.exporter.collect.DeadLetterRecordReader;
import dev.kafkasteward.exporter.collect.DeadLetterSettings;
import dev.kafkasteward.exporter.collect.FullCollector;
import dev.kafkasteward.exporter.collect.KafkaCollector;
import dev.kafkasteward.exporter.collect.MetadataReader;
import dev.kafkasteward.exporter.collect.RecordTimestampReader;
import dev.kafkasteward.exporter.observation.FailureHeaders;
import dev.kafkasteward.exporter.observation.FunnelSnapshot;
import dev.kafkasteward.exporter.observation.Observation;
import dev.kafkasteward.exporter.testing.RecordingAdmin;
import dev.kafkasteward.exporter.testing.Scrape;
import dev.kafkasteward.exporter.testing.TestCluster;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
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
import org.junit.jupiter.api.io.TempDir;

/**
 * Acceptance 1 on a real 3-broker cluster: dead letters written before the exporter started are
 * counted from offsets but not read for reasons; three new Connect-style dead letters show up in
 * records-written and in the reason counts by the first cycle started after they were written. A
 * Spring-style topic matched by a pattern and created later is read from its start. Dead letters
 * of an aborted transaction are stepped over, not counted.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DeadLetterIT {

    private static final String DLQ = "fulfillment.dlq.v1";
    private static final String SPRING_DLT = "payments.dlt.v1";
    private static final String DATA_EXCEPTION = "org.apache.kafka.connect.errors.DataException";
    private static final Instant NEWEST = Instant.now().minusSeconds(90).truncatedTo(java.time.temporal.ChronoUnit.MILLIS);

    /** Declared only by the edited file; its name is outside the default unowned dead-letter pattern. */
    private static final String RETURNS_DLQ = "returns.rejected.v1";

    private TestCluster cluster;
    private StewardExporter exporter;
    private Path ownershipFile;
    private String ownershipYml;

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        cluster = TestCluster.start(3);
        try (Admin admin = cluster.admin(); KafkaProducer<String, String> producer = cluster.producer()) {
            admin.createTopics(List.of(new NewTopic(DLQ, 3, (short) 3))).all().get();
            for (int i = 0; i < 5; i++) { // before the exporter: counted, never re-read
                producer.send(connectStyle(i % 3, "old.ReasonNobodyShouldSee", NEWEST.minusSeconds(3600))).get();
            }
        }
        // The example ownership plus a Spring dead-letter topic selected by pattern.
        String yml = Files.readString(Path.of("../examples/ownership.yml")).replace("connectors:\n",
                "  - pattern: 'payments\\.dlt\\..*'\n    owner: payments\n\nconnectors:\n");
        ownershipFile = dir.resolve("ownership.yml");
        ownershipYml = yml;
        Files.writeString(ownershipFile, yml);
        Ownership ownership = new OwnershipLoader().load(ownershipFile);
        exporter = StewardExporter.start(StewardExporter.Config.of(ownership, cluster.clientProperties())
                .every(Duration.ofMillis(500)).reloadingFrom(ownershipFile, Duration.ofMillis(200))
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

    private static ProducerRecord<String, String> connectStyle(int partition, String exception, Instant at) {
        ProducerRecord<String, String> r = new ProducerRecord<>(DLQ, partition, at.toEpochMilli(),
                "o-" + partition, "{not json");
        header(r, FailureHeaders.CONNECT_EXCEPTION_CLASS, exception);
        header(r, FailureHeaders.CONNECT_TOPIC, "orders.accepted.v1");
        header(r, FailureHeaders.CONNECT_PARTITION, Integer.toString(partition));
        header(r, FailureHeaders.CONNECT_OFFSET, "17");
        return r;
    }

    private static void header(ProducerRecord<String, String> r, String key, String value) {
        r.headers().add(key, value.getBytes(StandardCharsets.UTF_8));
    }

    private double value(Scrape s, String metric, String... labels) {
        return s.value(metric, labels).orElseThrow(() -> new AssertionError("no " + metric + " " + List.of(labels)));
    }

    @Test
    @Order(1)
    void recordsWrittenBeforeTheExporterAreCountedButNotReadForReasons() throws Exception {
        Await.until(Duration.ofSeconds(30), "exporter ready", () -> Scrape.status(exporter.port(), "/readyz") == 200);
        Scrape s = Scrape.get(exporter.port());
        assertEquals(5.0, value(s, DeadLetterMetrics.RECORDS_WRITTEN.name(), "topic", DLQ));
        assertEquals(5.0, value(s, DeadLetterMetrics.RECORDS_RETAINED.name(), "topic", DLQ));
        assertEquals(0.0, value(s, DeadLetterMetrics.UNREAD_RECORDS.name(), "topic", DLQ));
        assertEquals(List.of(), s.all(DeadLetterMetrics.RECORDS_BY_REASON.name()));
    }

    @Test
    @Order(2)
    void threeNewDeadLettersShowUpWithTheirReasonByTheFirstCycleStartedAfterTheWrites() throws Exception {
        double cycles = completedCycles();
        try (KafkaProducer<String, String> producer = cluster.producer()) {
            for (int i = 0; i < 3; i++) {
                producer.send(connectStyle(i, DATA_EXCEPTION, i == 1 ? NEWEST : NEWEST.minusSeconds(60))).get();
            }
        }
        // The cycle running while we wrote may have missed them; the next one started after the writes.
        Await.until(Duration.ofSeconds(30), "two more cycles", () -> completedCycles() >= cycles + 2);
        Scrape s = Scrape.get(exporter.port());
        assertEquals(8.0, value(s, DeadLetterMetrics.RECORDS_WRITTEN.name(), "topic", DLQ), "5 old + 3 new");
        assertEquals(3.0, value(s, DeadLetterMetrics.RECORDS_BY_REASON.name(), "topic", DLQ,
                "source_topic", "orders.accepted.v1", "reason", DATA_EXCEPTION));
        assertEquals(1, s.all(DeadLetterMetrics.RECORDS_BY_REASON.name(), "topic", DLQ).size(),
                "the old records' reason is never read");
        assertEquals(NEWEST.toEpochMilli() / 1000.0,
                value(s, DeadLetterMetrics.NEWEST_RECORD_TIMESTAMP.name(), "topic", DLQ), 0.0005);
        assertEquals(0.0, value(s, DeadLetterMetrics.UNREAD_RECORDS.name(), "topic", DLQ));
    }

    @Test
    @Order(3)
    void aTopicMatchingAPatternCreatedLaterIsReadFromItsStart() throws Exception {
        try (Admin admin = cluster.admin(); KafkaProducer<String, String> producer = cluster.producer()) {
            admin.createTopics(List.of(new NewTopic(SPRING_DLT, 1, (short) 3))).all().get();
            for (int i = 0; i < 4; i++) {
                ProducerRecord<String, String> r = new ProducerRecord<>(SPRING_DLT, "p-" + i, "{}");
                header(r, FailureHeaders.SPRING_EXCEPTION_FQCN, i < 3 ? "java.lang.IllegalStateException"
                        : "org.springframework.kafka.listener.ListenerExecutionFailedException");
                header(r, FailureHeaders.SPRING_ORIGINAL_TOPIC, "payments.results.v1");
                producer.send(r).get();
            }
        }
        Await.until(Duration.ofSeconds(30), "spring dead letters counted", () -> Scrape.get(exporter.port())
                .all(DeadLetterMetrics.RECORDS_BY_REASON.name(), "topic", SPRING_DLT).size() == 2);
        Scrape s = Scrape.get(exporter.port());
        assertEquals(4.0, value(s, DeadLetterMetrics.RECORDS_WRITTEN.name(), "topic", SPRING_DLT));
        assertEquals(3.0, value(s, DeadLetterMetrics.RECORDS_BY_REASON.name(), "topic", SPRING_DLT,
                "source_topic", "payments.results.v1", "reason", "java.lang.IllegalStateException"));
        assertTrue(s.samples().stream().noneMatch(x -> x.labels().containsKey("team")), "team is joined by rules");
    }

    /**
     * ownership.yml edited while running: an invalid file and a refused cluster rename keep the
     * previous configuration (its dead-letter topic stays counted) and show as failed reloads; a
     * valid edit adding a dead-letter topic takes effect without a restart.
     */
    @Test
    @Order(4)
    void ownershipReloadsWhenTheFileChangesAndKeepsTheLastGoodConfigurationOnErrors() throws Exception {
        try (Admin admin = cluster.admin(); KafkaProducer<String, String> producer = cluster.producer()) {
            admin.createTopics(List.of(new NewTopic(RETURNS_DLQ, 1, (short) 3))).all().get();
            producer.send(new ProducerRecord<>(RETURNS_DLQ, "r-1", "{}")).get();
            producer.send(new ProducerRecord<>(RETURNS_DLQ, "r-2", "{}")).get();
        }
        String reloads = SelfMetrics.CONFIG_RELOADS.name();
        String lastOk = SelfMetrics.CONFIG_LAST_RELOAD_SUCCESSFUL.name();
        assertEquals(1.0, value(Scrape.get(exporter.port()), lastOk));

        Files.writeString(ownershipFile, ownershipYml.replace("owner: fulfillment", "owner: nobody-we-know"));
        Await.until(Duration.ofSeconds(10), "failed reload reported", () -> Scrape.get(exporter.port())
                .value(lastOk).orElse(-1.0) == 0.0);
        Scrape invalid = Scrape.get(exporter.port());
        assertEquals(1.0, value(invalid, reloads, "outcome", "failure"));
        assertEquals(0.0, value(invalid, reloads, "outcome", "success"));
        assertEquals(8.0, value(invalid, DeadLetterMetrics.RECORDS_WRITTEN.name(), "topic", DLQ),
                "the previous configuration is still in use");

        Files.writeString(ownershipFile, ownershipYml.replace("connectors:\n", "  - name: " + RETURNS_DLQ
                + "\n    owner: fulfillment\n\nconnectors:\n"));
        Await.until(Duration.ofSeconds(10), "the reloaded dead-letter topic counted", () -> {
            Scrape now = Scrape.get(exporter.port());
            return now.value(lastOk).orElse(0.0) == 1.0
                    && now.value(DeadLetterMetrics.RECORDS_WRITTEN.name(), "topic", RETURNS_DLQ).isPresent();
        });
        Scrape reloaded = Scrape.get(exporter.port());
        assertEquals(2.0, value(reloaded, DeadLetterMetrics.RECORDS_WRITTEN.name(), "topic", RETURNS_DLQ));
        assertEquals(1.0, value(reloaded, lastOk));
        assertEquals(1.0, value(reloaded, reloads, "outcome", "success"));

        Files.writeString(ownershipFile, ownershipYml.replace("cluster: orders-prod", "cluster: orders-renamed"));
        Await.until(Duration.ofSeconds(10), "the cluster rename refused", () -> Scrape.get(exporter.port())
                .value(reloads, "outcome", "failure").orElse(0.0) == 2.0);
        Scrape refused = Scrape.get(exporter.port());
        assertEquals(0.0, value(refused, lastOk));
        assertEquals("orders-prod", exporter.ownership().cluster());
        assertTrue(refused.value(DeadLetterMetrics.RECORDS_WRITTEN.name(), "topic", RETURNS_DLQ).isPresent());
    }

    @Test
    @Order(5)
    void quietDeadLetterTopicsCostNoRequestOfTheirOwn() throws Exception {
        // Their log offsets ride along in the lag's ListOffsets per leader; only a partition whose log
        // end moved is asked its newest timestamp. Read apart, they cost 3 ListOffsets per leader a cycle.
        List<RecordingAdmin.Call> calls = new CopyOnWriteArrayList<>();
        CollectorSettings settings = new CollectorSettings(Duration.ofSeconds(3), 1000, Duration.ofSeconds(5));
        try (Admin admin = cluster.admin();
             MetadataReader metadata = new MetadataReader(cluster.clientProperties());
             DeadLetterRecordReader reader = new DeadLetterRecordReader(cluster.clientProperties());
             KafkaProducer<String, String> producer = cluster.producer()) {
            Admin recording = RecordingAdmin.wrap(admin, calls::add);
            KafkaCollector kafka = new KafkaCollector(recording, metadata,
                    new RecordTimestampReader(cluster.clientProperties()), settings, Clock.systemUTC());
            FullCollector cycle = new FullCollector(kafka, recording, reader,
                    () -> exporter.ownership().deadLetterTopics(), settings, DeadLetterSettings.DEFAULTS,
                    names -> FunnelSnapshot.EMPTY);
            Observation first = cycle.collect();
            assertEquals(8L, retained(first, DLQ), "5 old + 3 new, from the lag's log offsets");
            Set<TopicPartition> holdingRecords = new HashSet<>();
            first.deadLetters().topics().forEach(t -> t.offsets().forEach((p, o) -> {
                if (o.end() > o.start()) {
                    holdingRecords.add(new TopicPartition(t.topic(), p));
                }
            }));
            Set<TopicPartition> asked = new HashSet<>();
            newestTimestampLookups(calls).forEach(asked::addAll);
            assertEquals(holdingRecords, asked, "the first cycle asks every partition that holds records");
            assertTrue(asked.size() >= 3, "the test's topic holds records in 3 partitions: " + asked);

            calls.clear();
            Observation quiet = cycle.collect();
            assertEquals(List.of(), newestTimestampLookups(calls), "nothing new, nothing asked");
            assertEquals(8L, retained(quiet, DLQ));
            assertEquals(first.deadLetters().topics().stream().filter(t -> t.topic().equals(DLQ)).findFirst()
                            .orElseThrow().newestTimestamps(),
                    quiet.deadLetters().topics().stream().filter(t -> t.topic().equals(DLQ)).findFirst()
                            .orElseThrow().newestTimestamps(), "the last answers served");

            producer.send(connectStyle(2, DATA_EXCEPTION, NEWEST.minusSeconds(30))).get();
            calls.clear();
            Observation moved = cycle.collect();
            assertEquals(List.of(Set.of(new TopicPartition(DLQ, 2))), newestTimestampLookups(calls),
                    "only the partition whose log end moved");
            assertEquals(9L, retained(moved, DLQ));
        }
    }

    /**
     * A transactional dead-letter writer aborts two records, then commits one: written counts all five
     * offsets (two markers included), the reasons and records read only the committed record, and the
     * other four offsets are skipped.
     */
    @Test
    @Order(6)
    void deadLettersOfAnAbortedTransactionAreSkippedNotCounted() throws Exception {
        Scrape before = Scrape.get(exporter.port());
        double written = value(before, DeadLetterMetrics.RECORDS_WRITTEN.name(), "topic", DLQ);
        double skipped = value(before, DeadLetterMetrics.OFFSETS_SKIPPED.name(), "topic", DLQ);
        double read = value(before, DeadLetterMetrics.RECORDS_READ.name(), "topic", DLQ);
        java.util.Properties props = cluster.clientProperties();
        props.put("transactional.id", "dead-letter-writer");
        try (KafkaProducer<String, String> tx = new KafkaProducer<>(props,
                new org.apache.kafka.common.serialization.StringSerializer(),
                new org.apache.kafka.common.serialization.StringSerializer())) {
            tx.initTransactions();
            tx.beginTransaction();
            tx.send(connectStyle(0, "aborted.NeverDelivered", NEWEST)).get();
            tx.send(connectStyle(0, "aborted.NeverDelivered", NEWEST)).get();
            tx.abortTransaction();
            tx.beginTransaction();
            tx.send(connectStyle(0, "committed.Delivered", NEWEST)).get();
            tx.commitTransaction();
        }
        Await.until(Duration.ofSeconds(30), "the transactions read", () -> {
            Scrape now = Scrape.get(exporter.port());
            return now.value(DeadLetterMetrics.RECORDS_WRITTEN.name(), "topic", DLQ).orElse(0.0) == written + 5
                    && now.value(DeadLetterMetrics.UNREAD_RECORDS.name(), "topic", DLQ).orElse(-1.0) == 0.0;
        });
        Scrape s = Scrape.get(exporter.port());
        assertEquals(4.0, value(s, DeadLetterMetrics.OFFSETS_SKIPPED.name(), "topic", DLQ) - skipped,
                "two aborted records, the abort marker and the commit marker");
        assertEquals(1.0, value(s, DeadLetterMetrics.RECORDS_READ.name(), "topic", DLQ) - read, "the committed one");
        assertEquals(1.0, value(s, DeadLetterMetrics.RECORDS_BY_REASON.name(), "topic", DLQ,
                "source_topic", "orders.accepted.v1", "reason", "committed.Delivered"));
        assertEquals(List.of(), s.all(DeadLetterMetrics.RECORDS_BY_REASON.name(), "topic", DLQ, "source_topic",
                "orders.accepted.v1", "reason", "aborted.NeverDelivered"), "aborted dead letters reached nobody");
    }

    /** The partitions of each listOffsets call that asked max-timestamp. */
    @Test
    @Order(7)
    void aReplayedDeadLetterStopsPendingAndOneLeftAloneAges() throws Exception {
        String group = "fulfillment-dlq-decisions"; // the example's decision_group for this topic
        Instant first = Instant.now().minusSeconds(600).truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        Instant second = Instant.now().minusSeconds(300).truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        try (KafkaProducer<String, String> producer = cluster.producer()) {
            producer.send(connectStyle(0, DATA_EXCEPTION, first)).get();
            producer.send(connectStyle(0, DATA_EXCEPTION, second)).get();
        }
        Map<TopicPartition, Long> ends = new java.util.HashMap<>();
        try (Admin admin = cluster.admin()) {
            Map<TopicPartition, org.apache.kafka.clients.admin.OffsetSpec> latest = new java.util.HashMap<>();
            for (int p = 0; p < 3; p++) {
                latest.put(new TopicPartition(DLQ, p), org.apache.kafka.clients.admin.OffsetSpec.latest());
            }
            admin.listOffsets(latest).all().get().forEach((tp, info) -> ends.put(tp, info.offset()));
            // Everything decided but the two new records of partition 0.
            commit(admin, group, ends, 2);
            awaitPending(group, 2, first);
            // The team replays the older one and commits past it.
            commit(admin, group, ends, 1);
            Scrape one = awaitPending(group, 1, second);
            Thread.sleep(2_000);
            Scrape later = Scrape.get(exporter.port());
            assertTrue(value(later, LagMetrics.TOPIC_MAX_LAG_AGE.name(), "group", group, "topic", DLQ)
                    > value(one, LagMetrics.TOPIC_MAX_LAG_AGE.name(), "group", group, "topic", DLQ),
                    "the record left alone keeps ageing");
        }
    }

    /** Commits the decision group at each partition's log end, partition 0 {@code undecided} records short of it. */
    private static void commit(Admin admin, String group, Map<TopicPartition, Long> ends, int undecided)
            throws Exception {
        Map<TopicPartition, org.apache.kafka.clients.consumer.OffsetAndMetadata> offsets = new java.util.HashMap<>();
        ends.forEach((tp, end) -> offsets.put(tp, new org.apache.kafka.clients.consumer.OffsetAndMetadata(
                tp.partition() == 0 ? end - undecided : end, "replayed after repair")));
        admin.alterConsumerGroupOffsets(group, offsets).all().get();
    }

    /**
     * Waits for {@code pending} records awaiting a decision with the oldest's age served within max(1 s, 2 %)
     * of its true age at the scrape: the first cycles may only estimate it, until the record's timestamp is read.
     */
    private Scrape awaitPending(String group, double pending, Instant oldest) throws Exception {
        java.util.concurrent.atomic.AtomicReference<Scrape> found = new java.util.concurrent.atomic.AtomicReference<>();
        java.util.concurrent.atomic.AtomicReference<String> last = new java.util.concurrent.atomic.AtomicReference<>("");
        try {
            Await.until(Duration.ofSeconds(30), pending + " records pending, the oldest's age right", () -> {
                long before = System.currentTimeMillis();
                Scrape s = Scrape.get(exporter.port());
                double truth = (before - oldest.toEpochMilli()) / 1000.0;
                double served = s.value(LagMetrics.TOPIC_MAX_LAG_AGE.name(), "group", group, "topic", DLQ).orElse(-1.0);
                double records = s.value(LagMetrics.TOPIC_LAG_RECORDS.name(), "group", group, "topic", DLQ).orElse(-1.0);
                last.set("pending " + records + ", served age " + served + " s, true " + truth + " s");
                found.set(s);
                return records == pending && Math.abs(served - truth) <= Math.max(1, 0.02 * truth);
            });
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "; last seen: " + last.get(), e);
        }
        return found.get();
    }

    private static List<Set<TopicPartition>> newestTimestampLookups(List<RecordingAdmin.Call> calls) {
        List<Set<TopicPartition>> out = new ArrayList<>();
        for (RecordingAdmin.Call c : calls) {
            if (c.method().equals("listOffsets") && c.args().get(0) instanceof Map<?, ?> specs
                    && specs.values().stream().anyMatch(v -> v instanceof OffsetSpec.MaxTimestampSpec)) {
                Set<TopicPartition> asked = new HashSet<>();
                specs.keySet().forEach(k -> asked.add((TopicPartition) k));
                out.add(asked);
            }
        }
        return out;
    }

    /** Records {@code topic} holds per the observation's log offsets: log end minus log start, summed. */
    private static long retained(Observation o, String topic) {
        return o.deadLetters().topics().stream().filter(t -> t.topic().equals(topic))
                .flatMap(t -> t.offsets().values().stream()).mapToLong(l -> l.end() - l.start()).sum();
    }

    private double completedCycles() throws Exception {
        return Scrape.get(exporter.port()).all(SelfMetrics.COLLECTIONS.name()).stream()
                .mapToDouble(Scrape.Sample::value).sum();
    }
}
