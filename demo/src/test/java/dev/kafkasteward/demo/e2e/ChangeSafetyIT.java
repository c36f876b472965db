package dev.kafkasteward.demo.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kafkasteward.contract.testing.Await;
import dev.kafkasteward.demo.gate.GateRun;
import dev.kafkasteward.demo.stack.RequiredBinaries;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;

/**
 * Seed 000's Tests 1-3 on a real four-broker cluster, watched by the exporter, the generated rules in a real
 * Prometheus and the routing in a real Alertmanager: a broker that joins empty is a ticket for platform and no
 * one else; a throttled reassignment onto it shows its progress rising to 100 % and the bytes it copied, and the
 * throttle left behind shows until it is removed; the broker, drained, is safe to remove and goes without an
 * under-replicated partition; a rolling restart goes broker by broker with {@code kafka-steward gate} between the
 * steps, and a broker kept down makes the gate exit 1 naming the condition and its owner.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(value = 12, unit = TimeUnit.MINUTES)
class ChangeSafetyIT {

    private static final Path WORK = Path.of("target", "e2e-changes");
    private static final Duration TIMEOUT = Duration.ofSeconds(120);
    private static final int NEW = 3;
    private static final String PLATFORM = "platform";
    /**
     * The topic moved onto the new broker: an archive no application reads, placed on the first three brokers
     * (an order topic would do, but its consumers would dead-letter the bulk records that make the copy last).
     */
    private static final String MOVED = "orders.archive.v1";
    /** Bytes produced into each partition of the moved topic before the move, and the throttle on it. */
    private static final int BYTES_PER_PARTITION = 2_000_000;
    private static final long THROTTLE = 400_000;
    /** Alerts that mean a partition lost replicas, for anyone. */
    private static final List<String> REPLICA_LOSS = List.of("KafkaTopicUnderReplicated", "KafkaTopicUnderMinIsr",
            "KafkaTopicAtMinIsr", "KafkaTopicOfflinePartitions", "KafkaBrokerDown");

    private E2eEnvironment env;
    private Admin admin;
    private ClusterChanges changes;
    private Instant started;
    private List<List<Integer>> original;

    @BeforeAll
    void start() throws Exception {
        env = E2eEnvironment.startForChanges(RequiredBinaries.onPath(), WORK);
        admin = Admin.create(Map.of("bootstrap.servers", env.cluster().bootstrapServers()));
        changes = new ClusterChanges(admin);
        started = Instant.now();
        Await.until(TIMEOUT, "Prometheus to hold the new broker's balance; logs under " + WORK.toAbsolutePath(),
                () -> !env.prometheus().values("kafka_steward:broker_replicas{broker=\"" + NEW + "\"}").isEmpty());
    }

    @AfterAll
    void stop() {
        if (admin != null) {
            admin.close(Duration.ofSeconds(5));
        }
        if (env != null) {
            env.close();
        }
    }

    /** Test 1: the broker joined and holds nothing; platform gets a ticket, no application team hears of it. */
    @Test
    @Order(1)
    void aBrokerThatJoinedEmptyIsATicketForPlatformOnly() throws Exception {
        assertEquals(0.0, value("kafka_steward:broker_replicas{broker=\"" + NEW + "\"}"), "it holds no replica");
        assertEquals(-1.0, value("kafka_steward:broker_replicas_skew_ratio{broker=\"" + NEW + "\"}"),
                "100 % below the cluster's mean");
        Notification ticket = env.receiver().await(started, n -> n.team().equals(PLATFORM) && n.alerts().stream()
                        .anyMatch(a -> a.firing() && a.name().equals("KafkaBrokerUnderloaded")
                                && String.valueOf(NEW).equals(a.labels().get("broker"))), TIMEOUT)
                .orElseThrow(() -> new AssertionError("platform got no ticket for the empty broker: "
                        + env.receiver().since(started)));
        assertEquals("warning", ticket.alerts().stream().filter(a -> a.name().equals("KafkaBrokerUnderloaded"))
                .findFirst().orElseThrow().labels().get("severity"), "a ticket, not a page");
        assertNobodyButPlatformHeard(started);
    }

    /**
     * Test 1, continued: one topic moved onto the new broker with a throttle. Prometheus stores its progress rising
     * through values short of 100 % to 100 %, and the bytes copied; the throttle left behind shows as a leftover
     * until removed; the new broker's distance from the mean shrinks.
     */
    @Test
    @Order(2)
    void aThrottledReassignmentShowsItsProgressAndItsLeftoverThrottle() throws Exception {
        admin.createTopics(List.of(new NewTopic(MOVED, Map.of(0, List.of(0, 1, 2), 1, List.of(1, 2, 0),
                2, List.of(2, 0, 1))))).all().get(30, TimeUnit.SECONDS);
        produceBulk();
        Await.until(TIMEOUT, "the archive's replicas counted", () -> value(
                "kafka_steward:broker_replicas{broker=\"0\"}") > 0 && env.prometheus().seriesCount(
                "kafka_topic_under_replicated_partitions{topic=\"" + MOVED + "\"} == 0") > 0);
        double skewBefore = value("kafka_steward:broker_replicas_skew_ratio{broker=\"" + NEW + "\"}");
        original = changes.placement(MOVED);
        List<List<Integer>> target = new ArrayList<>();
        for (List<Integer> replicas : original) {
            // The last replica of each partition moves to the new broker; the preferred leader stays.
            List<Integer> moved = new ArrayList<>(replicas.subList(0, replicas.size() - 1));
            moved.add(NEW);
            target.add(moved);
        }
        Instant moveStarted = Instant.now();
        changes.reassignThrottled(MOVED, target, THROTTLE);
        Await.until(TIMEOUT, "the reassignment to finish", () -> !changes.reassigning());
        String progress = "max(kafka_topic_reassignment_progress_ratio{topic=\"" + MOVED + "\"})";
        Await.until(TIMEOUT, "100 % in Prometheus", () -> value(progress) == 1.0);
        List<Double> stored = env.prometheus().history(progress, moveStarted);
        System.out.printf("reassignment of %s: progress as Prometheus stored it %s%n", MOVED, stored);
        assertTrue(stored.stream().filter(v -> v > 0 && v < 1).distinct().count() >= 2,
                "progress rose through at least two values short of 100 %: " + stored);
        for (int i = 1; i < stored.size(); i++) {
            assertTrue(stored.get(i) >= stored.get(i - 1), "progress never went back: " + stored);
        }
        double copied = value("max(kafka_topic_reassignment_copied_bytes{topic=\"" + MOVED + "\"})");
        assertTrue(copied >= 3.0 * BYTES_PER_PARTITION, "the bytes copied: " + copied);

        // Done, but the throttle stays until someone removes it.
        String leftover = "ALERTS{alertname=~\"KafkaBrokerThrottleLeftover|KafkaTopicThrottleLeftover\"}";
        Await.until(TIMEOUT, "the leftover throttles to show", () -> env.prometheus().seriesCount(
                "count by (alertname) (" + leftover + ")") == 2);
        java.util.Set<Integer> brokers = new java.util.TreeSet<>(List.of(0, 1, 2, NEW));
        changes.removeThrottles(brokers, MOVED);
        Await.until(TIMEOUT, "the leftover throttles to clear once removed", () ->
                env.prometheus().seriesCount(leftover) == 0
                        && env.prometheus().seriesCount("kafka_broker_replication_throttle_bytes_per_second") == 0);
        Await.until(TIMEOUT, "the new broker closer to the mean", () -> value(
                "kafka_steward:broker_replicas_skew_ratio{broker=\"" + NEW + "\"}") > skewBefore);
        assertNobodyButPlatformHeard(started);
    }

    /**
     * Test 2: the broker is not safe to remove while it holds replicas; reassigned away it is, and stopping it
     * then costs no replica anywhere: no under-replicated, under-min-ISR, at-min-ISR or offline alert for anyone.
     */
    @Test
    @Order(3)
    void aDrainedBrokerIsSafeToRemoveAndStopsWithoutReplicaLoss() throws Exception {
        String safe = "max(kafka_broker_safe_to_remove{broker=\"" + NEW + "\"})";
        assertEquals(0.0, value(safe), "it holds the moved replicas");
        changes.reassign(MOVED, original);
        Await.until(TIMEOUT, "the drain to finish", () -> !changes.reassigning());
        Await.until(TIMEOUT, "the broker safe to remove", () -> value(safe) == 1.0);
        assertEquals(0.0, value("max(kafka_broker_partitions_at_risk_if_stopped{broker=\"" + NEW + "\"})"));
        Instant stopped = Instant.now();
        env.cluster().stopBroker(NEW);
        Await.until(TIMEOUT, "Prometheus to see three brokers", () -> value("max(kafka_cluster_brokers)") == 3.0);
        // Long enough for any of the alerts to be pending: their conditions hold without waiting.
        Thread.sleep(5_000);
        List<PrometheusApi.ActiveAlert> loss = env.prometheus().alerts().stream()
                .filter(a -> REPLICA_LOSS.contains(a.name())).toList();
        assertEquals(List.of(), loss, "stopping a drained broker loses no replica");
        assertTrue(env.receiver().since(stopped).stream().noneMatch(n -> REPLICA_LOSS.stream().anyMatch(n::mentions)),
                "nobody was paged: " + env.receiver().since(stopped));
    }

    /**
     * Test 3: a rolling restart of the remaining brokers, one at a time. After each stop the gate blocks (the
     * broker's replicas are missing); after its start the gate waits until they are back in sync, then passes.
     */
    @Test
    @Order(4)
    void aRollingRestartGoesBrokerByBrokerWithTheGateBetweenSteps() throws Exception {
        for (int broker = 0; broker < NEW; broker++) {
            env.cluster().stopBroker(broker);
            GateRun[] blocked = new GateRun[1];
            Await.until(TIMEOUT, "the gate to block with broker " + broker + " down", () -> {
                blocked[0] = gate("--stable", "2s");
                return blocked[0].exit() == 1;
            });
            assertTrue(blocked[0].out().contains("under_replicated_partitions"), blocked[0].out());
            env.cluster().startBroker(broker);
            GateRun passed = gate("--stable", "10s", "--wait", "3m", "--poll", "1s");
            System.out.printf("broker %d restarted; the gate blocked with%n%s and then: %s", broker,
                    blocked[0].out(), passed.out());
            assertEquals(0, passed.exit(), "the gate passes once the broker's replicas are back: " + passed);
            assertTrue(passed.err().contains("waiting: "), "it waited for them first: " + passed.err());
        }
    }

    /** Test 3, stop condition: a broker kept down makes the gate exit 1 and name the condition and its owner. */
    @Test
    @Order(5)
    void aBrokerKeptDownMakesTheGateExitOneNamingTheConditionAndItsOwner() throws Exception {
        env.cluster().stopBroker(2);
        try {
            // Asked at once: the gate itself waits for data collected after the stop.
            GateRun run = gate("--stable", "3s", "--wait", "30s", "--poll", "1s");
            assertEquals(1, run.exit(), run.toString());
            String row = run.out().lines().filter(l -> l.startsWith("broker_down")).findFirst()
                    .orElseThrow(() -> new AssertionError("the broker down is not named: " + run.out()));
            assertTrue(row.contains("broker=2") && row.contains(PLATFORM), "condition, asset and owner: " + row);
            assertTrue(run.out().contains("under_replicated_partitions"), run.out());
            assertTrue(run.out().lines().reduce((a, b) -> b).orElse("").startsWith("BLOCKED:"), run.out());
        } finally {
            env.cluster().startBroker(2);
        }
    }

    /** The gate against this environment's Prometheus and cluster. */
    private GateRun gate(String... args) {
        List<String> all = new ArrayList<>(List.of("--prometheus", env.stack().prometheusUrl().toString(),
                "--cluster", env.ownership().cluster()));
        all.addAll(List.of(args));
        return GateRun.of(all.toArray(String[]::new));
    }

    private double value(String promql) throws Exception {
        Map<Map<String, String>, Double> values = env.prometheus().values(promql);
        if (values.size() != 1) {
            throw new AssertionError(promql + " returned " + values);
        }
        return values.values().iterator().next();
    }

    private void assertNobodyButPlatformHeard(Instant since) {
        List<Notification> others = env.receiver().since(since).stream().filter(n -> !n.team().equals(PLATFORM))
                .toList();
        assertEquals(List.of(), others, "no application team was notified");
    }

    /** Writes {@link #BYTES_PER_PARTITION} into each partition of the moved topic, so the copy takes a while. */
    private void produceBulk() throws Exception {
        Properties props = new Properties();
        props.put("bootstrap.servers", env.cluster().bootstrapServers());
        props.put("acks", "all");
        props.put("linger.ms", "20");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props, new StringSerializer(),
                new StringSerializer())) {
            String value = "x".repeat(10_000);
            for (int p = 0; p < 3; p++) {
                for (int i = 0; i < BYTES_PER_PARTITION / value.length(); i++) {
                    producer.send(new ProducerRecord<>(MOVED, p, "bulk-" + i, value));
                }
            }
            producer.flush();
        }
    }
}
