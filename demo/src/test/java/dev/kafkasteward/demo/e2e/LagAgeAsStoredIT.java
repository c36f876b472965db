package dev.kafkasteward.demo.e2e;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kafkasteward.contract.ownership.OwnershipLoader;
import dev.kafkasteward.contract.testing.Await;
import dev.kafkasteward.demo.EmbeddedCluster;
import dev.kafkasteward.demo.stack.MonitoringStack;
import dev.kafkasteward.demo.stack.RequiredBinaries;
import dev.kafkasteward.exporter.StewardExporter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/**
 * Lag age as Prometheus stores it, at the default pace: the exporter collecting every 15 s and Prometheus
 * scraping every 15 s, unsynchronised. A group stands at offset 10 of records with known timestamps, so
 * the true age at any moment is that moment minus the record's timestamp. Every sample stored once the
 * exporter has seen the commit stand still (its second cycle) must be within max(1 s, 2 %) of the truth
 * at the sample's own time — the time of the scrape, not the snapshot's.
 */
class LagAgeAsStoredIT {

    private static final String TOPIC = "orders.accepted.v1";
    private static final String GROUP = "fulfillment-service";
    private static final Duration PACE = Duration.ofSeconds(15);

    @Test
    void everyStoredLagAgeIsTheTrueAgeAtItsScrape() throws Exception {
        Instant base = Instant.now().minusSeconds(20);
        Path dir = Files.createTempDirectory(Files.createDirectories(Path.of("target")), "lag-age-as-stored-");
        try (EmbeddedCluster cluster = EmbeddedCluster.start(1, Map.of(0, Map.of("offsets.topic.replication.factor", "1",
                "transaction.state.log.replication.factor", "1", "transaction.state.log.min.isr", "1")))) {
            try (Admin admin = Admin.create(Map.of("bootstrap.servers", cluster.bootstrapServers()));
                 KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of("bootstrap.servers",
                         cluster.bootstrapServers()), new StringSerializer(), new StringSerializer())) {
                admin.createTopics(List.of(new NewTopic(TOPIC, 1, (short) 1))).all().get();
                for (int i = 0; i < 30; i++) {
                    producer.send(new ProducerRecord<>(TOPIC, 0, base.plusMillis(i * 500L).toEpochMilli(), "k", "v")).get();
                }
                admin.alterConsumerGroupOffsets(GROUP, Map.of(new TopicPartition(TOPIC, 0), new OffsetAndMetadata(10)))
                        .all().get();
            }
            Instant recordAtCommit = base.plusMillis(10 * 500L);
            Properties props = new Properties();
            props.put("bootstrap.servers", cluster.bootstrapServers());
            try (StewardExporter exporter = StewardExporter.start(StewardExporter.Config.of(
                    new OwnershipLoader().load(Path.of("../examples/ownership.yml")), props)
                    .every(PACE).listen("127.0.0.1", 0))) {
                Path routing = dir.resolve("alertmanager.yml");
                Files.writeString(routing, "route:\n  receiver: none\nreceivers:\n  - name: none\n",
                        StandardCharsets.UTF_8);
                try (MonitoringStack prometheus = MonitoringStack.start(new MonitoringStack.Settings(
                        RequiredBinaries.onPath(), dir, List.of("127.0.0.1:" + exporter.port()), List.of(), routing,
                        PACE, 0, 0, List.of()))) {
                    PrometheusApi api = new PrometheusApi(prometheus.prometheusUrl());
                    String selector = "kafka_consumergroup_lag_age_seconds{group=\"" + GROUP + "\",topic=\"" + TOPIC
                            + "\",partition=\"0\"}";
                    // At its first sight of a commit the exporter cannot tell a standing one from a moving one,
                    // and serves the age as measured; from its second cycle on, the commit has stood still.
                    Await.until(Duration.ofSeconds(90), "a second collection", () -> api.values(
                            "sum(kafka_steward_collections_total)").values().stream().anyMatch(v -> v >= 2));
                    Instant secondCycle = Instant.now();
                    Await.until(Duration.ofSeconds(150), "three samples stored after it", () ->
                            api.stored(selector, Duration.ofMinutes(5)).stream()
                                    .filter(x -> x.at().isAfter(secondCycle)).count() >= 3);
                    List<PrometheusApi.Stored> stored = api.stored(selector, Duration.ofMinutes(5)).stream()
                            .filter(x -> x.at().isAfter(secondCycle)).toList();
                    List<String> off = new ArrayList<>();
                    StringBuilder figures = new StringBuilder();
                    for (PrometheusApi.Stored s : stored) {
                        double truth = Duration.between(recordAtCommit, s.at()).toMillis() / 1000.0;
                        double error = s.value() - truth;
                        figures.append(String.format(java.util.Locale.ROOT, " %+.3f", error));
                        if (Math.abs(error) > Math.max(1.0, 0.02 * truth)) {
                            off.add(s + " vs true " + truth);
                        }
                    }
                    System.out.println("lag age stored minus true age, per sample (s):" + figures);
                    assertTrue(off.isEmpty(), "stored lag ages off the truth at their scrape: " + off);
                }
            }
        }
    }
}
