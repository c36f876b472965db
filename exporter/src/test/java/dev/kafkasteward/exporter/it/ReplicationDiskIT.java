package dev.kafkasteward.exporter.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kafkasteward.contract.catalog.ChangeMetrics;
import dev.kafkasteward.contract.catalog.DiskMetrics;
import dev.kafkasteward.contract.catalog.ReplicationMetrics;
import dev.kafkasteward.contract.ownership.OwnershipLoader;
import dev.kafkasteward.contract.testing.Await;
import dev.kafkasteward.exporter.StewardExporter;
import dev.kafkasteward.exporter.collect.CollectorSettings;
import dev.kafkasteward.exporter.collect.KafkaCollector;
import dev.kafkasteward.exporter.collect.MetadataReader;
import dev.kafkasteward.exporter.collect.RecordTimestampReader;
import dev.kafkasteward.exporter.observation.LogDirState;
import dev.kafkasteward.exporter.observation.Observation;
import dev.kafkasteward.exporter.testing.MutableClock;
import dev.kafkasteward.exporter.testing.RecordingAdmin;
import dev.kafkasteward.exporter.testing.Scrape;
import dev.kafkasteward.exporter.testing.TestCluster;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import kafka.server.BrokerServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.LogDirDescription;
import org.apache.kafka.clients.admin.NewPartitionReassignment;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.ReplicaInfo;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Replication health and log dirs on a real 3-broker KRaft cluster: log-dir metrics against
 * DescribeLogDirs, a stopped broker named by per-partition and per-broker series within a cycle, an
 * RF=3/min.insync.replicas=3 topic under min ISR, an RF=1 topic offline, recovery after restart, and
 * a throttled reassignment in progress until it completes, and log dirs and reassignments read again
 * only when their refresh is due.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReplicationDiskIT {

    private static final int STOPPED = 2;
    private static final String SPREAD = "spread";   // RF 3, 3 partitions
    private static final String STRICT = "strict";   // RF 3, min.insync.replicas 3
    private static final String SINGLE = "single";   // RF 1, on the broker we stop
    private static final String MOVING = "moving";   // RF 1 on broker 0, reassigned to broker 1
    private static final Duration INTERVAL = Duration.ofMillis(500);
    /** Log dirs and reassignments are read every 4th cycle, so the tests see served-again reads too. */
    private static final Duration PLACEMENT_REFRESH = Duration.ofSeconds(2);

    private TestCluster cluster;
    private Admin admin;
    private StewardExporter exporter;

    @BeforeAll
    void start() throws Exception {
        // A 2-second quota window instead of 11 lets a replication throttle bite within seconds.
        cluster = TestCluster.start(3, Map.of("replication.quota.window.num", 2,
                "replication.quota.window.size.seconds", 1));
        admin = cluster.admin();
        admin.createTopics(List.of(
                new NewTopic(SPREAD, 3, (short) 3),
                new NewTopic(STRICT, 1, (short) 3).configs(Map.of("min.insync.replicas", "3")),
                new NewTopic(SINGLE, Map.of(0, List.of(STOPPED))),
                new NewTopic(MOVING, Map.of(0, List.of(0))))).all().get(30, TimeUnit.SECONDS);
        try (KafkaProducer<String, String> producer = cluster.producer()) {
            String value = "x".repeat(10_000);
            for (int i = 0; i < 300; i++) { // 3 MB to move, so a throttled reassignment takes seconds
                producer.send(new ProducerRecord<>(MOVING, 0, "k" + i, value));
                producer.send(new ProducerRecord<>(SPREAD, i % 3, "k" + i, "v"));
            }
            producer.flush();
        }
        exporter = StewardExporter.start(StewardExporter.Config.of(
                new OwnershipLoader().load(Path.of("../examples/ownership.yml")), cluster.clientProperties())
                .every(INTERVAL).collecting(new CollectorSettings(Duration.ofSeconds(3), 100, Duration.ofSeconds(2))
                        .withPlacementRefresh(PLACEMENT_REFRESH).withTopicConfigRefresh(PLACEMENT_REFRESH)));
        Await.until(Duration.ofSeconds(30), "exporter ready", () -> Scrape.status(exporter.port(), "/readyz") == 200);
    }

    @AfterAll
    void stop() throws Exception {
        if (exporter != null) {
            exporter.close();
        }
        if (admin != null) {
            admin.close(Duration.ofSeconds(5));
        }
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    @Order(1)
    void healthyClusterHasNoUnhealthyPartitionsAndTheQuorumIsKnown() throws Exception {
        Scrape s = awaitScrape("healthy cluster", x -> x.value(ReplicationMetrics.CLUSTER_BROKERS.name())
                .orElse(0.0) == 3.0 && x.all(ReplicationMetrics.PARTITION_UNDER_REPLICATED.name()).isEmpty());
        for (int b = 0; b < 3; b++) {
            assertEquals(0.0, brokerValue(s, ReplicationMetrics.BROKER_REPLICAS_MISSING_FROM_ISR.name(), b));
            assertEquals(1.0, brokerValue(s, ReplicationMetrics.BROKER_REGISTERED.name(), b));
        }
        int controller = cluster.kit().controllers().keySet().iterator().next();
        assertEquals(1.0, s.value(ReplicationMetrics.CLUSTER_ACTIVE_CONTROLLER.name(), "controller",
                Integer.toString(controller)).orElseThrow(), "the quorum leader is the only controller");
        assertEquals(1.0, s.value(ReplicationMetrics.QUORUM_VOTERS.name()).orElseThrow());
        assertEquals(3, s.all(ReplicationMetrics.QUORUM_REPLICA_LAG_RECORDS.name(), "role", "observer").size(),
                "the three brokers observe the quorum");
        assertEquals(0.0, s.value(ReplicationMetrics.TOPIC_UNDER_MIN_ISR_PARTITIONS.name(), "topic", STRICT)
                .orElseThrow());
        assertEquals(1.0, s.value(ReplicationMetrics.TOPIC_AT_MIN_ISR_PARTITIONS.name(), "topic", STRICT)
                .orElseThrow(), "RF 3 with min.insync.replicas 3 is at its minimum by configuration");
        // Stopping any broker takes STRICT below its minimum; broker 0 alone holds MOVING, broker 2 SINGLE.
        assertEquals(2.0, brokerValue(s, ChangeMetrics.BROKER_PARTITIONS_AT_RISK_IF_STOPPED.name(), 0));
        assertEquals(1.0, brokerValue(s, ChangeMetrics.BROKER_PARTITIONS_AT_RISK_IF_STOPPED.name(), 1));
        assertEquals(2.0, brokerValue(s, ChangeMetrics.BROKER_PARTITIONS_AT_RISK_IF_STOPPED.name(), 2));
        for (int b = 0; b < 3; b++) {
            assertEquals(0.0, brokerValue(s, ChangeMetrics.BROKER_SAFE_TO_REMOVE.name(), b), "every broker holds data");
        }
        assertTrue(s.value(ChangeMetrics.CLUSTER_FEATURE_LEVEL.name(), "feature", "metadata.version").orElseThrow() > 0,
                "the finalized metadata.version");
    }

    @Test
    @Order(2)
    void logDirMetricsEqualDescribeLogDirs() throws Exception {
        Map<Integer, Map<String, LogDirDescription>> truth = admin.describeLogDirs(List.of(0, 1, 2))
                .allDescriptions().get(10, TimeUnit.SECONDS);
        // Sizes settle once nothing writes; wait for a cycle that saw the same replica sizes as the truth.
        Scrape s = awaitScrape("log-dir sizes as described", x -> truth.entrySet().stream().allMatch(b ->
                b.getValue().entrySet().stream().allMatch(d -> x.value(DiskMetrics.LOG_DIR_USED.name(),
                        "broker", b.getKey().toString(), "log_dir", d.getKey()).orElse(-1.0)
                        == (double) used(d.getValue().replicaInfos().values()))));
        int dirs = 0;
        for (Map.Entry<Integer, Map<String, LogDirDescription>> b : truth.entrySet()) {
            String broker = b.getKey().toString();
            for (Map.Entry<String, LogDirDescription> d : b.getValue().entrySet()) {
                dirs++;
                String dir = d.getKey();
                LogDirDescription desc = d.getValue();
                assertEquals((double) desc.totalBytes().orElseThrow(), s.value(DiskMetrics.LOG_DIR_TOTAL.name(),
                        "broker", broker, "log_dir", dir).orElseThrow(), "total bytes of " + broker + ":" + dir);
                // Usable space is the host's free space, which anything on this shared machine changes
                // between two reads; equal to within 0.1 % of the volume.
                double usable = s.value(DiskMetrics.LOG_DIR_USABLE.name(), "broker", broker, "log_dir", dir)
                        .orElseThrow();
                assertTrue(Math.abs(usable - desc.usableBytes().orElseThrow()) <= desc.totalBytes().orElseThrow() / 1000,
                        "usable bytes " + usable + " vs " + desc.usableBytes());
                assertEquals(0.0, s.value(DiskMetrics.LOG_DIR_OFFLINE.name(), "broker", broker, "log_dir", dir)
                        .orElseThrow());
                Map<String, Long> perTopic = new java.util.TreeMap<>();
                desc.replicaInfos().forEach((tp, r) -> perTopic.merge(tp.topic(), r.size(), Long::sum));
                for (Map.Entry<String, Long> t : perTopic.entrySet()) {
                    assertEquals((double) t.getValue(), s.value(DiskMetrics.LOG_DIR_TOPIC.name(), "broker", broker,
                            "log_dir", dir, "topic", t.getKey()).orElseThrow(), "bytes of " + t.getKey());
                }
                assertEquals(perTopic.size(), s.all(DiskMetrics.LOG_DIR_TOPIC.name(), "broker", broker,
                        "log_dir", dir).size(), "one series per topic in " + dir);
            }
        }
        assertEquals(dirs, s.all(DiskMetrics.LOG_DIR_TOTAL.name()).size(), "one series per log dir");
        assertTrue(s.value(DiskMetrics.LOG_DIR_TOPIC.name(), "broker", "0", "topic", MOVING).orElseThrow() > 1_000_000);
    }

    @Test
    @Order(3)
    void stoppedBrokerIsNamedByTheCountsOfItsPartitionsAndClearsAfterRestart() throws Exception {
        BrokerServer broker = cluster.kit().brokers().get(STOPPED);
        broker.shutdown();
        broker.awaitShutdown();
        long stoppedAt = System.nanoTime();
        // One cycle may already be in flight with old metadata; the next one must see it.
        Scrape s = awaitScrape(Duration.ofSeconds(60), "broker " + STOPPED + " missing from ISR",
                x -> brokerValue(x, ReplicationMetrics.BROKER_REPLICAS_MISSING_FROM_ISR.name(), STOPPED) >= 4);
        System.out.printf("stopped broker visible after %d ms (interval %d ms)%n",
                (System.nanoTime() - stoppedAt) / 1_000_000, INTERVAL.toMillis());

        assertEquals(missingFromIsr(STOPPED), brokerValue(s, ReplicationMetrics.BROKER_REPLICAS_MISSING_FROM_ISR.name(),
                STOPPED), "per-broker count equals the metadata");
        for (int b = 0; b < 3; b++) {
            if (b != STOPPED) {
                assertEquals(0.0, brokerValue(s, ReplicationMetrics.BROKER_REPLICAS_MISSING_FROM_ISR.name(), b));
            }
        }
        for (int p = 0; p < 3; p++) {
            String partition = Integer.toString(p);
            assertEquals(1.0, s.value(ReplicationMetrics.PARTITION_UNDER_REPLICATED.name(), "topic", SPREAD,
                    "partition", partition).orElseThrow(), "URP " + SPREAD + "-" + p);
            assertEquals(List.of(Integer.toString(STOPPED)), s.all(
                    ReplicationMetrics.PARTITION_REPLICA_MISSING_FROM_ISR.name(), "topic", SPREAD, "partition",
                    partition).stream().map(x -> x.labels().get("broker")).toList(), "the missing replica is the stopped broker");
        }
        assertEquals(3.0, s.value(ReplicationMetrics.TOPIC_UNDER_REPLICATED_PARTITIONS.name(), "topic", SPREAD)
                .orElseThrow());
        assertEquals(1.0, s.value(ReplicationMetrics.PARTITION_UNDER_MIN_ISR.name(), "topic", STRICT, "partition", "0")
                .orElseThrow(), "RF 3, min.insync.replicas 3, one broker down");
        assertEquals(1.0, s.value(ReplicationMetrics.TOPIC_UNDER_MIN_ISR_PARTITIONS.name(), "topic", STRICT)
                .orElseThrow());
        assertEquals(1.0, s.value(ReplicationMetrics.PARTITION_OFFLINE.name(), "topic", SINGLE, "partition", "0")
                .orElseThrow(), "the only replica is on the stopped broker");
        assertEquals(1.0, s.value(ReplicationMetrics.TOPIC_OFFLINE_PARTITIONS.name(), "topic", SINGLE).orElseThrow());
        // DescribeCluster may name the broker for one more cycle than the ISR does.
        awaitScrape(Duration.ofSeconds(20), "broker " + STOPPED + " fenced",
                x -> brokerValue(x, ReplicationMetrics.BROKER_REGISTERED.name(), STOPPED) == 0.0
                        && x.value(ReplicationMetrics.CLUSTER_BROKERS.name()).orElse(0.0) == 2.0);
        System.out.printf("stopped broker unregistered after %d ms%n", (System.nanoTime() - stoppedAt) / 1_000_000);
        Scrape fenced = Scrape.get(exporter.port());
        assertTrue(fenced.all(DiskMetrics.LOG_DIR_TOTAL.name(), "broker", Integer.toString(STOPPED)).isEmpty(),
                "a stopped broker is not asked for its log dirs");

        broker.startup();
        Scrape after = awaitScrape(Duration.ofSeconds(40), "broker " + STOPPED + " back in every ISR",
                x -> brokerValue(x, ReplicationMetrics.BROKER_REPLICAS_MISSING_FROM_ISR.name(), STOPPED) == 0.0
                        && x.all(ReplicationMetrics.PARTITION_UNDER_REPLICATED.name()).isEmpty()
                        && x.all(ReplicationMetrics.PARTITION_OFFLINE.name()).isEmpty());
        assertEquals(0.0, after.value(ReplicationMetrics.TOPIC_UNDER_REPLICATED_PARTITIONS.name(), "topic", SPREAD)
                .orElseThrow());
        assertEquals(0.0, after.value(ReplicationMetrics.TOPIC_UNDER_MIN_ISR_PARTITIONS.name(), "topic", STRICT)
                .orElseThrow());
        assertEquals(0.0, after.value(ReplicationMetrics.TOPIC_OFFLINE_PARTITIONS.name(), "topic", SINGLE).orElseThrow());
        assertTrue(after.all(ReplicationMetrics.PARTITION_UNDER_MIN_ISR.name()).isEmpty());
        assertEquals(1.0, brokerValue(after, ReplicationMetrics.BROKER_REGISTERED.name(), STOPPED));
    }

    @Test
    @Order(4)
    void throttledReassignmentShowsInProgressUntilItCompletes() throws Exception {
        // 300 kB/s on both ends and 3 MB to copy: the reassignment takes seconds, not milliseconds.
        for (int b : List.of(0, 1)) {
            admin.incrementalAlterConfigs(Map.of(new ConfigResource(ConfigResource.Type.BROKER, Integer.toString(b)),
                    List.of(set("leader.replication.throttled.rate", "300000"),
                            set("follower.replication.throttled.rate", "300000")))).all().get(10, TimeUnit.SECONDS);
        }
        admin.incrementalAlterConfigs(Map.of(new ConfigResource(ConfigResource.Type.TOPIC, MOVING), List.of(
                set("leader.replication.throttled.replicas", "0:0"),
                set("follower.replication.throttled.replicas", "0:1")))).all().get(10, TimeUnit.SECONDS);
        TopicPartition tp = new TopicPartition(MOVING, 0);
        admin.alterPartitionReassignments(Map.of(tp, Optional.of(new NewPartitionReassignment(List.of(1)))))
                .all().get(10, TimeUnit.SECONDS);

        // Placement is due every 2 s and may wait a few cycles for its turn in the request budget.
        Scrape during = awaitScrape(Duration.ofSeconds(30), "reassignment in progress", x -> x.value(
                ReplicationMetrics.PARTITION_REASSIGNMENT_IN_PROGRESS.name(), "topic", MOVING).isPresent());
        assertTrue(reassigning(tp), "the cluster still lists it: the metric is not late");
        assertEquals(1.0, during.value(ReplicationMetrics.TOPIC_REASSIGNING_PARTITIONS.name(), "topic", MOVING)
                .orElseThrow());
        assertTrue(during.all(ReplicationMetrics.PARTITION_UNDER_REPLICATED.name(), "topic", MOVING).isEmpty(),
                "the replica being added is catching up on purpose, not lost");

        // While the cluster lists the reassignment, every scrape that is a cycle younger shows it too, and its
        // progress: bytes copied against the leader's log, rising.
        long start = System.nanoTime();
        int checks = 0;
        List<Double> progress = new ArrayList<>();
        List<Double> remaining = new ArrayList<>();
        while (reassigning(tp) && System.nanoTime() - start < TimeUnit.SECONDS.toNanos(40)) {
            Thread.sleep(INTERVAL.toMillis() * 2);
            Scrape s = Scrape.get(exporter.port());
            s.value(ChangeMetrics.TOPIC_REASSIGNMENT_PROGRESS.name(), "topic", MOVING).ifPresent(progress::add);
            s.value(ChangeMetrics.TOPIC_REASSIGNMENT_REMAINING.name(), "topic", MOVING).ifPresent(remaining::add);
            if (reassigning(tp)) { // still in progress after the scrape's cycle: the scrape must show it
                checks++;
                assertEquals(Optional.of(1.0), s.value(ReplicationMetrics.PARTITION_REASSIGNMENT_IN_PROGRESS.name(),
                        "topic", MOVING), "in progress while the cluster lists it");
                assertEquals(Optional.of(1.0), s.value(ChangeMetrics.PARTITION_REASSIGNMENT_ADDING_REPLICAS.name(),
                        "topic", MOVING, "partition", "0"), "broker 1 is being added");
                assertEquals(Optional.of(1.0), s.value(ChangeMetrics.PARTITION_REASSIGNMENT_REMOVING_REPLICAS.name(),
                        "topic", MOVING, "partition", "0"), "broker 0 is being removed");
                assertEquals(Optional.of(300_000.0), s.value(ChangeMetrics.BROKER_REPLICATION_THROTTLE.name(),
                        "broker", "1", "direction", "follower"));
                assertEquals(Optional.of(1.0), s.value(ChangeMetrics.TOPIC_REPLICATION_THROTTLED_REPLICAS.name(),
                        "topic", MOVING, "direction", "leader"), "0:0");
            }
        }
        assertTrue(!reassigning(tp), "reassignment did not finish within 40 s");
        assertTrue(checks >= 2, "the reassignment was observed in progress " + checks + " times");
        System.out.printf("reassignment took %d ms, %d in-progress checks; progress seen %s; remaining s %s%n",
                (System.nanoTime() - start) / 1_000_000, checks, progress, remaining);
        List<Double> between = progress.stream().filter(x -> x > 0 && x < 1).distinct().toList();
        assertTrue(between.size() >= 2, "progress seen rising through at least two values short of 100 %: " + progress);
        for (int i = 1; i < progress.size(); i++) {
            assertTrue(progress.get(i) >= progress.get(i - 1), "progress never goes back: " + progress);
        }
        assertTrue(remaining.stream().anyMatch(x -> x > 0), "a time to finish was estimated: " + remaining);
        Scrape done = awaitScrape(Duration.ofSeconds(30), "reassignment done", x -> x.value(
                ReplicationMetrics.TOPIC_REASSIGNING_PARTITIONS.name(), "topic", MOVING).orElse(-1.0) == 0.0);
        assertTrue(done.all(ReplicationMetrics.PARTITION_REASSIGNMENT_IN_PROGRESS.name()).isEmpty());
        assertTrue(done.all(ChangeMetrics.PARTITION_REASSIGNMENT_PROGRESS.name()).isEmpty(), "no partition moves");
        assertEquals(Optional.of(1.0), done.value(ChangeMetrics.TOPIC_REASSIGNMENT_PROGRESS.name(), "topic", MOVING),
                "the finished topic shows 100 %");
        double copied = done.value(ChangeMetrics.TOPIC_REASSIGNMENT_COPIED_BYTES.name(), "topic", MOVING).orElseThrow();
        assertTrue(copied > 3_000_000, "3 MB copied: " + copied);
        TopicDescription d = admin.describeTopics(List.of(MOVING)).allTopicNames().get(10, TimeUnit.SECONDS).get(MOVING);
        assertEquals(List.of(1), d.partitions().get(0).replicas().stream().map(n -> n.id()).toList());

        // The reassignment is over; its throttles are not until someone removes them, then they go.
        for (int b : List.of(0, 1)) {
            admin.incrementalAlterConfigs(Map.of(new ConfigResource(ConfigResource.Type.BROKER, Integer.toString(b)),
                    List.of(delete("leader.replication.throttled.rate"),
                            delete("follower.replication.throttled.rate")))).all().get(10, TimeUnit.SECONDS);
        }
        admin.incrementalAlterConfigs(Map.of(new ConfigResource(ConfigResource.Type.TOPIC, MOVING), List.of(
                delete("leader.replication.throttled.replicas"),
                delete("follower.replication.throttled.replicas")))).all().get(10, TimeUnit.SECONDS);
        awaitScrape(Duration.ofSeconds(15), "throttles gone", x ->
                x.all(ChangeMetrics.BROKER_REPLICATION_THROTTLE.name()).isEmpty()
                        && x.all(ChangeMetrics.TOPIC_REPLICATION_THROTTLED_REPLICAS.name()).isEmpty());
    }

    @Test
    @Order(5)
    void logDirsAndReassignmentsAreReadAgainOnlyWhenDue() throws Exception {
        MutableClock clock = new MutableClock(Instant.parse("2026-11-22T00:00:00Z"));
        List<String> calls = new CopyOnWriteArrayList<>();
        // No request budget: here placement goes exactly when due (the budget's turns: the next test).
        CollectorSettings settings = new CollectorSettings(Duration.ofSeconds(3), 100, Duration.ofSeconds(2))
                .withPlacementRefresh(Duration.ofSeconds(30)).withRequestsPerBroker(0);
        RecordTimestampReader reader = new RecordTimestampReader(cluster.clientProperties());
        try (Admin measured = measuredAdmin(); MetadataReader metadata = new MetadataReader(cluster.clientProperties())) {
            KafkaCollector collector = new KafkaCollector(recording(measured, calls), metadata, reader, settings, clock);
            Instant t0 = clock.instant();
            Observation first = collector.collect();
            assertEquals(List.of(1L, 1L), placementCalls(calls));
            assertEquals(Set.of(0, 1, 2), first.logDirs().stream().map(LogDirState::broker).collect(Collectors.toSet()));
            assertTrue(first.logDirs().stream().allMatch(d -> d.readAt().equals(t0)));
            assertEquals(Optional.of(Map.of()), first.cluster().reassignments());

            calls.clear();
            clock.advance(Duration.ofSeconds(29));
            Observation served = collector.collect();
            assertEquals(List.of(0L, 0L), placementCalls(calls), "not due yet: nothing read");
            assertEquals(first.logDirs(), served.logDirs(), "the last read is served, with its read time");
            assertEquals(first.cluster().reassignments(), served.cluster().reassignments());
            assertTrue(served.requests().get("admin") <= first.requests().get("admin") - 4,
                    "a DescribeLogDirs per broker and a ListPartitionReassignments fewer: " + first.requests()
                            + " then " + served.requests());

            calls.clear();
            clock.advance(Duration.ofSeconds(1));
            Observation again = collector.collect();
            assertEquals(List.of(1L, 1L), placementCalls(calls), "due after the refresh interval");
            assertTrue(again.logDirs().stream().allMatch(d -> d.readAt().equals(t0.plusSeconds(30))));
            assertEquals(first.logDirs().size(), again.logDirs().size(), "every dir read again");
            System.out.printf("Admin requests per cycle: %d with placement reads, %d without%n",
                    first.requests().get("admin"), served.requests().get("admin"));
        }
    }

    @Test
    @Order(6)
    void requestsPerCycleDoNotGrowWithTopicsOrGroups() throws Exception {
        MutableClock clock = new MutableClock(Instant.parse("2026-11-22T00:00:00Z")); // no refresh falls due
        List<String> calls = new CopyOnWriteArrayList<>();
        // Log starts only when a partition is new, so that the warm cycles compared read the same things.
        CollectorSettings settings = new CollectorSettings(Duration.ofSeconds(3), 100, Duration.ofSeconds(2), 1_000);
        RecordTimestampReader reader = new RecordTimestampReader(cluster.clientProperties());
        try (Admin measured = measuredAdmin(); MetadataReader metadata = new MetadataReader(cluster.clientProperties())) {
            KafkaCollector collector = new KafkaCollector(recording(measured, calls), metadata, reader, settings, clock);
            // 30 groups have coordinators on every broker (a broker left out: 3 x (2/3)^30 = 2e-5).
            commitOnNewTopics("first", 30, 2);
            collector.collect();
            calls.clear();
            Observation before = collector.collect();
            long listOffsetsBefore = calls.stream().filter("listOffsets"::equals).count();

            commitOnNewTopics("more", 30, 6); // 180 partitions and 30 groups more
            collector.collect(); // reads the new partitions' log starts and leaders once
            calls.clear();
            Observation after = collector.collect();

            assertTrue(after.logOffsets().size() >= before.logOffsets().size() + 180, after.logOffsets().size()
                    + " partitions with log offsets, " + before.logOffsets().size() + " before");
            assertEquals(before.requests().get("admin"), after.requests().get("admin"),
                    "the same Admin requests for 30 more groups and 180 more partitions");
            assertTrue(after.requests().get("admin") <= 6 * 3, "at most 6 per broker: " + after.requests());
            long listOffsetsAfter = calls.stream().filter("listOffsets"::equals).count();
            assertTrue(listOffsetsAfter <= 3, "one listOffsets call per leader: " + listOffsetsAfter);
            System.out.printf("warm cycle: %d Admin requests (%d listOffsets calls) before, %d (%d) after%n",
                    before.requests().get("admin"), listOffsetsBefore, after.requests().get("admin"), listOffsetsAfter);
        }
    }

    @Test
    @Order(8)
    void durabilityFactsAreTheTopicsAndFollowAConfigChangeWithinTheRefresh() throws Exception {
        // A tier-1 topic of the example (its tier asks for 3 replicas, min ISR 2, unclean election off, 3 days)
        // created the way a hurried script would: one replica, min ISR 1, unclean election on, one hour.
        String topic = "payments.results.v1";
        admin.createTopics(List.of(new NewTopic(topic, Map.of(0, List.of(0), 1, List.of(1))).configs(Map.of(
                "min.insync.replicas", "1", "unclean.leader.election.enable", "true", "retention.ms", "3600000"))))
                .all().get(30, TimeUnit.SECONDS);
        String[] t = {"topic", topic};
        Scrape created = awaitScrape("the new topic's durability facts", x ->
                x.value(ReplicationMetrics.TOPIC_REPLICATION_FACTOR.name(), t).isPresent());
        assertEquals(1.0, created.value(ReplicationMetrics.TOPIC_REPLICATION_FACTOR.name(), t).orElseThrow());
        assertEquals(1.0, created.value(ReplicationMetrics.TOPIC_MIN_INSYNC_REPLICAS.name(), t).orElseThrow());
        assertEquals(1.0, created.value(ReplicationMetrics.TOPIC_UNCLEAN_LEADER_ELECTION.name(), t).orElseThrow());
        assertEquals(3600.0, created.value(ReplicationMetrics.TOPIC_RETENTION.name(), t).orElseThrow());
        assertEquals(3.0, created.value(ReplicationMetrics.TOPIC_REPLICATION_FACTOR.name(), "topic", SPREAD)
                .orElseThrow(), "a topic with three replicas everywhere");

        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        admin.incrementalAlterConfigs(Map.of(resource, List.of(
                new AlterConfigOp(new ConfigEntry("unclean.leader.election.enable", "false"), AlterConfigOp.OpType.SET),
                new AlterConfigOp(new ConfigEntry("cleanup.policy", "compact"), AlterConfigOp.OpType.SET))))
                .all().get(30, TimeUnit.SECONDS);
        Scrape fixed = awaitScrape("the changed configuration, within the topic-config refresh", x ->
                x.value(ReplicationMetrics.TOPIC_UNCLEAN_LEADER_ELECTION.name(), t).orElse(1.0) == 0.0);
        assertEquals(Double.POSITIVE_INFINITY, fixed.value(ReplicationMetrics.TOPIC_RETENTION.name(), t).orElseThrow(),
                "compacted only: time-based deletion never removes its records");
    }

    @Test
    @Order(7)
    void everyWarmCycleStaysWithinSixRequestsPerBrokerAndEveryPeriodicReadStillComes() throws Exception {
        MutableClock clock = new MutableClock(Instant.parse("2026-11-22T00:00:00Z"));
        List<RecordingAdmin.Call> calls = new CopyOnWriteArrayList<>();
        // Every periodic read due in every cycle: only the budget keeps them apart.
        CollectorSettings settings = new CollectorSettings(Duration.ofSeconds(3), 100, Duration.ofSeconds(2), 1)
                .withPlacementRefresh(Duration.ZERO).withTopicConfigRefresh(Duration.ZERO);
        assertEquals(6, settings.requestsPerBroker(), "the default budget");
        RecordTimestampReader reader = new RecordTimestampReader(cluster.clientProperties());
        try (Admin measured = measuredAdmin(); MetadataReader metadata = new MetadataReader(cluster.clientProperties())) {
            KafkaCollector collector = new KafkaCollector(RecordingAdmin.wrap(measured, calls::add), metadata, reader,
                    settings, clock);
            collector.collect();
            Map<String, Integer> made = new TreeMap<>(Map.of("listGroups", 0, "describeLogDirs", 0,
                    "describeConfigs", 0, "log starts", 0));
            List<Long> requests = new ArrayList<>();
            for (int cycle = 1; cycle <= 12; cycle++) {
                calls.clear();
                clock.advance(Duration.ofSeconds(15));
                Observation o = collector.collect();
                requests.add(o.requests().get("admin"));
                for (RecordingAdmin.Call c : calls) {
                    made.computeIfPresent(c.method(), (k, n) -> n + 1);
                }
                // The scheduled read asks every partition's log start (a first sighting only its own).
                if (logStartsAsked(calls) == o.logOffsets().size()) {
                    made.merge("log starts", 1, Integer::sum);
                }
            }
            System.out.printf("Admin requests in 12 warm cycles, every periodic read due in each: %s; made: %s%n",
                    requests, made);
            assertTrue(requests.stream().allMatch(r -> r <= 6 * 3), "at most 6 per broker in every cycle: " + requests);
            // Four reads take turns: the three of 3-4 requests one a cycle, topic configs (1) beside them.
            made.forEach((read, n) -> assertTrue(n >= 3, read + " made " + n + " times in 12 cycles: " + made));

            // A new group waits for the next listing. What is new is read at once (its partitions' log
            // starts, its topic's config), so the cycle that first sees it may go over the budget.
            commitOnNewTopics("budget", 1, 3);
            List<Long> untilSeen = new ArrayList<>();
            boolean seen = false;
            while (!seen && untilSeen.size() < 5) {
                clock.advance(Duration.ofSeconds(15));
                Observation o = collector.collect();
                untilSeen.add(o.requests().get("admin"));
                seen = o.groups().stream().anyMatch(g -> g.groupId().equals("group-requests-budget-0"));
            }
            System.out.printf("a new group seen in the %d. cycle after its commit; Admin requests %s%n",
                    untilSeen.size(), untilSeen);
            assertTrue(seen && untilSeen.size() <= 4, "a new group is listed within four cycles: " + untilSeen);
        }
    }

    /** Partitions whose log start {@code calls} asked (listOffsets with the earliest spec). */
    private static long logStartsAsked(List<RecordingAdmin.Call> calls) {
        return calls.stream().filter(c -> c.method().equals("listOffsets"))
                .map(c -> (Map<?, ?>) c.args().get(0))
                .mapToLong(specs -> specs.values().stream().filter(v -> v instanceof OffsetSpec.EarliestSpec).count())
                .sum();
    }

    /** Creates {@code n} topics (RF 1, spread over the brokers) and a group committed on each. */
    private void commitOnNewTopics(String prefix, int n, int partitions) throws Exception {
        List<NewTopic> topics = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            topics.add(new NewTopic("requests-" + prefix + "-" + i, partitions, (short) 1));
        }
        admin.createTopics(topics).all().get(30, TimeUnit.SECONDS);
        for (NewTopic t : topics) {
            Await.until(Duration.ofSeconds(20), "offsets committed on " + t.name(), () -> {
                try {
                    TestCluster.commit(admin, "group-" + t.name(), t.name(), partitions, 0);
                    return true;
                } catch (ExecutionException e) {
                    return false; // a fresh topic's leaders may not be known everywhere yet
                }
            });
        }
    }

    /** {@code admin}, recording the name of every Admin method called through it. */
    private static Admin recording(Admin admin, List<String> calls) {
        return RecordingAdmin.wrap(admin, c -> calls.add(c.method()));
    }

    /**
     * A fresh Admin client for a test that counts requests: no reconnects left over from the broker
     * restart of earlier tests, and no background metadata refresh while it measures.
     */
    private Admin measuredAdmin() {
        Properties props = cluster.clientProperties();
        props.put("metadata.max.age.ms", "600000");
        return Admin.create(props);
    }

    /** How many describeLogDirs and listPartitionReassignments calls were made. */
    private static List<Long> placementCalls(List<String> calls) {
        return List.of(calls.stream().filter("describeLogDirs"::equals).count(),
                calls.stream().filter("listPartitionReassignments"::equals).count());
    }

    private boolean reassigning(TopicPartition tp) throws Exception {
        return admin.listPartitionReassignments().reassignments().get(10, TimeUnit.SECONDS).containsKey(tp);
    }

    private double missingFromIsr(int broker) throws Exception {
        int n = 0;
        Collection<TopicDescription> topics = admin.describeTopics(admin.listTopics().names().get(10, TimeUnit.SECONDS))
                .allTopicNames().get(10, TimeUnit.SECONDS).values();
        for (TopicDescription t : topics) {
            for (TopicPartitionInfo p : t.partitions()) {
                boolean replica = p.replicas().stream().anyMatch(r -> r.id() == broker);
                boolean inIsr = p.isr().stream().anyMatch(r -> r.id() == broker);
                n += replica && !inIsr ? 1 : 0;
            }
        }
        return n;
    }

    private static long used(Collection<ReplicaInfo> replicas) {
        return replicas.stream().mapToLong(ReplicaInfo::size).sum();
    }

    private static AlterConfigOp set(String name, String value) {
        return new AlterConfigOp(new ConfigEntry(name, value), AlterConfigOp.OpType.SET);
    }

    private static AlterConfigOp delete(String name) {
        return new AlterConfigOp(new ConfigEntry(name, null), AlterConfigOp.OpType.DELETE);
    }

    private static double brokerValue(Scrape s, String metric, int broker) {
        return s.value(metric, "broker", Integer.toString(broker)).orElse(Double.NaN);
    }

    private Scrape awaitScrape(String what, java.util.function.Predicate<Scrape> condition) throws Exception {
        return awaitScrape(Duration.ofSeconds(20), what, condition);
    }

    private Scrape awaitScrape(Duration limit, String what, java.util.function.Predicate<Scrape> condition)
            throws Exception {
        Scrape[] last = new Scrape[1];
        try {
            Await.until(limit, what, () -> {
                last[0] = Scrape.get(exporter.port());
                return condition.test(last[0]);
            });
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "; last errors by stage: "
                    + (last[0] == null ? "no scrape" : last[0].all("kafka_steward_collection_errors_total")
                    + ", last cycle " + last[0].value("kafka_steward_collection_duration_seconds")), e);
        }
        return last[0];
    }
}
