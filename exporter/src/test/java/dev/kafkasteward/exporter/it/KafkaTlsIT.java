package dev.kafkasteward.exporter.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kafkasteward.contract.catalog.LagMetrics;
import dev.kafkasteward.contract.catalog.SelfMetrics;
import dev.kafkasteward.contract.ownership.Ownership;
import dev.kafkasteward.contract.ownership.OwnershipLoader;
import dev.kafkasteward.contract.testing.Await;
import dev.kafkasteward.exporter.StewardExporter;
import dev.kafkasteward.exporter.collect.CollectorSettings;
import dev.kafkasteward.exporter.testing.DocumentedProperties;
import dev.kafkasteward.exporter.testing.SaslCluster;
import dev.kafkasteward.exporter.testing.Scrape;
import dev.kafkasteward.exporter.testing.TestCa;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.SslAuthenticationException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The exporter over TLS, with the client configurations of docs/running-in-production.md read from
 * the document itself: SSL with a client certificate, SASL_SSL with SCRAM and a client certificate,
 * SASL_SSL with OAUTHBEARER (Kafka's unsecured JWS tokens). Certificates come from a CA made in the
 * test; the broker requires a client certificate where the block configures one (shown by the same
 * block without it being refused), and its authorizer grants {@code User:kafka-steward} exactly the
 * documented ACLs, whichever way it authenticated.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KafkaTlsIT {

    private static final Path DOC = Path.of("../docs/running-in-production.md");
    private static final String PRINCIPAL = "kafka-steward";
    private static final String PASSWORD = "Tls-Scram-Pa55word";
    private static final String TOPIC = "orders.accepted.v1";
    private static final String GROUP = "fulfillment-service";
    private static final int PRODUCED = 12;
    private static final long COMMITTED = 5;
    private static final Instant FIRST_RECORD = Instant.now().minus(Duration.ofMinutes(10));

    private SaslCluster cluster;
    private Path etc;
    private Ownership ownership;

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        TestCa ca = TestCa.create(dir.resolve("ca"));
        TestCa.Issued broker = ca.issue(dir.resolve("broker"), "localhost");
        etc = dir.resolve("etc-steward");
        // The exporter's certificate, where the Secret would be mounted.
        ca.issue(etc.resolve("tls"), PRINCIPAL);
        Path secrets = Files.createDirectories(etc.resolve("secrets"));
        Files.writeString(secrets.resolve("jaas.properties"), "jaas=org.apache.kafka.common.security.scram.ScramLoginModule"
                + " required username=\"" + PRINCIPAL + "\" password=\"" + PASSWORD + "\";\n");

        cluster = SaslCluster.startWithTls(broker);
        cluster.addScramUser(PRINCIPAL, PASSWORD);
        try (Admin admin = cluster.admin(); KafkaProducer<String, String> producer = cluster.producer()) {
            admin.createTopics(List.of(new NewTopic(TOPIC, 1, (short) 1))).all().get();
            for (int i = 0; i < PRODUCED; i++) {
                producer.send(new ProducerRecord<>(TOPIC, 0, FIRST_RECORD.plusSeconds(i).toEpochMilli(), "k", "v")).get();
            }
            admin.alterConsumerGroupOffsets(GROUP, Map.of(new TopicPartition(TOPIC, 0),
                    new OffsetAndMetadata(COMMITTED))).all().get();
            admin.createAcls(SaslCluster.documentedExporterAcls("User:" + PRINCIPAL)).all().get();
        }
        ownership = new OwnershipLoader().load(Path.of("../examples/ownership.yml"));
    }

    @AfterAll
    void stop() throws Exception {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void sslWithAClientCertificateAsDocumentedCollectsLagAndLagAge() throws Exception {
        Properties props = documented("kafka.properties: SSL with a client certificate", SaslCluster.MTLS);
        assertEquals("SSL", props.getProperty("security.protocol"));
        collectsEverythingWith(props);
        assertRefusedWithoutClientCertificate(props);
    }

    @Test
    void saslSslWithScramAndAClientCertificateAsDocumentedCollectsLagAndLagAge() throws Exception {
        Properties props = documented("kafka.properties: SASL_SSL with SCRAM and a client certificate",
                SaslCluster.SCRAM_MTLS);
        assertEquals("SASL_SSL", props.getProperty("security.protocol"));
        collectsEverythingWith(props);
        assertRefusedWithoutClientCertificate(props);
    }

    @Test
    void saslSslWithOauthbearerUnsecuredTokensAsDocumentedCollectsLagAndLagAge() throws Exception {
        Properties props = documented("kafka.properties: SASL_SSL with OAUTHBEARER (unsecured tokens, for tests)",
                SaslCluster.OAUTH);
        assertEquals("OAUTHBEARER", props.getProperty("sasl.mechanism"));
        collectsEverythingWith(props);
    }

    private Properties documented(String title, String listener) throws Exception {
        return DocumentedProperties.read(DOC, title, etc, cluster.bootstrapServers(listener));
    }

    private void collectsEverythingWith(Properties props) throws Exception {
        try (StewardExporter exporter = StewardExporter.start(StewardExporter.Config.of(ownership, props)
                .every(Duration.ofMillis(500))
                .collecting(new CollectorSettings(Duration.ofSeconds(5), 1000, Duration.ofSeconds(5))))) {
            Await.until(Duration.ofSeconds(60), "exporter ready over " + props.getProperty("security.protocol"),
                    exporter::ready);
            // The first cycles may spend their timestamp budget on handshakes: wait for the age, not a cycle.
            Await.until(Duration.ofSeconds(60), "lag age read over " + props.getProperty("security.protocol"), () ->
                    Scrape.get(exporter.port()).value(LagMetrics.LAG_AGE.name(), "group", GROUP, "topic", TOPIC,
                            "partition", "0").isPresent());
            Scrape scrape = Scrape.get(exporter.port());
            assertEquals(PRODUCED - COMMITTED, scrape.value(LagMetrics.LAG_RECORDS.name(), "group", GROUP,
                    "topic", TOPIC, "partition", "0").orElseThrow(() -> new AssertionError(scrape.text())));
            double age = scrape.value(LagMetrics.LAG_AGE.name(), "group", GROUP, "topic", TOPIC, "partition", "0")
                    .orElseThrow(() -> new AssertionError("no lag age: " + scrape.text()));
            double truth = Instant.now().getEpochSecond() - FIRST_RECORD.plusSeconds(COMMITTED).getEpochSecond();
            assertTrue(Math.abs(age - truth) < 30, "lag age " + age + " vs " + truth);
            assertEquals(List.of(), scrape.all(SelfMetrics.COLLECTION_ERRORS.name()).stream()
                    .filter(s -> s.value() > 0).toList(), "the documented ACLs suffice for every stage");
            assertEquals(0.0, scrape.value(SelfMetrics.SNAPSHOT_PARTIAL.name()).orElseThrow(), "a complete snapshot");
            assertFalse(scrape.text().contains(PASSWORD), "the password leaked");
            assertFalse(scrape.text().contains("PRIVATE KEY"), "the key leaked");
        }
    }

    /** The same block without its client certificate: the broker refuses the handshake. */
    private static void assertRefusedWithoutClientCertificate(Properties documented) throws Exception {
        Properties props = new Properties();
        props.putAll(documented);
        props.keySet().removeIf(k -> k.toString().startsWith("ssl.keystore."));
        props.put("request.timeout.ms", "10000");
        props.put("default.api.timeout.ms", "20000");
        try (Admin admin = Admin.create(props)) {
            ExecutionException e = assertThrows(ExecutionException.class,
                    () -> admin.describeCluster().clusterId().get(30, TimeUnit.SECONDS));
            assertInstanceOf(SslAuthenticationException.class, e.getCause(), e.toString());
        }
    }
}
