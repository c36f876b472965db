package dev.kafkasteward.exporter.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.ConnectException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The exporter on a secured cluster: SASL_PLAINTEXT with SCRAM-SHA-512, the password read through
 * Kafka's own config providers (file in process, env in a child JVM), the StandardAuthorizer
 * denying everything no ACL allows, and the exporter's principal granted exactly the ACLs
 * docs/running-in-production.md lists. A second principal lacks Describe on one group: partial
 * results, errors counted by stage, no crash. No secret appears on {@code /metrics} or in the log.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SecureKafkaIT {

    private static final String TOPIC = "orders.accepted.v1";
    /** The partial principal may not Read it: its lag stays, its lag age goes, other topics keep theirs. */
    private static final String UNREADABLE = "payments.settled.v1";
    private static final String GROUP = "fulfillment-service";
    private static final String HIDDEN_GROUP = "audit-service";
    private static final String PASSWORD = "Steward-Scram-Pa55word";
    private static final String PARTIAL_PASSWORD = "Partial-Scram-Pa55word";
    private static final int PRODUCED = 10;
    private static final long COMMITTED = 4;
    private static final Instant FIRST_RECORD = Instant.now().minus(Duration.ofMinutes(20));

    private SaslCluster cluster;
    private Path dir;
    private Ownership ownership;
    private final List<StewardExporter> exporters = new ArrayList<>();

    @BeforeAll
    void start(@TempDir Path tempDir) throws Exception {
        dir = tempDir;
        cluster = SaslCluster.start();
        cluster.addScramUser("kafka-steward", PASSWORD);
        cluster.addScramUser("steward-partial", PARTIAL_PASSWORD);
        try (Admin admin = cluster.admin(); KafkaProducer<String, String> producer = cluster.producer()) {
            admin.createTopics(List.of(new NewTopic(TOPIC, 1, (short) 1), new NewTopic(UNREADABLE, 1, (short) 1)))
                    .all().get();
            for (String topic : List.of(TOPIC, UNREADABLE)) {
                for (int i = 0; i < PRODUCED; i++) {
                    producer.send(new ProducerRecord<>(topic, 0, FIRST_RECORD.plusSeconds(i).toEpochMilli(), "k", "v"))
                            .get();
                }
            }
            for (String group : List.of(GROUP, HIDDEN_GROUP)) {
                admin.alterConsumerGroupOffsets(group, Map.of(new TopicPartition(TOPIC, 0),
                        new OffsetAndMetadata(COMMITTED), new TopicPartition(UNREADABLE, 0),
                        new OffsetAndMetadata(COMMITTED))).all().get();
            }
            List<AclBinding> acls = new ArrayList<>(SaslCluster.documentedExporterAcls("User:kafka-steward"));
            // The same, but Describe on groups only by the prefix of the one the team owns, and Read on
            // topics only by the prefix "orders.".
            SaslCluster.documentedExporterAcls("User:steward-partial",
                    new ResourcePattern(ResourceType.GROUP, "fulfillment-", PatternType.PREFIXED)).stream()
                    .filter(a -> !(a.pattern().resourceType() == ResourceType.TOPIC
                            && a.entry().operation() == org.apache.kafka.common.acl.AclOperation.READ))
                    .forEach(acls::add);
            acls.add(new AclBinding(new ResourcePattern(ResourceType.TOPIC, "orders.", PatternType.PREFIXED),
                    new org.apache.kafka.common.acl.AccessControlEntry("User:steward-partial", "*",
                            org.apache.kafka.common.acl.AclOperation.READ,
                            org.apache.kafka.common.acl.AclPermissionType.ALLOW)));
            admin.createAcls(acls).all().get();
        }
        ownership = new OwnershipLoader().load(Path.of("../examples/ownership.yml"));
    }

    @AfterAll
    void stop() throws Exception {
        exporters.forEach(StewardExporter::close);
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void scramWithThePasswordFromAFileCollectsLagAndLagAgeWithExactlyTheDocumentedAcls() throws Exception {
        Path jaas = dir.resolve("jaas.properties");
        Files.writeString(jaas, "jaas=" + scramJaas("kafka-steward", PASSWORD) + "\n");
        Properties props = scramClient();
        props.put("config.providers", "file");
        props.put("config.providers.file.class", "org.apache.kafka.common.config.provider.FileConfigProvider");
        props.put("sasl.jaas.config", "${file:" + jaas + ":jaas}");
        StewardExporter exporter = start(props);

        Await.until(Duration.ofSeconds(60), "exporter ready through SASL/SCRAM", exporter::ready);
        Scrape scrape = Scrape.get(exporter.port());
        assertEquals(PRODUCED - COMMITTED, lag(scrape, GROUP));
        assertEquals(PRODUCED - COMMITTED, lag(scrape, HIDDEN_GROUP));
        double age = scrape.value(LagMetrics.LAG_AGE.name(), "group", GROUP, "topic", TOPIC, "partition", "0")
                .orElseThrow(() -> new AssertionError("no lag age: Read on topics did not work"));
        double truth = Instant.now().getEpochSecond() - FIRST_RECORD.plusSeconds(COMMITTED).getEpochSecond();
        assertTrue(Math.abs(age - truth) < 30, "lag age " + age + " vs " + truth);
        assertEquals(List.of(), scrape.all(SelfMetrics.COLLECTION_ERRORS.name()).stream()
                .filter(s -> s.value() > 0).toList(), "the documented ACLs suffice for every stage");
        assertNoSecret(scrape.text(), PASSWORD, jaas.toString());
        // The example declares funnels and TOPIC is a stage topic, but Read on the funnel group is
        // not granted here: the reader stops, and says so, while everything above goes on.
        Await.until(Duration.ofSeconds(30), "the funnel reader reported stopped", () -> Scrape.get(exporter.port())
                .value(SelfMetrics.FUNNEL_READER_UP.name()).orElse(-1.0) == 0.0);
    }

    @Test
    void withoutDescribeOnAGroupOrReadOnATopicTheRestIsServedAndTheDenialsAreCountedByStage() throws Exception {
        Properties props = scramClient();
        props.put("sasl.jaas.config", scramJaas("steward-partial", PARTIAL_PASSWORD));
        StewardExporter exporter = start(props);

        Await.until(Duration.ofSeconds(60), "exporter ready with partial ACLs", exporter::ready);
        Await.until(Duration.ofSeconds(30), "denials counted",
                () -> errors(Scrape.get(exporter.port()), "group_offsets") > 0);
        Scrape scrape = Scrape.get(exporter.port());
        assertEquals(PRODUCED - COMMITTED, lag(scrape, GROUP), "the group it may describe is served");
        assertEquals(List.of(), scrape.all(LagMetrics.LAG_RECORDS.name(), "group", HIDDEN_GROUP),
                "the group it may not describe is left out, not guessed");
        assertTrue(errors(scrape, "describe_groups") > 0, scrape.text());
        assertEquals(0.0, errors(scrape, "list_groups") + errors(scrape, "list_topics"), "the cycle itself succeeds");
        assertEquals(1.0, scrape.value(SelfMetrics.SNAPSHOT_PARTIAL.name()).orElseThrow(), "flagged partial");

        // Read denied on one topic: its lag is served, its lag age is not; the readable topic's age is.
        Await.until(Duration.ofSeconds(30), "the denied read counted and the readable topic aged", () -> {
            Scrape now = Scrape.get(exporter.port());
            return errors(now, "record_timestamps") > 0 && now.value(LagMetrics.LAG_AGE.name(), "group", GROUP,
                    "topic", TOPIC, "partition", "0").isPresent();
        });
        Scrape read = Scrape.get(exporter.port());
        assertEquals(PRODUCED - COMMITTED, read.value(LagMetrics.LAG_RECORDS.name(), "group", GROUP, "topic",
                UNREADABLE, "partition", "0").orElseThrow().longValue());
        assertEquals(java.util.Optional.empty(), read.value(LagMetrics.LAG_AGE.name(), "group", GROUP, "topic",
                UNREADABLE, "partition", "0"), "no age without Read: not a guess");
        assertTrue(read.value(LagMetrics.LAG_AGE.name(), "group", GROUP, "topic", TOPIC, "partition", "0")
                .isPresent(), "one denied topic does not cost the others their age: " + read.text());
        assertEquals(200, Scrape.status(exporter.port(), "/readyz"));
        assertEquals(200, Scrape.status(exporter.port(), "/healthz"));
        assertNoSecret(scrape.text(), PARTIAL_PASSWORD, "steward-partial\" password");
    }

    @Test
    void serveInAChildJvmReadsThePasswordFromTheEnvironmentReloadsOnSighupAndStopsOnSigterm() throws Exception {
        Path ownershipFile = dir.resolve("ownership.yml");
        Files.copy(Path.of("../examples/ownership.yml"), ownershipFile);
        Path kafkaProps = dir.resolve("kafka.properties");
        Properties documented = DocumentedProperties.read(Path.of("../docs/running-in-production.md"),
                "kafka.properties: SASL_PLAINTEXT with SCRAM, password from the environment", dir,
                cluster.bootstrapServers());
        try (var out = Files.newBufferedWriter(kafkaProps)) {
            documented.store(out, "the documented block");
        }
        Path log = dir.resolve("serve.log");
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "dev.kafkasteward.exporter.cli.StewardCommand", "serve",
                "--ownership", ownershipFile.toString(), "--kafka-properties", kafkaProps.toString(),
                "--bind", "127.0.0.1", "--port", "0", "--interval", "1s", "--reload-interval", "1h")
                .redirectError(log.toFile());
        pb.environment().put("STEWARD_KAFKA_PASSWORD", PASSWORD);
        Process serve = pb.start();
        Thread reaper = new Thread(serve::destroyForcibly); // also when the build is stopped mid-test
        Runtime.getRuntime().addShutdownHook(reaper);
        try {
            int port = servingPort(serve);
            Await.until(Duration.ofSeconds(60), "child exporter ready", () -> Scrape.status(port, "/readyz") == 200);
            Scrape scrape = Scrape.get(port);
            assertEquals(PRODUCED - COMMITTED, lag(scrape, GROUP));
            assertNoSecret(scrape.text(), PASSWORD, "STEWARD_KAFKA_PASSWORD");

            // The file is polled hourly here, so only the signal can make this reload happen.
            assertEquals(0, new ProcessBuilder("kill", "-HUP", Long.toString(serve.pid())).start().waitFor());
            try {
                Await.until(Duration.ofSeconds(10), "a reload on SIGHUP", () -> Scrape.get(port)
                        .value(SelfMetrics.CONFIG_RELOADS.name(), "outcome", "success").orElse(0.0) == 1.0);
            } catch (AssertionError e) {
                throw new AssertionError(e.getMessage() + "; reloads served: " + Scrape.get(port)
                        .all(SelfMetrics.CONFIG_RELOADS.name()) + "; serve's log:\n"
                        + Files.readString(log, StandardCharsets.UTF_8), e);
            }
            assertTrue(serve.isAlive(), "SIGHUP must not stop serve");

            long start = System.nanoTime();
            serve.destroy(); // SIGTERM
            assertTrue(serve.waitFor(10, TimeUnit.SECONDS), "serve did not exit within 10 s of SIGTERM");
            long millis = (System.nanoTime() - start) / 1_000_000;
            System.out.printf("serve exited %d ms after SIGTERM with code %d%n", millis, serve.exitValue());
            assertEquals(143, serve.exitValue(), "128 + SIGTERM(15): the JVM's exit status after its shutdown hooks");
            assertTrue(refused(port), "still serving after exit");
            String output = Files.readString(log, StandardCharsets.UTF_8);
            // ServeCommand's shutdown hook, not the funnel consumer that stopped earlier for want of an ACL.
            assertTrue(output.lines().anyMatch(l -> l.endsWith("ServeCommand - stopped")), output);
            assertNoSecret(output, PASSWORD, "Pa55word");
        } finally {
            serve.destroyForcibly();
            Runtime.getRuntime().removeShutdownHook(reaper);
        }
    }

    private StewardExporter start(Properties props) throws Exception {
        StewardExporter exporter = StewardExporter.start(StewardExporter.Config.of(ownership, props)
                .every(Duration.ofMillis(500))
                .collecting(new CollectorSettings(Duration.ofSeconds(5), 1000, Duration.ofSeconds(5))));
        exporters.add(exporter);
        return exporter;
    }

    private Properties scramClient() {
        Properties p = new Properties();
        p.put("bootstrap.servers", cluster.bootstrapServers());
        p.put("security.protocol", "SASL_PLAINTEXT");
        p.put("sasl.mechanism", "SCRAM-SHA-512");
        return p;
    }

    private static String scramJaas(String user, String password) {
        return "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"" + user
                + "\" password=\"" + password + "\";";
    }

    /** The port from the child's "kafka-steward serving http://host:port/metrics" line. */
    private static int servingPort(Process serve) throws Exception {
        Pattern serving = Pattern.compile("serving https?://[^:]+:(\\d+)/metrics");
        CompletableFuture<Integer> port = CompletableFuture.supplyAsync(() -> {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(serve.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line; (line = out.readLine()) != null; ) {
                    Matcher m = serving.matcher(line);
                    if (m.find()) {
                        return Integer.parseInt(m.group(1));
                    }
                }
                throw new IllegalStateException("serve ended without serving");
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        return port.get(60, TimeUnit.SECONDS);
    }

    private static boolean refused(int port) {
        try (Socket s = new Socket("127.0.0.1", port)) {
            return false;
        } catch (ConnectException e) {
            return true;
        } catch (java.io.IOException e) {
            return true;
        }
    }

    private static void assertNoSecret(String text, String... secrets) {
        for (String secret : secrets) {
            assertFalse(text.contains(secret), "'" + secret + "' leaked");
        }
    }

    private static double errors(Scrape scrape, String stage) {
        return scrape.sum(SelfMetrics.COLLECTION_ERRORS.name(), "stage", stage);
    }

    private static long lag(Scrape scrape, String group) {
        return scrape.value(LagMetrics.LAG_RECORDS.name(), "group", group, "topic", TOPIC, "partition", "0")
                .orElseThrow(() -> new AssertionError("no lag series for " + group)).longValue();
    }
}
