package dev.kafkasteward.exporter.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kafkasteward.contract.catalog.ReplicationMetrics;
import dev.kafkasteward.contract.catalog.SelfMetrics;
import dev.kafkasteward.contract.ownership.Ownership;
import dev.kafkasteward.contract.ownership.OwnershipLoader;
import dev.kafkasteward.exporter.StewardExporter;
import dev.kafkasteward.exporter.collect.CollectorSettings;
import dev.kafkasteward.exporter.testing.Await;
import dev.kafkasteward.exporter.testing.Scrape;
import dev.kafkasteward.exporter.testing.TcpGate;
import dev.kafkasteward.exporter.testing.TestCluster;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.junit.jupiter.api.Test;

/** Faults on a real cluster: the exporter keeps running, tells the truth, and recovers by itself. */
class FaultsIT {

    private static final CollectorSettings FAST = new CollectorSettings(Duration.ofSeconds(2), 100,
            Duration.ofSeconds(2), 1, Duration.ofSeconds(6), CollectorSettings.DEFAULT_TOPIC_CONFIG_REFRESH);

    private final Ownership ownership;

    FaultsIT() throws Exception {
        ownership = new OwnershipLoader().load(Path.of("../examples/ownership.yml"));
    }

    @Test
    void unreachableAtStartIsNotReadyReportsStalenessAndRecoversByItself() throws Exception {
        try (TestCluster cluster = TestCluster.start(3)) {
            String first = cluster.bootstrapServers().split(",")[0];
            String host = first.substring(0, first.lastIndexOf(':'));
            int port = Integer.parseInt(first.substring(first.lastIndexOf(':') + 1));
            try (TcpGate gate = new TcpGate(host, port)) {
                Properties props = new Properties();
                props.put("bootstrap.servers", "127.0.0.1:" + gate.port()); // closed: connections refused
                try (StewardExporter exporter = StewardExporter.start(StewardExporter.Config.of(ownership, props)
                        .every(Duration.ofMillis(500)).collecting(FAST))) {
                    Await.until(Duration.ofSeconds(30), "a failed cycle", () ->
                            errors(Scrape.get(exporter.port()), "list_groups") > 0);
                    assertEquals(503, Scrape.status(exporter.port(), "/readyz"));
                    assertEquals(200, Scrape.status(exporter.port(), "/healthz"));
                    Scrape stale = Scrape.get(exporter.port());
                    assertTrue(stale.value(SelfMetrics.SNAPSHOT_AGE.name()).orElseThrow() > 1.0);
                    assertEquals(0.0, stale.value(SelfMetrics.LAST_SUCCESS.name()).orElseThrow());

                    gate.open();

                    Await.until(Duration.ofSeconds(60), "ready once Kafka is reachable",
                            () -> Scrape.status(exporter.port(), "/readyz") == 200);
                    Scrape recovered = Scrape.get(exporter.port());
                    assertTrue(recovered.value(SelfMetrics.LAST_SUCCESS.name()).orElseThrow() > 0);
                    assertEquals(3.0, recovered.value(ReplicationMetrics.CLUSTER_BROKERS.name()).orElseThrow());
                }
            }
        }
    }

    @Test
    void brokerLostWhileCollectingNeverStopsTheLoop() throws Exception {
        try (TestCluster cluster = TestCluster.start(3);
             Admin admin = cluster.admin()) {
            admin.createTopics(List.of(new NewTopic("faults", 6, (short) 3))).all().get();
            try (StewardExporter exporter = StewardExporter.start(StewardExporter.Config.of(ownership,
                    cluster.clientProperties()).every(Duration.ofMillis(100)).collecting(FAST))) {
                Await.until(Duration.ofSeconds(30), "ready", () -> exporter.ready());
                var broker = cluster.kit().brokers().get(1);
                broker.shutdown(); // while cycles run back to back
                broker.awaitShutdown();
                double before = collections(Scrape.get(exporter.port()));
                Await.until(Duration.ofSeconds(30), "cycles go on and succeed with a broker down",
                        () -> successes(Scrape.get(exporter.port())) > before + 3);
                Scrape s = Scrape.get(exporter.port());
                assertTrue(s.value(SelfMetrics.SNAPSHOT_AGE.name()).orElseThrow() < 10.0);
                assertEquals(6.0, s.value(ReplicationMetrics.TOPIC_UNDER_REPLICATED_PARTITIONS.name(),
                        "topic", "faults").orElseThrow());
                broker.startup();
                Await.until(Duration.ofSeconds(40), "replicas back", () -> Scrape.get(exporter.port())
                        .value(ReplicationMetrics.TOPIC_UNDER_REPLICATED_PARTITIONS.name(), "topic", "faults")
                        .orElse(-1.0) == 0.0);
            }
        }
    }

    @Test
    void controllerFailoverIsFollowedAndCollectionGoesOn() throws Exception {
        KafkaClusterTestKit kit = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder()
                .setNumBrokerNodes(1).setNumControllerNodes(3).build()).build();
        try (kit) {
            kit.format();
            kit.startup();
            kit.waitForReadyBrokers();
            Properties props = new Properties();
            props.put("bootstrap.servers", kit.bootstrapServers());
            try (StewardExporter exporter = StewardExporter.start(StewardExporter.Config.of(ownership, props)
                    .every(Duration.ofMillis(300)).collecting(FAST))) {
                Await.until(Duration.ofSeconds(30), "active controller known", () -> controller(exporter) != null);
                String leader = controller(exporter);
                double epoch = Scrape.get(exporter.port()).value(ReplicationMetrics.QUORUM_LEADER_EPOCH.name())
                        .orElseThrow();

                var active = kit.controllers().get(Integer.parseInt(leader));
                active.shutdown();

                Await.until(Duration.ofSeconds(60), "a new active controller", () -> {
                    String now = controller(exporter);
                    return now != null && !now.equals(leader);
                });
                Scrape s = Scrape.get(exporter.port());
                assertNotEquals(leader, controller(exporter));
                assertTrue(s.value(ReplicationMetrics.QUORUM_LEADER_EPOCH.name()).orElseThrow() > epoch);
                assertTrue(s.value(SelfMetrics.SNAPSHOT_AGE.name()).orElseThrow() < 15.0, "still collecting");
            }
        }
    }

    private static String controller(StewardExporter exporter) throws Exception {
        List<Scrape.Sample> info = Scrape.get(exporter.port()).all(ReplicationMetrics.CLUSTER_ACTIVE_CONTROLLER.name());
        return info.isEmpty() ? null : info.get(0).labels().get("controller");
    }

    private static double errors(Scrape s, String stage) {
        return s.value(SelfMetrics.COLLECTION_ERRORS.name(), "stage", stage).orElse(0.0);
    }

    private static double collections(Scrape s) {
        return s.all(SelfMetrics.COLLECTIONS.name()).stream().mapToDouble(Scrape.Sample::value).sum();
    }

    private static double successes(Scrape s) {
        return s.value(SelfMetrics.COLLECTIONS.name(), "outcome", "success").orElse(0.0);
    }

}
