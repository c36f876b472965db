package dev.kafkasteward.exporter.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kafkasteward.contract.catalog.LagMetrics;
import dev.kafkasteward.contract.ownership.Ownership;
import dev.kafkasteward.contract.ownership.OwnershipLoader;
import dev.kafkasteward.contract.testing.Await;
import dev.kafkasteward.exporter.StewardExporter;
import dev.kafkasteward.exporter.collect.CollectorSettings;
import dev.kafkasteward.exporter.collect.KafkaCollector;
import dev.kafkasteward.exporter.collect.MetadataReader;
import dev.kafkasteward.exporter.collect.RecordTimestampReader;
import dev.kafkasteward.exporter.core.Snapshot;
import dev.kafkasteward.exporter.lag.GroupLag;
import dev.kafkasteward.exporter.lag.LagAge;
import dev.kafkasteward.exporter.lag.LagSettings;
import dev.kafkasteward.exporter.lag.PartitionLag;
import dev.kafkasteward.exporter.lag.PartitionStatus;
import dev.kafkasteward.exporter.observation.GroupDescription;
import dev.kafkasteward.exporter.observation.Observation;
import dev.kafkasteward.exporter.observation.TopicPartitionId;
import dev.kafkasteward.exporter.testing.MutableClock;
import dev.kafkasteward.exporter.testing.RecordingAdmin;
import dev.kafkasteward.exporter.testing.Scrape;
import dev.kafkasteward.exporter.testing.TestCluster;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.RecordsToDelete;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.GroupType;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Lag, lag age and status against a real 3-broker cluster, with records produced at known
 * timestamps: every age is checked against the truth at the snapshot's own time, within
 * max(1 s, 2 %).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LagIT {

    private TestCluster cluster;
    private StewardExporter exporter;
    private Ownership ownership;
    private KafkaProducer<String, String> producer;

    @BeforeAll
    void start() throws Exception {
        cluster = TestCluster.start(3, Map.of(
                "group.consumer.assignors", "uniform,range," + SkipLastPartitionAssignors.Server.class.getName(),
                "log.cleaner.backoff.ms", "300"));
        ownership = new OwnershipLoader().load(Path.of("../examples/ownership.yml"));
        producer = cluster.producer();
        exporter = startExporter();
    }

    private StewardExporter startExporter() throws Exception {
        return StewardExporter.start(StewardExporter.Config.of(ownership, cluster.clientProperties())
                .every(Duration.ofMillis(500))
                .collecting(new CollectorSettings(Duration.ofSeconds(5), 1000, Duration.ofSeconds(5), 1))
                .lagSettings(new LagSettings(Duration.ofSeconds(3))));
    }

    @AfterAll
    void stop() throws Exception {
        if (producer != null) {
            producer.close();
        }
        if (exporter != null) {
            exporter.close();
        }
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void steadyProductionAgeIsWithinTolerance() throws Exception {
        String topic = createTopic("steady", 1);
        List<Long> times = new ArrayList<>();
        Instant end = Instant.now().plusSeconds(6);
        while (Instant.now().isBefore(end)) { // 20 records/s, each stamped with its send time
            times.add(send(topic, 0, System.currentTimeMillis()));
            Thread.sleep(50);
        }
        long committed = times.size() / 3;
        commit("steady-group", topic, 0, committed);

        assertAgeWithinTolerance("steady-group", topic, 0, times.get((int) committed));
    }

    @Test
    void burstyProductionAgeIsWithinTolerance() throws Exception {
        String topic = createTopic("bursty", 1);
        List<Long> times = new ArrayList<>();
        for (int burst = 0; burst < 3; burst++) {
            for (int i = 0; i < 50; i++) {
                times.add(send(topic, 0, System.currentTimeMillis()));
            }
            Thread.sleep(2_500);
        }
        commit("bursty-group", topic, 0, 75);

        assertAgeWithinTolerance("bursty-group", topic, 0, times.get(75));
    }

    @Test
    void idleCaughtUpPartitionIsExactlyZero() throws Exception {
        String topic = createTopic("idle", 1);
        for (int i = 0; i < 10; i++) {
            send(topic, 0, System.currentTimeMillis() - 3_600_000L);
        }
        commit("idle-group", topic, 0, 10);

        PartitionLag p = awaitPartition("idle-group", topic, 0, Instant.now()).lag;
        assertEquals(0, p.records().getAsLong());
        assertEquals(new LagAge.Known(0), p.age(), "caught up: exactly 0, not the age of the last record");
    }

    @Test
    void coldStartIsRightInTheFirstCycle() throws Exception {
        String topic = createTopic("cold", 1);
        long old = System.currentTimeMillis() - 600_000; // ten minutes before the exporter existed
        List<Long> times = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            times.add(send(topic, 0, old + i * 1_000L));
        }
        commit("cold-group", topic, 0, 5);
        try (StewardExporter fresh = startExporter()) {
            Await.until(Duration.ofSeconds(20), "first snapshot", () -> fresh.state().snapshot().isPresent());
            Snapshot first = fresh.state().snapshot().orElseThrow();
            PartitionLag p = find(first, "cold-group", topic, 0);
            double truth = (first.at().toEpochMilli() - times.get(5)) / 1000.0;
            assertEquals(15, p.records().getAsLong());
            assertWithin(truth, p.age());
        }
    }

    @Test
    void aCommitOnARecordStampedInTheFutureIsAnUnknownAgeNotZero() throws Exception {
        String topic = createTopic("skewed", 1);
        send(topic, 0, System.currentTimeMillis() + 1_800_000L); // a producer clock half an hour ahead
        for (int i = 0; i < 5; i++) {
            send(topic, 0, System.currentTimeMillis());
        }
        commit("skewed-group", topic, 0, 0);
        Instant after = Instant.now();
        AtomicReference<PartitionLag> seen = new AtomicReference<>();
        Await.until(Duration.ofSeconds(20), "skewed-group in a snapshot", () -> {
            Snapshot s = exporter.state().snapshot().orElse(null);
            PartitionLag p = s == null || !s.at().isAfter(after) ? null : find(s, "skewed-group", topic, 0);
            seen.set(p);
            return p != null && !(p.age() instanceof LagAge.Unknown u && u.reason().equals("not_read_yet"));
        });
        assertEquals(6, seen.get().records().getAsLong());
        assertEquals(new LagAge.Unknown("future_timestamp"), seen.get().age(),
                "behind by six records on a record from the future: not 'age 0'");
    }

    @Test
    void aLogAppendTimeTopicAgesFromTheBrokersClockWhateverTheProducerSaid() throws Exception {
        String topic = "append-time";
        try (Admin admin = cluster.admin()) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 3)
                    .configs(Map.of("message.timestamp.type", "LogAppendTime")))).all().get();
        }
        // The producer's timestamp is half an hour ahead; the broker stamps its own, which the record carries.
        long appended = producer.send(new ProducerRecord<>(topic, 0, System.currentTimeMillis() + 1_800_000L, "k",
                "v")).get().timestamp();
        send(topic, 0, System.currentTimeMillis());
        commit("append-time-group", topic, 0, 0);
        assertAgeWithinTolerance("append-time-group", topic, 0, appended);
    }

    @Test
    void stalledGroupAgeKeepsGrowing() throws Exception {
        String topic = createTopic("stalled", 1);
        List<Long> times = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            times.add(send(topic, 0, System.currentTimeMillis()));
        }
        commit("stalled-group", topic, 0, 10);
        Observed first = awaitPartition("stalled-group", topic, 0, Instant.now());
        Observed later = awaitPartition("stalled-group", topic, 0, first.at.plusSeconds(3));

        double firstAge = assertWithin((first.at.toEpochMilli() - times.get(10)) / 1000.0, first.lag.age());
        double laterAge = assertWithin((later.at.toEpochMilli() - times.get(10)) / 1000.0, later.lag.age());
        double elapsed = (later.at.toEpochMilli() - first.at.toEpochMilli()) / 1000.0;
        assertEquals(elapsed, laterAge - firstAge, 0.01, "age grows with the clock while the commit stands still");
    }

    @Test
    void aCommitAtATransactionMarkerTakesTheAgeOfTheNextRecord() throws Exception {
        String topic = createTopic("transactional", 1);
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers());
        props.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "lag-it-tx");
        long t0 = System.currentTimeMillis() - 120_000;
        try (KafkaProducer<String, String> tx = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer())) {
            tx.initTransactions();
            tx.beginTransaction();
            tx.send(new ProducerRecord<>(topic, 0, t0, "k", "committed")).get(); // offset 0
            tx.commitTransaction(); // commit marker at offset 1
            tx.beginTransaction();
            tx.send(new ProducerRecord<>(topic, 0, t0 + 5_000, "k", "aborted")).get(); // offset 2
            tx.abortTransaction(); // abort marker at offset 3
            tx.beginTransaction();
            tx.send(new ProducerRecord<>(topic, 0, t0 + 30_000, "k", "committed")).get(); // offset 4
            tx.commitTransaction(); // marker at offset 5
        }
        commit("tx-group", topic, 0, 1); // at the first marker

        assertColdStartAge("tx-group", topic, 5, t0 + 5_000,
                "the record after the marker is the aborted one: read_uncommitted, as the exporter reads");
    }

    @Test
    void aCommitInACompactedGapTakesTheAgeOfTheNextRetainedRecord() throws Exception {
        String topic = "compacted";
        try (Admin admin = cluster.admin()) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 3).configs(Map.of(
                    "cleanup.policy", "compact", "segment.ms", "100", "min.cleanable.dirty.ratio", "0.001",
                    "min.compaction.lag.ms", "0", "delete.retention.ms", "0")))).all().get();
        }
        long t0 = System.currentTimeMillis() - 300_000;
        for (int i = 0; i < 20; i++) { // keys k0..k4, four versions each: offsets 15..19 are the last versions
            producer.send(new ProducerRecord<>(topic, 0, t0 + i * 1_000L, "k" + (i % 5), "v" + i)).get();
        }
        Thread.sleep(300);
        producer.send(new ProducerRecord<>(topic, 0, t0 + 20_000L, "roll", "v")).get(); // offset 20 rolls the segment
        Await.until(Duration.ofSeconds(40), "the cleaner compacted offsets 0..14 away", () -> firstOffset(topic) == 15);
        commit("compacted-group", topic, 0, 3); // k3's first version, long gone

        assertColdStartAge("compacted-group", topic, 18, t0 + 15_000, "offset 15 is the next retained record");
    }

    private void assertColdStartAge(String group, String topic, long expectedLag, long truthTimestamp, String why)
            throws Exception {
        try (StewardExporter fresh = startExporter()) {
            Await.until(Duration.ofSeconds(20), "first snapshot", () -> fresh.state().snapshot().isPresent());
            Snapshot first = fresh.state().snapshot().orElseThrow();
            PartitionLag p = find(first, group, topic, 0);
            assertEquals(expectedLag, p.records().getAsLong(), "lag in offsets, gaps included, as kafka-consumer-groups");
            double truth = (first.at().toEpochMilli() - truthTimestamp) / 1000.0;
            assertTrue(p.age() instanceof LagAge.Known, why + ": age known in the first cycle, got " + p.age());
            assertWithin(truth, p.age());
        }
    }

    private long firstOffset(String topic) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers());
        try (KafkaConsumer<String, String> c = new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer())) {
            TopicPartition tp = new TopicPartition(topic, 0);
            c.assign(List.of(tp));
            c.seekToBeginning(List.of(tp));
            var records = c.poll(Duration.ofSeconds(2));
            return records.isEmpty() ? -1 : records.records(tp).get(0).offset();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"classic", "consumer"})
    void statusAndMembersForBothProtocols(String protocol) throws Exception {
        String topic = createTopic("status-" + protocol, 3);
        for (int p = 0; p < 3; p++) {
            for (int i = 0; i < 10; i++) {
                send(topic, p, System.currentTimeMillis());
            }
        }
        String stoppedGroup = "stopped-" + protocol;
        commit(stoppedGroup, topic, 0, 2);
        commit(stoppedGroup, topic, 1, 10);

        String liveGroup = "live-" + protocol;
        for (int p = 0; p < 3; p++) {
            commit(liveGroup, topic, p, 4);
        }
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread consumerThread = new Thread(() -> runLiveConsumer(protocol, liveGroup, topic, failure));
        consumerThread.start();
        try {
            // Keep the log end growing while the live member never commits.
            Instant until = Instant.now().plusSeconds(30);
            Await.until(Duration.ofSeconds(30), protocol + " group is live with one member and stalled/unassigned", () -> {
                send(topic, 0, System.currentTimeMillis());
                Snapshot s = exporter.state().snapshot().orElseThrow();
                GroupLag g = s.lag().groups().stream().filter(x -> x.group().equals(liveGroup)).findFirst().orElse(null);
                return g != null && g.description().map(d -> d.members() == 1).orElse(false)
                        && find(s, liveGroup, topic, 0).status() == PartitionStatus.STALLED
                        && find(s, liveGroup, topic, 2).status() == PartitionStatus.UNASSIGNED
                        && Instant.now().isBefore(until);
            });
            Snapshot s = exporter.state().snapshot().orElseThrow();
            GroupLag live = s.lag().groups().stream().filter(x -> x.group().equals(liveGroup)).findFirst().orElseThrow();
            assertEquals(protocol, live.description().orElseThrow().protocol().label());
            assertEquals(PartitionStatus.STOPPED, find(s, stoppedGroup, topic, 0).status(), "no members, lag 8");
            assertEquals(PartitionStatus.OK, find(s, stoppedGroup, topic, 1).status(), "no members, caught up");
            GroupLag stopped = s.lag().groups().stream().filter(x -> x.group().equals(stoppedGroup)).findFirst().orElseThrow();
            assertEquals(0, stopped.description().orElseThrow().members());

            Scrape scrape = Scrape.get(exporter.port());
            assertEquals(1.0, scrape.value(LagMetrics.GROUP_MEMBERS.name(), "group", liveGroup).orElseThrow());
            assertEquals(1.0, scrape.value(LagMetrics.PARTITION_STATUS.name(), "group", liveGroup, "topic", topic,
                    "partition", "2", "status", "unassigned").orElseThrow());
        } finally {
            consumerThread.interrupt();
            consumerThread.join(15_000);
        }
        if (failure.get() != null) {
            throw new AssertionError("live consumer failed", failure.get());
        }
    }

    @Test
    void recordsLostAfterDeleteRecordsShowsExactlyHowMany() throws Exception {
        String topic = createTopic("lost", 1);
        for (int i = 0; i < 50; i++) {
            send(topic, 0, System.currentTimeMillis());
        }
        commit("lost-group", topic, 0, 10);
        try (Admin admin = cluster.admin()) {
            admin.deleteRecords(Map.of(new TopicPartition(topic, 0), RecordsToDelete.beforeOffset(35))).all().get();
        }
        Instant deleted = Instant.now();
        Await.until(Duration.ofSeconds(20), "records lost visible", () -> {
            Snapshot s = exporter.state().snapshot().orElseThrow();
            return s.at().isAfter(deleted) && find(s, "lost-group", topic, 0).recordsLost() == 25;
        });
        Scrape scrape = Scrape.get(exporter.port());
        assertEquals(25.0, scrape.value(LagMetrics.RECORDS_LOST.name(), "group", "lost-group", "topic", topic)
                .orElseThrow(), "offsets 10..34 were deleted unread");
        assertEquals(40.0, scrape.value(LagMetrics.LAG_RECORDS.name(), "group", "lost-group", "topic", topic)
                .orElseThrow(), "lag stays log-end minus committed, as kafka-consumer-groups reports it");
    }

    @Test
    void aGroupThatSwitchesProtocolBetweenListingsKeepsItsSeries() throws Exception {
        // KIP-848 online migration: an empty classic group becomes a consumer group when a member of
        // the consumer protocol joins. Between two listings the collector still asks it as classic.
        String topic = createTopic("switching", 3);
        for (int p = 0; p < 3; p++) {
            for (int i = 0; i < 10; i++) {
                send(topic, p, System.currentTimeMillis());
            }
        }
        String group = "switching-group";
        MutableClock clock = new MutableClock(Instant.parse("2026-11-22T00:00:00Z")); // time stands still
        List<RecordingAdmin.Call> calls = new CopyOnWriteArrayList<>();
        // Placement due every cycle and first in line (its wait equals the listing's, and it comes
        // first on ties): the budget leaves the listing for a later cycle.
        CollectorSettings settings = new CollectorSettings(Duration.ofSeconds(5), 100, Duration.ofSeconds(2), 1_000)
                .withPlacementRefresh(Duration.ZERO);
        Properties props = cluster.clientProperties();
        try (Admin admin = cluster.admin(); MetadataReader metadata = new MetadataReader(props)) {
            TestCluster.commit(admin, group, topic, 3, 4);
            // Only this group in scope: the other tests' groups, listed empty, would have it list every cycle too.
            KafkaCollector collector = new KafkaCollector(RecordingAdmin.wrap(admin, calls::add), metadata,
                    new RecordTimestampReader(props), settings, clock, group::equals, t -> true);
            Properties consumerProps = new Properties();
            consumerProps.putAll(props);
            consumerProps.put(ConsumerConfig.GROUP_ID_CONFIG, group);
            consumerProps.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
            // Listed with a classic member: a group listed empty would have the collector list every cycle
            // (it describes only groups not listed empty), and this test needs a cycle on the last listing.
            consumerProps.put(ConsumerConfig.GROUP_PROTOCOL_CONFIG, "classic");
            try (KafkaConsumer<String, String> classic = new KafkaConsumer<>(consumerProps, new StringDeserializer(),
                    new StringDeserializer())) {
                classic.subscribe(List.of(topic));
                Await.until(Duration.ofSeconds(30), "the classic member owns partitions", () -> {
                    classic.poll(Duration.ofMillis(100));
                    classic.pause(classic.assignment());
                    return !classic.assignment().isEmpty();
                });
                Observation first = collector.collect();
                assertEquals(GroupDescription.GroupProtocol.CLASSIC, first.descriptions().get(group).protocol());
                assertEquals(1, first.descriptions().get(group).members());
            } // the classic member leaves: the group is empty, and classic, until a consumer-protocol member joins

            consumerProps.put(ConsumerConfig.GROUP_PROTOCOL_CONFIG, "consumer");
            try (KafkaConsumer<String, String> member = new KafkaConsumer<>(consumerProps, new StringDeserializer(),
                    new StringDeserializer())) {
                member.subscribe(List.of(topic));
                Await.until(Duration.ofSeconds(30), "the consumer-protocol member owns partitions", () -> {
                    member.poll(Duration.ofMillis(100));
                    member.pause(member.assignment());
                    return !member.assignment().isEmpty();
                });
                assertEquals(GroupType.CONSUMER, admin.describeConsumerGroups(List.of(group)).all().get().get(group)
                        .type(), "the group switched protocols");

                calls.clear();
                Observation switched = collector.collect();
                assertTrue(calls.stream().noneMatch(c -> c.method().equals("listGroups")),
                        "this cycle reads the last listing: " + calls.stream().map(RecordingAdmin.Call::method).toList());
                GroupDescription d = switched.descriptions().get(group);
                assertTrue(d != null, "the group is described, not gone: " + switched.descriptions().keySet());
                assertEquals(GroupDescription.GroupProtocol.CONSUMER, d.protocol());
                assertEquals(1, d.members());
                assertTrue(switched.groups().stream().anyMatch(g -> g.groupId().equals(group)
                        && g.committed().size() == 3), "its offsets are served: " + switched.groups());
                assertEquals(Map.of(), switched.errors(), "a switch is no failed describe");

                calls.clear();
                Observation relisted = collector.collect();
                assertTrue(calls.stream().anyMatch(c -> c.method().equals("listGroups")),
                        "a switch has the next cycle list again, so each group is asked in its protocol");
                assertEquals(GroupDescription.GroupProtocol.CONSUMER, relisted.descriptions().get(group).protocol());
            }
        }
    }

    // ---- helpers ---------------------------------------------------------------------------

    private void runLiveConsumer(String protocol, String group, String topic, AtomicReference<Throwable> failure) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers());
        p.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.GROUP_PROTOCOL_CONFIG, protocol);
        if (protocol.equals("consumer")) {
            p.put(ConsumerConfig.GROUP_REMOTE_ASSIGNOR_CONFIG, SkipLastPartitionAssignors.NAME);
        } else {
            p.put(ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG, SkipLastPartitionAssignors.Client.class.getName());
        }
        try (KafkaConsumer<String, String> c = new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer())) {
            c.subscribe(List.of(topic));
            while (!Thread.currentThread().isInterrupted()) {
                c.poll(Duration.ofMillis(200)); // reads, never commits: stalled while the log grows
                c.pause(c.assignment());
            }
        } catch (org.apache.kafka.common.errors.InterruptException e) {
            // asked to stop
        } catch (Throwable t) {
            failure.set(t);
        }
    }

    private record Observed(Instant at, PartitionLag lag) {
    }

    private Observed awaitPartition(String group, String topic, int partition, Instant after) throws Exception {
        AtomicReference<Observed> found = new AtomicReference<>();
        Await.until(Duration.ofSeconds(20), group + " on " + topic + "-" + partition + " in a snapshot after " + after, () -> {
            Snapshot s = exporter.state().snapshot().orElse(null);
            if (s == null || !s.at().isAfter(after)) {
                return false;
            }
            PartitionLag p = find(s, group, topic, partition);
            if (p == null || !(p.age() instanceof LagAge.Known)) {
                return false;
            }
            found.set(new Observed(s.at(), p));
            return true;
        });
        return found.get();
    }

    private void assertAgeWithinTolerance(String group, String topic, int partition, long truthTimestamp)
            throws Exception {
        Observed o = awaitPartition(group, topic, partition, Instant.now());
        assertWithin((o.at.toEpochMilli() - truthTimestamp) / 1000.0, o.lag.age());
    }

    private static double assertWithin(double truth, LagAge age) {
        double value = ((LagAge.Known) age).seconds();
        double tolerance = Math.max(1.0, 0.02 * truth);
        assertTrue(Math.abs(value - truth) <= tolerance,
                "lag age " + value + " s vs truth " + truth + " s (tolerance " + tolerance + " s)");
        return value;
    }

    private static PartitionLag find(Snapshot s, String group, String topic, int partition) {
        TopicPartitionId id = new TopicPartitionId(topic, partition);
        return s.lag().partitions().stream().filter(p -> p.group().equals(group) && p.partition().equals(id))
                .findFirst().orElse(null);
    }

    private String createTopic(String name, int partitions) throws Exception {
        try (Admin admin = cluster.admin()) {
            admin.createTopics(List.of(new NewTopic(name, partitions, (short) 3))).all().get();
        }
        return name;
    }

    /** Sends one record with an explicit timestamp; returns that timestamp. */
    private long send(String topic, int partition, long timestamp) throws Exception {
        producer.send(new ProducerRecord<>(topic, partition, timestamp, "k", "v")).get();
        return timestamp;
    }

    private void commit(String group, String topic, int partition, long offset) throws Exception {
        try (Admin admin = cluster.admin()) {
            admin.alterConsumerGroupOffsets(group, Map.of(new TopicPartition(topic, partition),
                    new OffsetAndMetadata(offset))).all().get();
        }
    }
}
