package dev.kafkasteward.exporter.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.kafkasteward.contract.ownership.Ownership;
import dev.kafkasteward.contract.ownership.OwnershipLoader;
import dev.kafkasteward.contract.testing.Await;
import dev.kafkasteward.exporter.StewardExporter;
import dev.kafkasteward.exporter.collect.CollectorSettings;
import dev.kafkasteward.exporter.observation.FunnelSnapshot;
import dev.kafkasteward.exporter.testing.TestCluster;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import kafka.server.BrokerServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

/**
 * The funnel reader outlives a Kafka outage: its stage partitions live only on a broker that is down when it
 * starts, so setting up its assignment times out; it retries with backoff instead of stopping for good, and
 * once the broker is back it counts the stage's events.
 */
class FunnelRecoveryIT {

    private static final int AWAY = 2;
    private static final String OWNERSHIP = """
            cluster: recovery
            teams:
              shop:
                receivers:
                  - type: webhook
                    url: http://127.0.0.1/shop
            tiers:
              standard:
                severity: warning
            default_tier: standard
            platform:
              owner: shop
            funnels:
              - name: checkout
                owner: shop
                stages:
                  - name: placed
                    topic: recovery.placed
                  - name: paid
                    topic: recovery.paid
            """;

    @Test
    void aReaderWhoseAssignmentTimesOutRetriesAndCountsOnceTheBrokerIsBack() throws Exception {
        try (TestCluster cluster = TestCluster.start(3)) {
            try (Admin admin = cluster.admin()) {
                admin.createTopics(List.of(new NewTopic("recovery.placed", Map.of(0, List.of(AWAY))),
                        new NewTopic("recovery.paid", Map.of(0, List.of(AWAY))))).all().get(30, TimeUnit.SECONDS);
            }
            BrokerServer broker = cluster.kit().brokers().get(AWAY);
            broker.shutdown();
            broker.awaitShutdown();
            Ownership ownership = new OwnershipLoader().parse("recovery.yml", OWNERSHIP);
            try (StewardExporter exporter = StewardExporter.start(StewardExporter.Config.of(ownership,
                    cluster.clientProperties()).every(Duration.ofMillis(500))
                    .collecting(new CollectorSettings(Duration.ofSeconds(3), 1000, Duration.ofSeconds(5))))) {
                // Longer than the assignment's 10 s offset lookups: they time out while the broker is away.
                Thread.sleep(25_000);
                assertEquals(FunnelSnapshot.Reader.RUNNING, funnels(exporter).reader(),
                        "a timeout does not stop the reader");
                broker.startup();
                try (KafkaProducer<String, String> producer = cluster.producer()) {
                    Await.until(Duration.ofSeconds(90), "events of stage placed counted after the broker is back",
                            () -> {
                                producer.send(new ProducerRecord<>("recovery.placed", "k", "{}")).get();
                                return events(exporter, "placed") > 0;
                            });
                }
                assertEquals(FunnelSnapshot.Reader.RUNNING, funnels(exporter).reader());
            }
        }
    }

    private static FunnelSnapshot funnels(StewardExporter e) {
        return e.state().snapshot().map(s -> s.funnels()).orElse(FunnelSnapshot.EMPTY);
    }

    private static long events(StewardExporter e, String stage) {
        return funnels(e).funnels().stream().flatMap(f -> f.stages().stream())
                .filter(s -> s.stage().equals(stage)).mapToLong(FunnelSnapshot.StageStats::events).sum();
    }
}
