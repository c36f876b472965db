package dev.kafkasteward.jmxconfig;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.kafkasteward.contract.catalog.MetricCatalog;
import dev.kafkasteward.contract.catalog.MetricDef;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Contract test for {@code broker.yml}: a real Kafka 4.3.1 KRaft broker+controller in its own JVM with the
 * real jmx_prometheus_javaagent attached. Every catalog metric sourced from {@code broker.yml} must appear in
 * the agent's scrape, in both exposition formats Prometheus negotiates, and the agent must not complain.
 * The last scrape is kept under {@code target/it/} for whoever edits the config next.
 */
class BrokerJmxConfigIT {

    /**
     * Every name broker.yml exports, as the agent exposes it. The catalog's broker.yml entries must be a
     * subset; the rest are proven here until they move into the catalog (JmxMetrics).
     */
    private static final Set<String> CONFIGURED = Set.of(
            "kafka_server_replicamanager_under_replicated_partitions",
            "kafka_server_replicamanager_under_min_isr_partition_count",
            "kafka_server_replicamanager_isr_shrinks_total",
            "kafka_server_replicamanager_isr_expands_total",
            "kafka_server_brokertopicmetrics_bytes_in_total",
            "kafka_server_brokertopicmetrics_bytes_out_total",
            "kafka_network_requestmetrics_total_time_seconds",
            "kafka_network_requestmetrics_request_queue_time_seconds",
            "kafka_controller_kafkacontroller_active_controller_count",
            "kafka_controller_kafkacontroller_offline_partitions_count",
            "kafka_controller_controllerstats_unclean_leader_elections_total");

    /** MBean keys that would make series per partition or per client: never labels. */
    private static final Set<String> UNBOUNDED_LABELS = Set.of("partition", "clientid", "client_id", "clientsoftwarename");

    private static final String OPENMETRICS = "application/openmetrics-text; version=1.0.0; charset=utf-8";
    private static final String PROBE_TOPIC = "steward-jmx-probe";
    private static final Duration AGENT_READY = Duration.ofSeconds(30);
    private static final Duration KAFKA_CALL = Duration.ofSeconds(20);
    private static final Duration METRICS_SETTLE = Duration.ofSeconds(15);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void everyBrokerCatalogMetricAppearsOnARealBrokerScrape() throws Exception {
        List<String> catalogNames = MetricCatalog.bySource(JmxConfigs.BROKER.source()).stream()
                .map(MetricDef::name).sorted().toList();
        assertFalse(catalogNames.isEmpty(), "the catalog names no metric from broker.yml: nothing to prove");

        Path agentJar = Path.of(requiredProperty("steward.jmx.agent.jar"));
        assertTrue(Files.isRegularFile(agentJar), "agent jar not found: " + agentJar);
        Path itRoot = Files.createDirectories(Path.of(System.getProperty("steward.it.dir", "target/it")));
        Path workDir = Files.createTempDirectory(itRoot, "broker-");
        Path config = JmxConfigs.BROKER.writeTo(workDir);
        int agentPort = KafkaBrokerProcess.freePort();
        String agent = JmxConfigs.javaAgentOption(agentJar, KafkaBrokerProcess.HOST, agentPort, config);
        URI metrics = URI.create("http://" + KafkaBrokerProcess.HOST + ":" + agentPort + "/metrics");

        try (KafkaBrokerProcess kafka = KafkaBrokerProcess.start(workDir, List.of(agent),
                entry -> !Path.of(entry).getFileName().toString().startsWith("jmx_prometheus_javaagent"),
                Duration.ofSeconds(30))) {
            awaitAgent(kafka, metrics);
            awaitBrokerListener(kafka);
            produceAndConsumeOne(kafka);

            Set<String> expected = new TreeSet<>(CONFIGURED);
            expected.addAll(catalogNames);
            Scrape text = scrapeUntilPresent(kafka, metrics, null, expected);
            Scrape openMetrics = scrapeUntilPresent(kafka, metrics, OPENMETRICS, expected);
            Files.writeString(itRoot.resolve("broker-scrape.txt"), text.text(), StandardCharsets.UTF_8);
            Files.writeString(itRoot.resolve("broker-scrape.openmetrics.txt"), openMetrics.text(),
                    StandardCharsets.UTF_8);

            for (Scrape scrape : List.of(text, openMetrics)) {
                List<String> missing = catalogNames.stream().filter(n -> !scrape.names().contains(n)).toList();
                assertTrue(missing.isEmpty(), "catalog metrics from broker.yml missing from the real scrape: "
                        + missing + "\nkafka_* names present: " + scrape.namesStartingWith("kafka_"));
                assertEquals(expected, scrape.namesStartingWith("kafka_"),
                        "broker.yml should export exactly the configured and catalogued names");
                assertBoundedLabels(scrape);
                assertSample(scrape, "jmx_scrape_error", "0.0");
                assertSample(scrape, "jmx_config_reload_failure_total", "0.0");
            }
            assertProbeTopicLabelled(text);
            assertNoAgentComplaints(kafka);
        }
    }

    private void awaitAgent(KafkaBrokerProcess kafka, URI metrics) throws InterruptedException {
        long deadline = System.nanoTime() + AGENT_READY.toNanos();
        while (System.nanoTime() < deadline) {
            if (!kafka.isAlive()) {
                fail("Kafka exited before the agent answered\n" + kafka.diagnostics());
            }
            try {
                if (get(metrics, null).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // the agent's server is not up yet
            }
            Thread.sleep(200);
        }
        fail("agent did not answer on " + metrics + " within " + AGENT_READY + "\n" + kafka.diagnostics());
    }

    /** The agent starts before Kafka; clients are created only once the broker listener accepts connections. */
    private static void awaitBrokerListener(KafkaBrokerProcess kafka) throws InterruptedException {
        long deadline = System.nanoTime() + AGENT_READY.toNanos();
        while (System.nanoTime() < deadline) {
            if (!kafka.isAlive()) {
                fail("Kafka exited before its listener opened\n" + kafka.diagnostics());
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(KafkaBrokerProcess.HOST, kafka.brokerPort()), 1000);
                return;
            } catch (IOException notYet) {
                Thread.sleep(200);
            }
        }
        fail("broker listener " + kafka.bootstrapServers() + " did not open within " + AGENT_READY + "\n"
                + kafka.diagnostics());
    }

    /** Per-topic and per-request series exist only after traffic: one record in, one record out. */
    private static void produceAndConsumeOne(KafkaBrokerProcess kafka) throws Exception {
        Properties common = new Properties();
        common.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        common.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "10000");
        common.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "20000");
        try (Admin admin = Admin.create(common)) {
            admin.createTopics(List.of(new NewTopic(PROBE_TOPIC, 1, (short) 1))).all()
                    .get(KAFKA_CALL.toSeconds(), TimeUnit.SECONDS);
        }
        Properties producerProps = new Properties();
        producerProps.putAll(common);
        producerProps.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "20000");
        producerProps.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "20000");
        try (KafkaProducer<String, String> producer =
                     new KafkaProducer<>(producerProps, new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(PROBE_TOPIC, "k", "v")).get(KAFKA_CALL.toSeconds(), TimeUnit.SECONDS);
        }
        Properties consumerProps = new Properties();
        consumerProps.putAll(common);
        consumerProps.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        consumerProps.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        try (KafkaConsumer<String, String> consumer =
                     new KafkaConsumer<>(consumerProps, new StringDeserializer(), new StringDeserializer())) {
            TopicPartition tp = new TopicPartition(PROBE_TOPIC, 0);
            consumer.assign(List.of(tp));
            consumer.seekToBeginning(List.of(tp));
            long deadline = System.nanoTime() + KAFKA_CALL.toNanos();
            int records = 0;
            while (records == 0 && System.nanoTime() < deadline) {
                records = consumer.poll(Duration.ofMillis(500)).count();
            }
            assertEquals(1, records, "the probe record was not consumed within " + KAFKA_CALL);
        }
    }

    /** Scrapes until every expected name is present or the bound passes; returns the last scrape. */
    private Scrape scrapeUntilPresent(KafkaBrokerProcess kafka, URI metrics, String accept, Set<String> expected)
            throws IOException, InterruptedException {
        long deadline = System.nanoTime() + METRICS_SETTLE.toNanos();
        while (true) {
            HttpResponse<String> response = get(metrics, accept);
            assertEquals(200, response.statusCode(), "scrape status\n" + kafka.diagnostics());
            Scrape scrape = Scrape.parse(response.body());
            if (scrape.names().containsAll(expected) || System.nanoTime() > deadline) {
                return scrape;
            }
            Thread.sleep(500);
        }
    }

    private HttpResponse<String> get(URI uri, String accept) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).GET();
        if (accept != null) {
            request.header("Accept", accept);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static void assertBoundedLabels(Scrape scrape) {
        List<String> unbounded = scrape.samples().stream()
                .filter(s -> s.name().startsWith("kafka_"))
                .filter(s -> s.labels().keySet().stream().anyMatch(UNBOUNDED_LABELS::contains))
                .map(s -> s.name() + s.labels())
                .toList();
        assertTrue(unbounded.isEmpty(), "series with per-partition or per-client labels: " + unbounded);
    }

    private static void assertSample(Scrape scrape, String name, String value) {
        List<String> values = scrape.samples().stream().filter(s -> s.name().equals(name))
                .map(Scrape.Sample::value).toList();
        assertEquals(List.of(value), values, name);
    }

    private static void assertProbeTopicLabelled(Scrape scrape) {
        for (String name : List.of("kafka_server_brokertopicmetrics_bytes_in_total",
                "kafka_server_brokertopicmetrics_bytes_out_total")) {
            assertTrue(scrape.samples().stream().anyMatch(s -> s.name().equals(name)
                            && s.labels().equals(Map.of("topic", PROBE_TOPIC))
                            && Double.parseDouble(s.value()) > 0),
                    name + "{topic=\"" + PROBE_TOPIC + "\"} > 0 expected after one record in and out");
        }
    }

    /**
     * The agent reports config and scrape problems on stderr (its java.util.logging output and startup
     * failures name {@code io.prometheus.jmx}); Kafka's own warnings go through slf4j and are not ours to judge.
     */
    private static void assertNoAgentComplaints(KafkaBrokerProcess kafka) throws IOException {
        List<String> complaints = Files.readAllLines(kafka.stderrFile(), StandardCharsets.UTF_8).stream()
                .filter(line -> line.contains("io.prometheus.jmx") || line.contains("Prometheus JMX Exporter")
                        || line.startsWith("WARNING:") || line.startsWith("SEVERE:"))
                .collect(Collectors.toList());
        assertTrue(complaints.isEmpty(), "the agent complained on stderr:\n" + String.join("\n", complaints));
    }

    private static String requiredProperty(String name) {
        String value = System.getProperty(name);
        if (value == null || value.isBlank()) {
            fail("system property " + name + " is not set; run through `mvn -pl jmx-config verify`");
        }
        return value;
    }
}
