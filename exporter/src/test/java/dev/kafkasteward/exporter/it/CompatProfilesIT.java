package dev.kafkasteward.exporter.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kafkasteward.contract.catalog.CompatMetrics;
import dev.kafkasteward.contract.catalog.MetricDef;
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
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.RecordsToDelete;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The compatibility profiles against a real 3-broker cluster: every series kafka_exporter and
 * kafka-lag-exporter users rely on is served with exactly their labels, and equals what the Admin
 * API says of the cluster, for a live classic group and a live consumer-protocol group. Lag in
 * seconds is checked against records produced at known timestamps, within max(1 s, 2 %).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CompatProfilesIT {

    private static final String TOPIC = "compat-orders";
    private static final int PARTITIONS = 3;
    private static final int RECORDS = 20;
    /** Committed offsets per group: the classic group never committed on partition 2. */
    private static final Map<String, Map<Integer, Long>> COMMITS = Map.of(
            "compat-classic", Map.of(0, 5L, 1, 12L),
            "compat-consumer", Map.of(0, 3L, 1, 20L, 2, 7L));

    private TestCluster cluster;
    private Admin admin;
    private StewardExporter exporter;
    private final List<Thread> members = new ArrayList<>();
    private final AtomicReference<Throwable> memberFailure = new AtomicReference<>();
    /** Record timestamps (epoch ms) by partition and offset. */
    private final Map<Integer, List<Long>> stamps = new HashMap<>();

    @BeforeAll
    void start() throws Exception {
        cluster = TestCluster.start(3);
        admin = cluster.admin();
        admin.createTopics(List.of(new NewTopic(TOPIC, PARTITIONS, (short) 3))).all().get(30, TimeUnit.SECONDS);
        long base = System.currentTimeMillis() - 200_000;
        try (KafkaProducer<String, String> producer = cluster.producer()) {
            for (int p = 0; p < PARTITIONS; p++) {
                List<Long> times = new ArrayList<>();
                for (int i = 0; i < RECORDS; i++) {
                    long ts = base + p * 1_000L + i * 5_000L;
                    producer.send(new ProducerRecord<>(TOPIC, p, ts, "k" + i, "v")).get();
                    times.add(ts);
                }
                stamps.put(p, times);
            }
        }
        // A log start above 0, so the oldest offset is not trivially 0.
        admin.deleteRecords(Map.of(new TopicPartition(TOPIC, 0), RecordsToDelete.beforeOffset(2)))
                .all().get(30, TimeUnit.SECONDS);
        CountDownLatch committed = new CountDownLatch(COMMITS.size());
        startMember("compat-classic", "classic", committed);
        startMember("compat-consumer", "consumer", committed);
        assertTrue(committed.await(60, TimeUnit.SECONDS), "both groups have a member that committed: " + memberFailure);

        Ownership ownership = new OwnershipLoader().load(Path.of("../examples/ownership.yml"));
        exporter = StewardExporter.start(StewardExporter.Config.of(ownership, cluster.clientProperties())
                .every(Duration.ofMillis(500))
                .collecting(new CollectorSettings(Duration.ofSeconds(5), 1000, Duration.ofSeconds(5), 1))
                .compatibility(CompatMetrics.PROFILES));
    }

    /** A live member of {@code group} that owns every partition, commits {@link #COMMITS} and then idles. */
    private void startMember(String group, String protocol, CountDownLatch committed) {
        Thread t = new Thread(() -> {
            Properties p = new Properties();
            p.putAll(cluster.clientProperties());
            p.put(ConsumerConfig.GROUP_ID_CONFIG, group);
            p.put(ConsumerConfig.CLIENT_ID_CONFIG, group + "-client");
            p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
            p.put(ConsumerConfig.GROUP_PROTOCOL_CONFIG, protocol);
            try (KafkaConsumer<String, String> c = new KafkaConsumer<>(p, new StringDeserializer(),
                    new StringDeserializer())) {
                c.subscribe(List.of(TOPIC));
                while (c.assignment().size() < PARTITIONS) {
                    c.poll(Duration.ofMillis(100));
                    c.pause(c.assignment());
                }
                Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
                COMMITS.get(group).forEach((partition, offset) ->
                        offsets.put(new TopicPartition(TOPIC, partition), new OffsetAndMetadata(offset)));
                c.commitSync(offsets);
                committed.countDown();
                while (!Thread.currentThread().isInterrupted()) {
                    c.poll(Duration.ofMillis(200));
                    c.pause(c.assignment());
                }
            } catch (org.apache.kafka.common.errors.InterruptException e) {
                // asked to stop
            } catch (Throwable e) {
                memberFailure.set(e);
            }
        }, "member-" + group);
        t.setDaemon(true);
        t.start();
        members.add(t);
    }

    @AfterAll
    void stop() throws Exception {
        members.forEach(Thread::interrupt);
        for (Thread t : members) {
            t.join(10_000);
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
    void kafkaExporterNamesCarryTheirLabelsAndTheClustersValues() throws Exception {
        Truth truth = awaitBothGroupsServed(CompatMetrics.KAFKA_EXPORTER, "kafka_consumergroup_lag", "consumergroup");
        Scrape all = truth.scrape();
        assertLabelsAsDeclared(CompatMetrics.KAFKA_EXPORTER, all);

        assertEquals(Set.of(3.0), values(all, "kafka_brokers"), "live brokers");
        assertTrue(all.value("kafka_topic_partitions", "topic", "__consumer_offsets").isPresent(),
                "internal topics are served, as kafka_exporter serves them by default");
        Scrape s = new Scrape(all.samples().stream().filter(x -> !x.labels().containsKey("topic")
                || TOPIC.equals(x.labels().get("topic"))).toList(), all.text());
        assertEquals(Map.of(key(TOPIC), (double) PARTITIONS), byLabels(s, "kafka_topic_partitions", "topic"));
        Map<String, Double> current = new TreeMap<>();
        Map<String, Double> oldest = new TreeMap<>();
        Map<String, Double> isr = new TreeMap<>();
        Map<String, Double> leader = new TreeMap<>();
        Map<String, Double> preferred = new TreeMap<>();
        Map<String, Double> replicas = new TreeMap<>();
        Map<String, Double> under = new TreeMap<>();
        for (TopicPartitionInfo p : truth.topic().partitions()) {
            String k = key(TOPIC, Integer.toString(p.partition()));
            TopicPartition tp = new TopicPartition(TOPIC, p.partition());
            current.put(k, (double) truth.latest().get(tp));
            oldest.put(k, (double) truth.earliest().get(tp));
            isr.put(k, (double) p.isr().size());
            leader.put(k, (double) p.leader().id());
            preferred.put(k, p.leader().id() == p.replicas().get(0).id() ? 1.0 : 0.0);
            replicas.put(k, (double) p.replicas().size());
            under.put(k, p.isr().size() < p.replicas().size() ? 1.0 : 0.0);
        }
        String[] partitionLabels = {"topic", "partition"};
        assertEquals(current, byLabels(s, "kafka_topic_partition_current_offset", partitionLabels));
        assertEquals(oldest, byLabels(s, "kafka_topic_partition_oldest_offset", partitionLabels));
        assertEquals(2.0, oldest.get(key(TOPIC, "0")), "the deleted records moved the log start");
        assertEquals(isr, byLabels(s, "kafka_topic_partition_in_sync_replica", partitionLabels));
        assertEquals(leader, byLabels(s, "kafka_topic_partition_leader", partitionLabels));
        assertEquals(preferred, byLabels(s, "kafka_topic_partition_leader_is_preferred", partitionLabels));
        assertEquals(replicas, byLabels(s, "kafka_topic_partition_replicas", partitionLabels));
        assertEquals(under, byLabels(s, "kafka_topic_partition_under_replicated_partition", partitionLabels));

        String[] groupPartition = {"consumergroup", "topic", "partition"};
        for (String group : COMMITS.keySet()) {
            Map<String, Double> offsets = new TreeMap<>();
            Map<String, Double> lags = new TreeMap<>();
            double offsetSum = 0;
            double lagSum = 0;
            for (var e : truth.committed().get(group).entrySet()) {
                String k = key(group, TOPIC, Integer.toString(e.getKey().partition()));
                long lag = truth.latest().get(e.getKey()) - e.getValue();
                offsets.put(k, (double) e.getValue());
                lags.put(k, (double) lag);
                offsetSum += e.getValue();
                lagSum += lag;
            }
            assertEquals(offsets, byLabels(only(s, "consumergroup", group), "kafka_consumergroup_current_offset",
                    groupPartition), group + ": committed offsets; no series where it never committed");
            assertEquals(lags, byLabels(only(s, "consumergroup", group), "kafka_consumergroup_lag", groupPartition),
                    group);
            assertEquals(Map.of(key(group, TOPIC), offsetSum), byLabels(only(s, "consumergroup", group),
                    "kafka_consumergroup_current_offset_sum", "consumergroup", "topic"));
            assertEquals(Map.of(key(group, TOPIC), lagSum), byLabels(only(s, "consumergroup", group),
                    "kafka_consumergroup_lag_sum", "consumergroup", "topic"));
            assertEquals(Map.of(key(group), (double) truth.groups().get(group).members().size()),
                    byLabels(only(s, "consumergroup", group), "kafka_consumergroup_members", "consumergroup"));
        }
        assertEquals(2, truth.committed().get("compat-classic").size(), "the classic group skipped a partition");
    }

    @Test
    void kafkaLagExporterNamesCarryTheirLabelsAndTheClustersValues() throws Exception {
        Truth truth = awaitBothGroupsServed(CompatMetrics.KAFKA_LAG_EXPORTER, "kafka_consumergroup_group_lag", "group");
        Scrape s = truth.scrape();
        assertLabelsAsDeclared(CompatMetrics.KAFKA_LAG_EXPORTER, s);
        String clusterName = "cluster_name";
        String[] rowLabels = {"group", "topic", "partition", "member_host", "consumer_id", "client_id"};
        Set<TopicPartition> committedOn = new HashSet<>();
        for (String group : COMMITS.keySet()) {
            Map<TopicPartition, MemberDescription> owner = new HashMap<>();
            truth.groups().get(group).members().forEach(m -> m.assignment().topicPartitions()
                    .forEach(tp -> owner.put(tp, m)));
            Map<String, Double> offsets = new TreeMap<>();
            Map<String, Double> lags = new TreeMap<>();
            Map<String, Long> expectedAgeAt = new TreeMap<>();
            long max = 0;
            long sum = 0;
            for (var e : truth.committed().get(group).entrySet()) {
                TopicPartition tp = e.getKey();
                committedOn.add(tp);
                MemberDescription m = owner.get(tp);
                assertTrue(m != null, group + ": partition " + tp + " has an owner");
                String k = key(group, TOPIC, Integer.toString(tp.partition()), m.host(), m.consumerId(), m.clientId());
                long lag = truth.latest().get(tp) - e.getValue();
                offsets.put(k, (double) e.getValue());
                lags.put(k, (double) lag);
                max = Math.max(max, lag);
                sum += lag;
                if (lag > 0) {
                    expectedAgeAt.put(k, stamps.get(tp.partition()).get(e.getValue().intValue()));
                }
            }
            Scrape mine = only(s, "group", group);
            assertEquals(offsets, byLabels(mine, "kafka_consumergroup_group_offset", rowLabels), group);
            assertEquals(lags, byLabels(mine, "kafka_consumergroup_group_lag", rowLabels), group);
            Map<String, Double> seconds = byLabels(mine, "kafka_consumergroup_group_lag_seconds", rowLabels);
            Map<String, Double> lagging = new TreeMap<>(seconds);
            lagging.values().removeIf(v -> v == 0);
            assertEquals(expectedAgeAt.keySet(), lagging.keySet(), group + ": lag in seconds where it lags");
            double worst = 0;
            for (var e : expectedAgeAt.entrySet()) {
                double trueAge = (truth.scrapedAtMillis() - e.getValue()) / 1000.0;
                double served = seconds.get(e.getKey());
                assertTrue(Math.abs(served - trueAge) <= Math.max(1, 0.02 * trueAge),
                        group + " " + e.getKey() + ": served " + served + " s, true " + trueAge + " s");
                worst = Math.max(worst, served);
            }
            assertEquals(Map.of(key(group), (double) sum), byLabels(mine, "kafka_consumergroup_group_sum_lag", "group"));
            assertEquals(Map.of(key(group, TOPIC), (double) sum),
                    byLabels(mine, "kafka_consumergroup_group_topic_sum_lag", "group", "topic"));
            assertEquals(Map.of(key(group), (double) max), byLabels(mine, "kafka_consumergroup_group_max_lag", "group"));
            assertEquals(Set.of(worst), values(mine, "kafka_consumergroup_group_max_lag_seconds"), group);
        }
        Map<String, Double> latest = new TreeMap<>();
        Map<String, Double> earliest = new TreeMap<>();
        for (TopicPartition tp : committedOn) {
            latest.put(key(TOPIC, Integer.toString(tp.partition())), (double) truth.latest().get(tp));
            earliest.put(key(TOPIC, Integer.toString(tp.partition())), (double) truth.earliest().get(tp));
        }
        assertEquals(latest, byLabels(s, "kafka_partition_latest_offset", "topic", "partition"));
        assertEquals(earliest, byLabels(s, "kafka_partition_earliest_offset", "topic", "partition"));
        assertEquals(1, s.all("kafka_consumergroup_poll_time_ms").size(), "the last cycle's duration");
        assertTrue(s.samples().stream().allMatch(x -> "orders-prod".equals(x.labels().get(clusterName))),
                "every series names the cluster as ownership.yml does");
    }

    // ---- helpers ---------------------------------------------------------------------------

    private record Truth(Scrape scrape, long scrapedAtMillis, TopicDescription topic,
                         Map<TopicPartition, Long> latest, Map<TopicPartition, Long> earliest,
                         Map<String, Map<TopicPartition, Long>> committed,
                         Map<String, ConsumerGroupDescription> groups) {
    }

    /**
     * Reads the cluster through the Admin API and scrapes the profile's path until the scrape shows
     * both groups' lag series (the exporter's first cycles may predate the commits); the cluster is
     * idle by then, so what the Admin API reads is what the exporter read.
     */
    private Truth awaitBothGroupsServed(CompatMetrics.Profile profile, String lagName, String groupLabel)
            throws Exception {
        AtomicReference<Truth> found = new AtomicReference<>();
        Await.until(Duration.ofSeconds(60), profile.name() + " serves both groups' lag", () -> {
            long at = System.currentTimeMillis();
            Scrape s = Scrape.get(exporter.port(), profile.path());
            boolean both = COMMITS.keySet().stream().allMatch(g -> !s.all(lagName, groupLabel, g).isEmpty());
            if (!both) {
                return false;
            }
            found.set(new Truth(s, at, topicDescription(), offsets(OffsetSpec.latest()), offsets(OffsetSpec.earliest()),
                    committed(), admin.describeConsumerGroups(COMMITS.keySet()).all().get(30, TimeUnit.SECONDS)));
            return true;
        });
        return found.get();
    }

    private TopicDescription topicDescription() throws Exception {
        return admin.describeTopics(List.of(TOPIC)).allTopicNames().get(30, TimeUnit.SECONDS).get(TOPIC);
    }

    private Map<TopicPartition, Long> offsets(OffsetSpec spec) throws Exception {
        Map<TopicPartition, OffsetSpec> ask = new HashMap<>();
        for (int p = 0; p < PARTITIONS; p++) {
            ask.put(new TopicPartition(TOPIC, p), spec);
        }
        Map<TopicPartition, Long> out = new HashMap<>();
        for (var e : admin.listOffsets(ask).all().get(30, TimeUnit.SECONDS).entrySet()) {
            out.put(e.getKey(), e.getValue().offset());
        }
        return out;
    }

    private Map<String, Map<TopicPartition, Long>> committed() throws Exception {
        Map<String, Map<TopicPartition, Long>> out = new HashMap<>();
        for (String group : COMMITS.keySet()) {
            Map<TopicPartition, Long> offsets = new HashMap<>();
            admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS)
                    .forEach((tp, o) -> {
                        if (o != null) {
                            offsets.put(tp, o.offset());
                        }
                    });
            out.put(group, offsets);
        }
        return out;
    }

    /** Every sample carries exactly its metric's declared labels, and every metric of the profile is served. */
    private static void assertLabelsAsDeclared(CompatMetrics.Profile profile, Scrape s) {
        Map<String, MetricDef> defs = new HashMap<>();
        profile.metrics().forEach(m -> defs.put(m.name(), m));
        for (Scrape.Sample sample : s.samples()) {
            MetricDef def = defs.get(sample.name());
            assertTrue(def != null, "not in the " + profile.name() + " profile: " + sample.name());
            assertEquals(Set.copyOf(def.labels()), sample.labels().keySet(), sample.name() + " labels");
        }
        for (MetricDef m : profile.metrics()) {
            assertTrue(!s.all(m.name()).isEmpty(), profile.name() + " serves " + m.name());
        }
    }

    private static Scrape only(Scrape s, String label, String value) {
        return new Scrape(s.samples().stream().filter(x -> value.equals(x.labels().get(label))).toList(), s.text());
    }

    private static Set<Double> values(Scrape s, String name) {
        Set<Double> out = new HashSet<>();
        s.all(name).forEach(x -> out.add(x.value()));
        return out;
    }

    private static Map<String, Double> byLabels(Scrape s, String name, String... labels) {
        Map<String, Double> out = new TreeMap<>();
        for (Scrape.Sample x : s.all(name)) {
            String[] values = new String[labels.length];
            for (int i = 0; i < labels.length; i++) {
                values[i] = x.labels().get(labels[i]);
            }
            out.put(key(values), x.value());
        }
        return out;
    }

    private static String key(String... parts) {
        return String.join("|", parts);
    }
}
