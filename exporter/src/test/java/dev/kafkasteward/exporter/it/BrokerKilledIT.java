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
import dev.kafkasteward.exporter.testing.ProcessCluster;
import dev.kafkasteward.exporter.testing.Scrape;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A broker killed (SIGKILL, not a clean shutdown) in a cluster of broker processes. Until the
 * controller fences it its partitions keep it as leader and the exporter cannot reach it: those
 * reads fail, are counted by stage and flag the snapshot partial, and the loop never stops. Once it
 * is fenced the exporter says so — broker unregistered, every partition it held under-replicated —
 * with every partition's lag exact again. Started again, it is back in every count.
 */
class BrokerKilledIT {

    private static final String TOPIC = "killed.v1";
    private static final String GROUP = "fulfillment-service";
    private static final int PARTITIONS = 6;
    private static final int PER_PARTITION = 10;
    private static final long COMMITTED = 4;

    @Test
    void aKilledBrokerIsCountedPartialUntilFencedThenNamedWithExactLagElsewhere(@TempDir Path dir) throws Exception {
        Ownership ownership = new OwnershipLoader().load(Path.of("../examples/ownership.yml"));
        // The offsets topic replicated like the data, so that killing a broker is a replication fault only.
        try (ProcessCluster cluster = ProcessCluster.start(dir, 3, Map.of("offsets.topic.replication.factor", "3",
                "default.replication.factor", "3", "min.insync.replicas", "2"));
             Admin admin = cluster.admin()) {
            admin.createTopics(List.of(new NewTopic(TOPIC, PARTITIONS, (short) 3))).all().get();
            Properties producerProps = new Properties();
            producerProps.put("bootstrap.servers", cluster.bootstrapServers());
            producerProps.put("acks", "all");
            try (KafkaProducer<String, String> producer = new KafkaProducer<>(producerProps, new StringSerializer(),
                    new StringSerializer())) {
                for (int p = 0; p < PARTITIONS; p++) {
                    for (int i = 0; i < PER_PARTITION; i++) {
                        producer.send(new ProducerRecord<>(TOPIC, p, "k", "v")).get();
                    }
                }
            }
            Map<TopicPartition, OffsetAndMetadata> commits = new HashMap<>();
            for (int p = 0; p < PARTITIONS; p++) {
                commits.put(new TopicPartition(TOPIC, p), new OffsetAndMetadata(COMMITTED));
            }
            admin.alterConsumerGroupOffsets(GROUP, commits).all().get();
            int victim = cluster.brokerIds().get(2);
            long led = admin.describeTopics(Set.of(TOPIC)).allTopicNames().get().get(TOPIC).partitions().stream()
                    .filter(p -> p.leader() != null && p.leader().id() == victim).count();
            assertTrue(led > 0, "the victim leads some partitions, so reads of them must fail until it is fenced");

            Properties props = new Properties();
            props.put("bootstrap.servers", cluster.bootstrapServers());
            try (StewardExporter exporter = StewardExporter.start(StewardExporter.Config.of(ownership, props)
                    .every(Duration.ofMillis(500))
                    .collecting(new CollectorSettings(Duration.ofSeconds(2), 1000, Duration.ofSeconds(2))))) {
                Await.until(Duration.ofSeconds(60), "every partition's lag", () -> lags(exporter).size() == PARTITIONS
                        && lags(exporter).values().stream().allMatch(v -> v == PER_PARTITION - COMMITTED));
                Scrape before = Scrape.get(exporter.port());

                cluster.kill(victim);

                Await.until(Duration.ofSeconds(60), "broker " + victim + " fenced and named", () -> {
                    Scrape s = Scrape.get(exporter.port());
                    return s.value(ReplicationMetrics.BROKER_REGISTERED.name(), "broker", Integer.toString(victim))
                            .orElse(1.0) == 0.0;
                });
                Await.until(Duration.ofSeconds(60), "a complete snapshot without the killed broker", () -> {
                    Scrape s = Scrape.get(exporter.port());
                    return s.value(SelfMetrics.SNAPSHOT_PARTIAL.name()).orElse(1.0) == 0.0
                            && s.value(ReplicationMetrics.TOPIC_UNDER_REPLICATED_PARTITIONS.name(), "topic", TOPIC)
                            .orElse(0.0) == PARTITIONS;
                });
                Scrape fenced = Scrape.get(exporter.port());
                assertEquals(2.0, fenced.value(ReplicationMetrics.CLUSTER_BROKERS.name()).orElseThrow());
                assertEquals(0.0, fenced.value(ReplicationMetrics.TOPIC_OFFLINE_PARTITIONS.name(), "topic", TOPIC)
                        .orElseThrow(), "RF 3: a leader elsewhere for every partition");
                // New records after the fencing: a carried value could not show them, a fresh read does.
                try (KafkaProducer<String, String> producer = new KafkaProducer<>(producerProps,
                        new StringSerializer(), new StringSerializer())) {
                    for (int p = 0; p < PARTITIONS; p++) {
                        producer.send(new ProducerRecord<>(TOPIC, p, "k", "after")).get();
                    }
                }
                Await.until(Duration.ofSeconds(60), "every partition's lag read from the new leaders", () ->
                        lags(exporter).values().stream().filter(v -> v == PER_PARTITION + 1 - COMMITTED).count()
                                == PARTITIONS);
                assertEquals(PARTITIONS, lags(exporter).size(), "no partition dropped");
                double failedReads = fenced.sum(SelfMetrics.COLLECTION_ERRORS.name())
                        - before.sum(SelfMetrics.COLLECTION_ERRORS.name());
                // Between the kill and the fencing the metadata still named it leader of `led` partitions.
                assertTrue(failedReads > 0, "reads of the killed broker's partitions counted: " + fenced.text());
                assertEquals(0.0, fenced.value(SelfMetrics.COLLECTION_ERRORS.name(), "stage", "cycle").orElse(0.0),
                        "no cycle threw");
                assertTrue(fenced.sum(SelfMetrics.COLLECTIONS.name()) > before.sum(SelfMetrics.COLLECTIONS.name()),
                        "the loop goes on");
                assertEquals(200, Scrape.status(exporter.port(), "/healthz"));
                System.out.printf("broker %d killed: led %d partitions, %s failed reads by stage%n", victim, led,
                        fenced.all(SelfMetrics.COLLECTION_ERRORS.name()));

                cluster.restart(victim, 3);
                Await.until(Duration.ofSeconds(120), "broker " + victim + " back in sync", () -> {
                    Scrape s = Scrape.get(exporter.port());
                    return s.value(ReplicationMetrics.CLUSTER_BROKERS.name()).orElse(0.0) == 3.0
                            && s.value(ReplicationMetrics.TOPIC_UNDER_REPLICATED_PARTITIONS.name(), "topic", TOPIC)
                            .orElse(-1.0) == 0.0;
                });
            }
        }
    }

    private static Map<Integer, Double> lags(StewardExporter exporter) throws Exception {
        Map<Integer, Double> out = new HashMap<>();
        Scrape.get(exporter.port()).all(LagMetrics.LAG_RECORDS.name(), "group", GROUP, "topic", TOPIC)
                .forEach(s -> out.put(Integer.parseInt(s.labels().get("partition")), s.value()));
        return out;
    }
}
