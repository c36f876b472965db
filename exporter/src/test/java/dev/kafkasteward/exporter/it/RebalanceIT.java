package dev.kafkasteward.exporter.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.kafkasteward.contract.catalog.LagMetrics;
import dev.kafkasteward.contract.ownership.Ownership;
import dev.kafkasteward.contract.ownership.OwnershipLoader;
import dev.kafkasteward.contract.testing.Await;
import dev.kafkasteward.exporter.StewardExporter;
import dev.kafkasteward.exporter.collect.CollectorSettings;
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
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Rebalances counted on a real broker: a consumer-protocol group whose second member joins and leaves N times
 * in quick succession is counted exactly as the group epoch Kafka reports moved (two per join and leave, none
 * missed between cycles); a classic group whose second member joins and leaves N times, each rebalance seen by
 * the exporter's cycles (the next starts once a cycle served the group settled), is counted exactly 2N.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RebalanceIT {

    private static final String TOPIC = "rebalance-events";
    private static final int FLAPS = 3;
    private static final Duration AWAIT = Duration.ofSeconds(60);

    private TestCluster cluster;
    private Admin admin;
    private StewardExporter exporter;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final List<Thread> steady = new ArrayList<>();

    @BeforeAll
    void start() throws Exception {
        cluster = TestCluster.start(1, Map.of("offsets.topic.replication.factor", "1",
                "group.consumer.min.session.timeout.ms", "6000", "group.consumer.session.timeout.ms", "6000"));
        admin = cluster.admin();
        admin.createTopics(List.of(new NewTopic(TOPIC, 2, (short) 1))).all().get(30, TimeUnit.SECONDS);
        Ownership ownership = new OwnershipLoader().load(Path.of("../examples/ownership.yml"));
        exporter = StewardExporter.start(StewardExporter.Config.of(ownership, cluster.clientProperties())
                .every(Duration.ofMillis(500))
                .collecting(new CollectorSettings(Duration.ofSeconds(5), 1000, Duration.ofSeconds(5), 1)));
    }

    @AfterAll
    void stop() throws Exception {
        running.set(false);
        for (Thread t : steady) {
            t.join(15_000);
        }
        if (exporter != null) {
            exporter.close();
        }
        if (admin != null) {
            admin.close();
        }
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void aConsumerProtocolGroupIsCountedByItsEpochEvenWhenRebalancesComeFasterThanCycles() throws Exception {
        String group = "rebalances-consumer";
        startSteadyMember(group, "consumer");
        awaitCount(group, 0);
        int before = epoch(group);
        for (int i = 0; i < FLAPS; i++) {
            joinAndLeave(group, "consumer"); // faster than the exporter's cycles: no pause between flaps
        }
        int after = epoch(group);
        assertEquals(2 * FLAPS, after - before, "Kafka's group epoch: one bump per join and per leave");
        awaitCount(group, after - before);
        settle();
        assertEquals(Optional.of((double) (after - before)), count(group), "nothing counted twice");
    }

    @Test
    void aClassicGroupIsCountedOncePerRebalanceTheCyclesSee() throws Exception {
        String group = "rebalances-classic";
        startSteadyMember(group, "classic");
        awaitCount(group, 0);
        settle();
        assertEquals(Optional.of(0.0), count(group), "a settled group does not count");
        for (int i = 0; i < FLAPS; i++) {
            // Each rebalance where the cycles see it: the next one starts once a cycle saw the group settled.
            KafkaConsumer<String, String> second = join(group, "classic");
            awaitSettled(group, 2);
            assertEquals(Optional.of((double) (2 * i + 1)), count(group), "the join");
            second.close();
            awaitSettled(group, 1);
            assertEquals(Optional.of((double) (2 * i + 2)), count(group), "the leave");
        }
        settle();
        assertEquals(Optional.of((double) (2 * FLAPS)), count(group), "each join and each leave once");
    }

    private void startSteadyMember(String group, String protocol) throws InterruptedException {
        java.util.concurrent.CountDownLatch assigned = new java.util.concurrent.CountDownLatch(1);
        Thread t = new Thread(() -> {
            try (KafkaConsumer<String, String> c = consumer(group, protocol)) {
                c.subscribe(List.of(TOPIC));
                while (running.get()) {
                    c.poll(Duration.ofMillis(100));
                    if (!c.assignment().isEmpty()) {
                        assigned.countDown();
                    }
                }
            }
        }, "steady-" + group);
        t.setDaemon(true);
        t.start();
        steady.add(t);
        if (!assigned.await(60, TimeUnit.SECONDS)) {
            throw new AssertionError("the steady member of " + group + " got no assignment");
        }
    }

    /** A second member joins, gets partitions, and leaves. */
    private void joinAndLeave(String group, String protocol) throws Exception {
        join(group, protocol).close();
    }

    private KafkaConsumer<String, String> join(String group, String protocol) throws Exception {
        KafkaConsumer<String, String> c = consumer(group, protocol);
        c.subscribe(List.of(TOPIC));
        long until = System.nanoTime() + AWAIT.toNanos();
        while (c.assignment().isEmpty() && System.nanoTime() < until) {
            c.poll(Duration.ofMillis(100));
        }
        if (c.assignment().isEmpty()) {
            c.close();
            throw new AssertionError("the second member of " + group + " got no partition");
        }
        return c;
    }

    private KafkaConsumer<String, String> consumer(String group, String protocol) {
        Properties p = new Properties();
        p.putAll(cluster.clientProperties());
        p.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        p.put(ConsumerConfig.GROUP_PROTOCOL_CONFIG, protocol);
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        return new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer());
    }

    private int epoch(String group) throws Exception {
        return admin.describeConsumerGroups(List.of(group)).all().get(30, TimeUnit.SECONDS).get(group).groupEpoch()
                .orElseThrow();
    }

    private Optional<Double> count(String group) throws Exception {
        return Scrape.get(exporter.port()).value(LagMetrics.REBALANCES.name(), "group", group);
    }

    private void awaitCount(String group, int expected) throws Exception {
        List<Optional<Double>> seen = new ArrayList<>();
        try {
            Await.until(AWAIT, group + " counted at " + expected + " rebalances", () -> {
                Optional<Double> now = count(group);
                if (seen.isEmpty() || !seen.get(seen.size() - 1).equals(now)) {
                    seen.add(now);
                }
                return now.equals(Optional.of((double) expected));
            });
        } catch (AssertionError e) {
            String now = Scrape.get(exporter.port()).text().lines().filter(l -> l.contains(group))
                    .filter(l -> l.startsWith("kafka_consumergroup_members") || l.startsWith("kafka_consumergroup_state")
                            || l.startsWith("kafka_consumergroup_rebalances"))
                    .reduce("", (x, y) -> x + "\n" + y);
            throw new AssertionError(e.getMessage() + "; counts served meanwhile: " + seen + now + "\n"
                    + admin.describeConsumerGroups(List.of(group)).all().get(30, TimeUnit.SECONDS), e);
        }
    }

    /** Until the exporter serves the group stable with {@code members} members. */
    private void awaitSettled(String group, int members) throws Exception {
        Await.until(AWAIT, group + " served stable with " + members + " members", () -> {
            Scrape s = Scrape.get(exporter.port());
            return s.value(LagMetrics.GROUP_MEMBERS.name(), "group", group).equals(Optional.of((double) members))
                    && s.value(LagMetrics.GROUP_STATE.name(), "group", group, "state", "stable").equals(Optional.of(1.0));
        });
    }

    /** A few more cycles, for anything counted late. */
    private static void settle() throws InterruptedException {
        Thread.sleep(2_000);
    }
}
