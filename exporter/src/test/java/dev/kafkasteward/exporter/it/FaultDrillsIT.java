package dev.kafkasteward.exporter.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kafkasteward.contract.catalog.LagMetrics;
import dev.kafkasteward.contract.catalog.SelfMetrics;
import dev.kafkasteward.contract.ownership.Ownership;
import dev.kafkasteward.contract.ownership.OwnershipLoader;
import dev.kafkasteward.contract.testing.Await;
import dev.kafkasteward.exporter.StewardExporter;
import dev.kafkasteward.exporter.collect.CollectorSettings;
import dev.kafkasteward.exporter.testing.Scrape;
import dev.kafkasteward.exporter.testing.TestCluster;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.Test;

/**
 * Faults of #20 item 9 on a real cluster: a topic deleted and recreated under the same name while a
 * group still commits to it, and a {@code __consumer_offsets} partition without a leader. Each time
 * the exporter keeps collecting, says what it does not know instead of guessing, counts the errors by
 * stage, and marks what it serves from an earlier cycle.
 */
class FaultDrillsIT {

    private static final CollectorSettings FAST = FaultsIT.FAST;

    private final Ownership ownership;

    FaultDrillsIT() throws Exception {
        ownership = new OwnershipLoader().load(Path.of("../examples/ownership.yml"));
    }

    /**
     * 50 records two hours old, the group at 40 (lag 10). The topic is deleted and recreated with 5
     * fresh records. A stale commit of 40 (what a consumer that kept its position would commit) is
     * past the new log end: no lag is made up, the status says so. A commit of 2 then gives lag 3
     * and an age from the new records, not from the old topic's record at offset 2.
     */
    @Test
    void aTopicRecreatedUnderTheSameNameIsNeitherZeroLagNorTheOldTopicsAge() throws Exception {
        String topic = "recreated.v1";
        String group = "recreated-reader";
        TopicPartition tp = new TopicPartition(topic, 0);
        Instant old = Instant.now().minus(Duration.ofHours(2));
        try (TestCluster cluster = TestCluster.start(3);
             Admin admin = cluster.admin();
             KafkaProducer<String, String> producer = cluster.producer()) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 3))).all().get();
            for (int i = 0; i < 50; i++) {
                producer.send(new ProducerRecord<>(topic, 0, old.plusSeconds(i).toEpochMilli(), "k", "v")).get();
            }
            admin.alterConsumerGroupOffsets(group, Map.of(tp, new OffsetAndMetadata(40))).all().get();
            try (StewardExporter exporter = StewardExporter.start(StewardExporter.Config.of(ownership,
                    cluster.clientProperties()).every(Duration.ofMillis(300)).collecting(FAST))) {
                Await.until(Duration.ofSeconds(30), "lag 10 on the old topic",
                        () -> lag(exporter, group, topic).orElse(-1.0) == 10.0);

                admin.deleteTopics(List.of(topic)).all().get();
                Await.until(Duration.ofSeconds(30), "the topic gone", () -> !admin.listTopics().names().get().contains(topic));
                // The coordinator drops a deleted topic's offsets on its own time: let it, or it could drop
                // the commit made below on the new topic of the same name.
                Await.until(Duration.ofSeconds(30), "the old topic's offsets dropped", () -> !admin
                        .listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get().containsKey(tp));
                admin.createTopics(List.of(new NewTopic(topic, 1, (short) 3))).all().get();
                Instant fresh = Instant.now();
                for (int i = 0; i < 5; i++) {
                    producer.send(new ProducerRecord<>(topic, 0, fresh.toEpochMilli(), "k", "v")).get();
                }
                admin.alterConsumerGroupOffsets(group, Map.of(tp, new OffsetAndMetadata(40))).all().get();

                Await.until(Duration.ofSeconds(30), "the commit past the new log end said", () ->
                        status(exporter, group, topic).equals(Optional.of("beyond_log_end")));
                Scrape beyond = Scrape.get(exporter.port());
                assertEquals(Optional.empty(), beyond.value(LagMetrics.LAG_RECORDS.name(), "group", group,
                        "topic", topic, "partition", "0"), "no lag made up: the consumer resets by its own setting");
                assertEquals(Optional.empty(), beyond.value(LagMetrics.LAG_AGE.name(), "group", group,
                        "topic", topic, "partition", "0"));
                assertEquals(200, Scrape.status(exporter.port(), "/healthz"));

                admin.alterConsumerGroupOffsets(group, Map.of(tp, new OffsetAndMetadata(2))).all().get();
                Await.until(Duration.ofSeconds(30), "lag 3 on the new topic",
                        () -> lag(exporter, group, topic).orElse(-1.0) == 3.0
                                && age(exporter, group, topic).isPresent());
                double age = age(exporter, group, topic).orElseThrow();
                double truth = Instant.now().getEpochSecond() - fresh.getEpochSecond();
                assertTrue(Math.abs(age - truth) < 30, "lag age " + age + " s, the new records are " + truth
                        + " s old (the old topic's record at offset 2 is two hours old)");
                assertEquals(Optional.of("stopped"), status(exporter, group, topic),
                        "behind with no member: the plain status again");
            }
        }
    }

    /**
     * {@code __consumer_offsets} with one replica per partition: stopping the broker that holds the
     * partition coordinating group A leaves it without a leader. Group B, coordinated elsewhere, keeps
     * its exact lag; A's last lag is served for at most three cycles, marked as carried, and then goes;
     * errors are counted by stage and the snapshot is flagged partial while the exporter stays live.
     * With the broker back, A is read again and nothing is marked.
     */
    @Test
    void aConsumerOffsetsPartitionWithoutALeaderIsMarkedCarriedThenUnknownNeverFresh() throws Exception {
        String topic = "coordinated.v1";
        int offsetsPartitions = 3;
        try (TestCluster cluster = TestCluster.start(3, Map.of("offsets.topic.replication.factor", "1",
                "offsets.topic.num.partitions", Integer.toString(offsetsPartitions)));
             Admin admin = cluster.admin();
             KafkaProducer<String, String> producer = cluster.producer()) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 3))).all().get();
            for (int i = 0; i < 20; i++) {
                producer.send(new ProducerRecord<>(topic, 0, "k", "v")).get();
            }
            TopicPartition tp = new TopicPartition(topic, 0);
            // The first group creates __consumer_offsets; then find two groups on different partitions.
            admin.alterConsumerGroupOffsets("probe", Map.of(tp, new OffsetAndMetadata(0))).all().get();
            TopicDescription offsets = admin.describeTopics(Set.of("__consumer_offsets")).allTopicNames().get()
                    .get("__consumer_offsets");
            String groupA = groupOnPartition(0, offsetsPartitions);
            int leaderA = offsets.partitions().get(0).leader().id();
            String groupB = null;
            for (int p = 1; p < offsetsPartitions && groupB == null; p++) {
                if (offsets.partitions().get(p).leader().id() != leaderA) {
                    groupB = groupOnPartition(p, offsetsPartitions);
                }
            }
            assertTrue(groupB != null, "the offsets partitions all on broker " + leaderA);
            admin.alterConsumerGroupOffsets(groupA, Map.of(tp, new OffsetAndMetadata(5))).all().get();
            admin.alterConsumerGroupOffsets(groupB, Map.of(tp, new OffsetAndMetadata(8))).all().get();

            // Cycles of a second, so the three carried cycles span seconds of scrapes.
            try (StewardExporter exporter = StewardExporter.start(StewardExporter.Config.of(ownership,
                    cluster.clientProperties()).every(Duration.ofSeconds(1)).collecting(FAST));
                 ScrapeLog log = ScrapeLog.start(exporter.port())) {
                String b = groupB;
                Await.until(Duration.ofSeconds(30), "both groups read", () -> lag(exporter, groupA, topic).isPresent()
                        && lag(exporter, b, topic).isPresent());
                var broker = cluster.kit().brokers().get(leaderA);
                broker.shutdown();
                broker.awaitShutdown();
                Await.until(Duration.ofSeconds(30), "group A's series gone after the grace cycles", () ->
                        lag(exporter, groupA, topic).isEmpty());

                List<Scrape> seen = log.stop();
                String lagA = LagMetrics.LAG_RECORDS.name();
                List<Scrape> carried = seen.stream().filter(s -> s.value(LagMetrics.LAG_CARRIED_CYCLES.name(),
                        "group", groupA).isPresent()).toList();
                assertTrue(!carried.isEmpty(), "group A was served as carried at some scrape");
                // Three cycles in a row: the leaderless partition, not one failed listing during the shutdown.
                assertEquals(3.0, carried.stream().mapToDouble(s -> s.value(LagMetrics.LAG_CARRIED_CYCLES.name(),
                        "group", groupA).orElseThrow()).max().orElseThrow(), "carried the whole grace");
                for (Scrape s : carried) {
                    double cycles = s.value(LagMetrics.LAG_CARRIED_CYCLES.name(), "group", groupA).orElseThrow();
                    assertTrue(cycles >= 1 && cycles <= 3, "carried for " + cycles + " cycles");
                    assertEquals(15.0, s.value(lagA, "group", groupA, "topic", topic, "partition", "0").orElseThrow(),
                            "the last read lag, unchanged");
                    assertEquals(1.0, s.value(SelfMetrics.SNAPSHOT_PARTIAL.name()).orElseThrow());
                }
                Scrape gone = Scrape.get(exporter.port());
                assertEquals(Optional.empty(), gone.value(LagMetrics.LAG_CARRIED_CYCLES.name(), "group", groupA));
                assertEquals(12.0, gone.value(LagMetrics.LAG_RECORDS.name(), "group", groupB, "topic", topic,
                        "partition", "0").orElseThrow(), "group B read as ever");
                assertEquals(Optional.empty(), gone.value(LagMetrics.LAG_CARRIED_CYCLES.name(), "group", groupB));
                double errors = gone.sum(SelfMetrics.COLLECTION_ERRORS.name())
                        - gone.sum(SelfMetrics.COLLECTION_ERRORS.name(), "stage", "cycle");
                assertTrue(errors > 0, "errors counted by stage: " + gone.all(SelfMetrics.COLLECTION_ERRORS.name()));
                assertEquals(0.0, gone.value(SelfMetrics.COLLECTION_ERRORS.name(), "stage", "cycle").orElse(0.0),
                        "no cycle threw");
                assertEquals(200, Scrape.status(exporter.port(), "/healthz"));
                // Still not whole while the partition has no leader: partial, and the listing fails on.
                double listingErrors = gone.value(SelfMetrics.COLLECTION_ERRORS.name(), "stage", "list_groups")
                        .orElseThrow();
                Await.until(Duration.ofSeconds(30), "the listing still counted as failed", () ->
                        Scrape.get(exporter.port()).value(SelfMetrics.COLLECTION_ERRORS.name(), "stage", "list_groups")
                                .orElseThrow() > listingErrors + 2);
                assertEquals(1.0, Scrape.get(exporter.port()).value(SelfMetrics.SNAPSHOT_PARTIAL.name()).orElseThrow());

                broker.startup();
                Await.until(Duration.ofSeconds(60), "group A read again", () ->
                        lag(exporter, groupA, topic).orElse(-1.0) == 15.0);
                Await.until(Duration.ofSeconds(30), "nothing carried, nothing partial", () -> {
                    Scrape s = Scrape.get(exporter.port());
                    return s.all(LagMetrics.LAG_CARRIED_CYCLES.name()).isEmpty()
                            && s.value(SelfMetrics.SNAPSHOT_PARTIAL.name()).orElse(1.0) == 0.0;
                });
            }
        }
    }

    /** Scrapes in the background, every 100 ms, until stopped: what was served while a fault took effect. */
    private static final class ScrapeLog implements AutoCloseable {
        private final List<Scrape> scrapes = new java.util.concurrent.CopyOnWriteArrayList<>();
        private final Thread thread;
        private volatile boolean running = true;

        private ScrapeLog(int port) {
            thread = new Thread(() -> {
                while (running) {
                    try {
                        scrapes.add(Scrape.get(port));
                        Thread.sleep(100);
                    } catch (InterruptedException e) {
                        return;
                    } catch (Exception e) {
                        // a failed scrape is no observation
                    }
                }
            }, "scrape-log");
            thread.setDaemon(true);
        }

        static ScrapeLog start(int port) {
            ScrapeLog log = new ScrapeLog(port);
            log.thread.start();
            return log;
        }

        List<Scrape> stop() throws InterruptedException {
            running = false;
            thread.join();
            return List.copyOf(scrapes);
        }

        @Override
        public void close() throws InterruptedException {
            stop();
        }
    }

    /** A group id whose offsets live in {@code partition} of {@code __consumer_offsets} (Kafka's own mapping). */
    private static String groupOnPartition(int partition, int partitions) {
        for (int i = 0; ; i++) {
            String id = "drill-group-" + i;
            if (Utils.abs(id.hashCode()) % partitions == partition) {
                return id;
            }
        }
    }

    private static Optional<Double> lag(StewardExporter exporter, String group, String topic) throws Exception {
        return Scrape.get(exporter.port()).value(LagMetrics.LAG_RECORDS.name(), "group", group, "topic", topic,
                "partition", "0");
    }

    private static Optional<Double> age(StewardExporter exporter, String group, String topic) throws Exception {
        return Scrape.get(exporter.port()).value(LagMetrics.LAG_AGE.name(), "group", group, "topic", topic,
                "partition", "0");
    }

    private static Optional<String> status(StewardExporter exporter, String group, String topic) throws Exception {
        return Scrape.get(exporter.port()).all(LagMetrics.PARTITION_STATUS.name(), "group", group, "topic", topic,
                "partition", "0").stream().map(s -> s.labels().get("status")).findFirst();
    }
}
