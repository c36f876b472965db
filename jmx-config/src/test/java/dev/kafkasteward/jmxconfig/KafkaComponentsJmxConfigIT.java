package dev.kafkasteward.jmxconfig;

import dev.kafkasteward.contract.testing.ChildJvm;
import dev.kafkasteward.contract.testing.KafkaNode;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kafkasteward.contract.catalog.JmxMetrics;
import dev.kafkasteward.jmxconfig.ContractAssertions.Scraped;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.Uuid;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;

/**
 * The metric contract, proved against real components. One KRaft cluster for the whole class: a dedicated
 * controller ({@code controller.yml}) and a broker ({@code broker.yml}), each a Kafka 4.3.1 {@code kafka.Kafka}
 * JVM with jmx_prometheus_javaagent 1.0.1 attached. Against that broker, further JVMs with their agents:
 * a producer and a consumer ({@code client.yml}), a Kafka Streams app ({@code client-detailed.yml}, the
 * opt-in variant, a superset of client.yml) and a Kafka Connect distributed worker ({@code connect.yml})
 * running a healthy source, a dead-lettering sink and a sink whose task fails.
 *
 * <p>For each config: every catalog metric whose source is that file is on the scrapes (the failure names
 * the missing ones), every rule matched something, labels stay bounded, {@code jmx_scrape_error} is 0 and
 * the agent printed nothing on stderr. Scrapes are kept in {@code target/it/*-scrape.txt}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class KafkaComponentsJmxConfigIT {

    private static final Duration FORMAT = Duration.ofSeconds(40);
    private static final Duration AGENT_READY = Duration.ofSeconds(40);
    private static final Duration SETTLE = Duration.ofSeconds(25);
    private static final Duration KAFKA_CALL = Duration.ofSeconds(20);
    private static final String TOPIC = "steward-it-orders";
    private static final String STREAMS_OUT = "steward-it-orders-upper";
    private static final String CONNECT_TOPIC = "steward-it-connect-lines";

    /** Labels the bounded configs may put on {@code kafka_*} series. */
    private static final Set<String> SERVER_LABELS = Set.of("topic", "request", "version", "quantile", "state",
            "node");
    private static final Set<String> CONNECT_LABELS = Set.of("connector", "task", "status");
    private static final Set<String> CLIENT_LABELS = Set.of("client_id", "thread_id", "state");

    private final AgentProbe probe = new AgentProbe();
    private final List<AutoCloseable> children = new ArrayList<>();
    private Path itRoot;
    private KafkaNode controller;
    private AttachedAgent controllerAgent;
    private KafkaNode broker;
    private AttachedAgent brokerAgent;

    @BeforeAll
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void startCluster() throws Exception {
        itRoot = Files.createDirectories(Path.of(System.getProperty("steward.it.dir", "target/it")));
        Path run = Files.createTempDirectory(itRoot, "cluster-");
        Path controllerDir = run.resolve("controller");
        Path brokerDir = run.resolve("broker");
        int controllerPort = ChildJvm.freePort();
        int brokerPort = ChildJvm.freePort();
        String clusterId = Uuid.randomUuid().toString();
        CompletableFuture<Path> formatController = CompletableFuture.supplyAsync(() -> format(controllerDir,
                KafkaNode.properties(KafkaNode.Role.CONTROLLER, 1, controllerPort, controllerPort,
                        controllerDir.resolve("data")), clusterId));
        CompletableFuture<Path> formatBroker = CompletableFuture.supplyAsync(() -> format(brokerDir,
                KafkaNode.properties(KafkaNode.Role.BROKER, 2, brokerPort, controllerPort, brokerDir.resolve("data")),
                clusterId));
        formatController.get(FORMAT.toSeconds() + 5, TimeUnit.SECONDS);
        formatBroker.get(FORMAT.toSeconds() + 5, TimeUnit.SECONDS);

        controllerAgent = AttachedAgent.of(JmxConfigs.CONTROLLER, controllerDir);
        controller = started(KafkaNode.start(KafkaNode.Role.CONTROLLER, 1, controllerPort, controllerDir,
                controllerAgent.jvmOptions()));
        brokerAgent = AttachedAgent.of(JmxConfigs.BROKER, brokerDir);
        broker = started(KafkaNode.start(KafkaNode.Role.BROKER, 2, brokerPort, brokerDir, brokerAgent.jvmOptions()));
        probe.awaitReady(controller.jvm(), controllerAgent, AGENT_READY);
        probe.awaitReady(broker.jvm(), brokerAgent, AGENT_READY);
        awaitListener(broker);
        try (Admin admin = Admin.create(ProbeTraffic.adminProps(broker.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(TOPIC, 3, (short) 1), new NewTopic(STREAMS_OUT, 1, (short) 1),
                    new NewTopic(CONNECT_TOPIC, 1, (short) 1))).all().get(KAFKA_CALL.toSeconds(), TimeUnit.SECONDS);
        }
    }

    @AfterAll
    void stopEverything() throws Exception {
        for (int i = children.size() - 1; i >= 0; i--) {
            children.get(i).close();
        }
    }

    @Test
    @Order(1)
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void controllerYmlOnADedicatedController() throws Exception {
        Scraped scraped = scrape("controller", controller.jvm(), controllerAgent);
        List<Scraped> all = List.of(scraped);
        ContractAssertions.saveScrapes(itRoot, all);
        MBeanDump.dumpIfEnabled(controllerAgent, itRoot.resolve("controller-mbeans.txt"));
        ContractAssertions.assertCatalogPresent(JmxConfigs.CONTROLLER, all);
        ContractAssertions.assertEveryRuleMatched(JmxConfigs.CONTROLLER, all, Set.of());
        ContractAssertions.assertLabelsWithin(all, SERVER_LABELS);
        ContractAssertions.assertHealthyAgents(all);
    }

    @Test
    @Order(2)
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void brokerYmlOnABrokerOnlyNode() throws Exception {
        ProbeTraffic.oneRecordInAndOut(broker.bootstrapServers(), TOPIC);
        Scraped scraped = scrape("broker", broker.jvm(), brokerAgent);
        List<Scraped> all = List.of(scraped);
        ContractAssertions.saveScrapes(itRoot, all);
        MBeanDump.dumpIfEnabled(brokerAgent, itRoot.resolve("broker-mbeans.txt"));
        ContractAssertions.assertCatalogPresent(JmxConfigs.BROKER, all);
        // The kafka.controller rules are controller.yml's copy: they match nothing on a broker-only node
        // and are proven on the dedicated controller above.
        Set<String> controllerOnly = new TreeSet<>(ConfigRules.exposedNames(JmxConfigs.CONTROLLER));
        controllerOnly.removeIf(n -> !n.startsWith("kafka_controller_"));
        ContractAssertions.assertEveryRuleMatched(JmxConfigs.BROKER, all, controllerOnly);
        ContractAssertions.assertLabelsWithin(all, SERVER_LABELS);
        ContractAssertions.assertHealthyAgents(all);
        assertHasSample(scraped.scrape(), JmxMetrics.TOPIC_BYTES_IN.name(), Map.of("topic", TOPIC));
        assertHasSample(scraped.scrape(), JmxMetrics.TOPIC_BYTES_OUT.name(), Map.of("topic", TOPIC));
        Scrape openMetrics = probe.scrape(broker.jvm(), brokerAgent, AgentProbe.OPENMETRICS);
        ContractAssertions.assertCatalogPresent(JmxConfigs.BROKER,
                List.of(new Scraped("broker-openmetrics", JmxConfigs.BROKER, broker.jvm(), openMetrics)));
    }

    @Test
    @Order(3)
    @Timeout(value = 90, unit = TimeUnit.SECONDS)
    void clientYmlOnRealProducerConsumerAndStreamsJvms() throws Exception {
        Path dir = Files.createTempDirectory(itRoot, "clients-");
        String bootstrap = broker.bootstrapServers();
        AttachedAgent producerAgent = AttachedAgent.of(JmxConfigs.CLIENT, dir.resolve("producer"));
        AttachedAgent consumerAgent = AttachedAgent.of(JmxConfigs.CLIENT, dir.resolve("consumer"));
        AttachedAgent streamsAgent = AttachedAgent.of(JmxConfigs.CLIENT_DETAILED, dir.resolve("streams"));
        ChildJvm producer = client("producer", dir, producerAgent, "produce", bootstrap, TOPIC, "120");
        ChildJvm consumer = client("consumer", dir, consumerAgent, "consume", bootstrap, TOPIC, "steward-it-group",
                "120");
        ChildJvm streams = client("streams", dir, streamsAgent, "streams", bootstrap, TOPIC, STREAMS_OUT,
                "steward-it-streams", dir.resolve("streams/state").toString(), "120");
        probe.awaitReady(producer, producerAgent, AGENT_READY);
        probe.awaitReady(consumer, consumerAgent, AGENT_READY);
        probe.awaitReady(streams, streamsAgent, AGENT_READY);

        Set<String> clientNames = ContractAssertions.catalogSampleNames(JmxConfigs.CLIENT);
        Set<String> producerNames = only(clientNames, "kafka_producer_");
        Set<String> consumerNames = only(clientNames, "kafka_consumer_");
        Set<String> streamsNames = only(ConfigRules.exposedNames(JmxConfigs.CLIENT_DETAILED), "kafka_streams_");
        streamsNames.addAll(only(ConfigRules.exposedNames(JmxConfigs.CLIENT_DETAILED),
                "kafka_consumer_consumer_fetch_manager_metrics_partition"));
        // Per-topic producer series exist only once the Streams app has sent to its output topic.
        streamsNames.addAll(only(ConfigRules.exposedNames(JmxConfigs.CLIENT_DETAILED),
                "kafka_producer_producer_topic_metrics"));
        streamsNames.addAll(only(ConfigRules.exposedNames(JmxConfigs.CLIENT_DETAILED),
                "kafka_consumer_consumer_fetch_manager_metrics_topic"));
        // Wait for real work, not just registration: records sent, and records consumed and committed.
        List<Scraped> base = List.of(
                new Scraped("producer", JmxConfigs.CLIENT, producer, probe.scrapeUntil(producer, producerAgent, null,
                        s -> s.names().containsAll(producerNames)
                                && s.sum(JmxMetrics.PRODUCER_RECORDS_SENT.name()) > 0, SETTLE)),
                new Scraped("consumer", JmxConfigs.CLIENT, consumer, probe.scrapeUntil(consumer, consumerAgent, null,
                        s -> s.names().containsAll(consumerNames)
                                && s.sum(JmxMetrics.CONSUMER_RECORDS_CONSUMED.name()) > 0
                                && s.sum(JmxMetrics.CONSUMER_COMMITS.name()) > 0, SETTLE)));
        Scraped detailed = new Scraped("streams", JmxConfigs.CLIENT_DETAILED, streams, probe.scrapeUntil(streams,
                streamsAgent, null, s -> s.names().containsAll(streamsNames)
                        && s.sum(JmxMetrics.STREAMS_THREAD_PROCESSED.name()) > 0, SETTLE));
        List<Scraped> all = List.of(base.get(0), base.get(1), detailed);
        ContractAssertions.saveScrapes(itRoot, all);
        MBeanDump.dumpIfEnabled(producerAgent, itRoot.resolve("producer-mbeans.txt"));
        MBeanDump.dumpIfEnabled(consumerAgent, itRoot.resolve("consumer-mbeans.txt"));
        MBeanDump.dumpIfEnabled(streamsAgent, itRoot.resolve("streams-mbeans.txt"));

        // client-detailed.yml is client.yml plus rules (JmxConfigsTest), so the Streams app proves the
        // Streams rules of client.yml and the detailed rules at once.
        ContractAssertions.assertCatalogPresent(JmxConfigs.CLIENT, all);
        ContractAssertions.assertEveryRuleMatched(JmxConfigs.CLIENT, all, Set.of());
        ContractAssertions.assertEveryRuleMatched(JmxConfigs.CLIENT_DETAILED, all, Set.of());
        ContractAssertions.assertLabelsWithin(base, CLIENT_LABELS);
        ContractAssertions.assertHealthyAgents(all);
        assertTrue(base.get(0).scrape().sum(JmxMetrics.PRODUCER_RECORDS_SENT.name()) > 0, "producer sent nothing");
        assertTrue(base.get(1).scrape().sum(JmxMetrics.CONSUMER_RECORDS_CONSUMED.name()) > 0,
                "consumer received nothing");
        assertTrue(detailed.scrape().sum(JmxMetrics.STREAMS_THREAD_PROCESSED.name()) > 0, "Streams processed nothing");
        for (AutoCloseable child : List.of(producer, consumer, streams)) {
            child.close();
        }
    }

    @Test
    @Order(4)
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void connectYmlOnARealDistributedWorker() throws Exception {
        Path dir = Files.createTempDirectory(itRoot, "connect-");
        Path source = dir.resolve("source.txt");
        Files.write(source, IntStream.range(0, 20).mapToObj(i -> "line " + i).toList(), StandardCharsets.UTF_8);
        AttachedAgent agent = AttachedAgent.of(JmxConfigs.CONNECT, dir);
        try (ConnectWorker worker = ConnectWorker.start(dir, broker.bootstrapServers(), agent)) {
            probe.awaitReady(worker.jvm(), agent, AGENT_READY);
            worker.awaitRest(Duration.ofSeconds(60));
            worker.putConnector("steward-file-source", Map.of(
                    "connector.class", "org.apache.kafka.connect.file.FileStreamSourceConnector",
                    "tasks.max", "1", "file", source.toString(), "topic", CONNECT_TOPIC));
            // Plain-text records through the JSON converter: every record fails conversion and goes to the DLQ.
            worker.putConnector("steward-dlq-sink", sinkConfig(dir.resolve("sink.txt"), Map.of(
                    "value.converter", "org.apache.kafka.connect.json.JsonConverter",
                    "errors.tolerance", "all",
                    "errors.deadletterqueue.topic.name", "steward-it-dlq",
                    "errors.deadletterqueue.topic.replication.factor", "1")));
            // The sink's file cannot be created: its task fails on start.
            worker.putConnector("steward-broken-sink", sinkConfig(dir.resolve("missing-dir/out.txt"), Map.of()));
            worker.awaitStatus("steward-file-source", "\"tasks\":[{\"id\":0,\"state\":\"RUNNING\"", SETTLE);
            worker.awaitStatus("steward-dlq-sink", "\"tasks\":[{\"id\":0,\"state\":\"RUNNING\"", SETTLE);
            worker.awaitStatus("steward-broken-sink", "\"tasks\":[{\"id\":0,\"state\":\"FAILED\"", SETTLE);

            Set<String> expected = ContractAssertions.catalogSampleNames(JmxConfigs.CONNECT);
            Scraped scraped = new Scraped("connect", JmxConfigs.CONNECT, worker.jvm(), probe.scrapeUntil(worker.jvm(),
                    agent, null, s -> s.names().containsAll(expected)
                            && s.sum(JmxMetrics.CONNECT_DLQ_PRODUCE_REQUESTS.name()) > 0, SETTLE));
            List<Scraped> all = List.of(scraped);
            ContractAssertions.saveScrapes(itRoot, all);
            MBeanDump.dumpIfEnabled(agent, itRoot.resolve("connect-mbeans.txt"));
            ContractAssertions.assertCatalogPresent(JmxConfigs.CONNECT, all);
            ContractAssertions.assertEveryRuleMatched(JmxConfigs.CONNECT, all, Set.of());
            ContractAssertions.assertLabelsWithin(all, CONNECT_LABELS);
            ContractAssertions.assertHealthyAgents(all);
            assertHasSample(scraped.scrape(), JmxMetrics.CONNECT_TASK_STATUS.name(),
                    Map.of("connector", "steward-broken-sink", "task", "0", "status", "failed"));
            assertHasSample(scraped.scrape(), JmxMetrics.CONNECT_CONNECTOR_TASKS_BY_STATUS.name(),
                    Map.of("connector", "steward-broken-sink", "status", "failed"));
            assertTrue(scraped.scrape().sum(JmxMetrics.CONNECT_DLQ_PRODUCE_REQUESTS.name()) > 0,
                    "the dead-lettering sink sent nothing to its DLQ");
        }
    }

    private static Map<String, String> sinkConfig(Path file, Map<String, String> extra) {
        Map<String, String> config = new LinkedHashMap<>(Map.of(
                "connector.class", "org.apache.kafka.connect.file.FileStreamSinkConnector",
                "tasks.max", "1", "file", file.toString(), "topics", CONNECT_TOPIC));
        config.putAll(extra);
        return config;
    }

    /** A sample with exactly these labels and a value of at least 1. */
    private static void assertHasSample(Scrape scrape, String name, Map<String, String> labels) {
        boolean found = scrape.samples().stream().anyMatch(s -> s.name().equals(name) && s.labels().equals(labels)
                && Double.parseDouble(s.value()) >= 1);
        assertTrue(found, name + labels + " >= 1 expected on the scrape");
    }

    private Scraped scrape(String process, ChildJvm jvm, AttachedAgent agent) throws Exception {
        Set<String> expected = ContractAssertions.catalogSampleNames(agent.config());
        return new Scraped(process, agent.config(), jvm, probe.scrapeUntilPresent(jvm, agent, null, expected, SETTLE));
    }

    private ChildJvm client(String name, Path dir, AttachedAgent agent, String... args) throws IOException {
        List<String> options = new ArrayList<>(agent.jvmOptions());
        options.add("-Xmx128m");
        ChildJvm jvm = ChildJvm.start(name, dir.resolve(name), options, ClientApp.class.getName(), List.of(args));
        children.add(jvm);
        return jvm;
    }

    private <T extends AutoCloseable> T started(T child) {
        children.add(child);
        return child;
    }

    private static Set<String> only(Set<String> names, String prefix) {
        Set<String> result = new TreeSet<>();
        names.stream().filter(n -> n.startsWith(prefix)).forEach(result::add);
        return result;
    }

    private static Path format(Path dir, String properties, String clusterId) {
        try {
            return KafkaNode.format(dir, properties, clusterId, FORMAT);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The agent starts before Kafka; clients connect only once the broker listener accepts connections. */
    static void awaitListener(KafkaNode node) throws InterruptedException {
        long deadline = System.nanoTime() + AGENT_READY.toNanos();
        while (System.nanoTime() < deadline) {
            if (!node.jvm().isAlive()) {
                throw new AssertionError("Kafka exited before its listener opened\n" + node.jvm().diagnostics());
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(ChildJvm.HOST, node.port()), 1000);
                return;
            } catch (IOException notYet) {
                Thread.sleep(200);
            }
        }
        throw new AssertionError("listener " + node.bootstrapServers() + " did not open within " + AGENT_READY
                + "\n" + node.jvm().diagnostics());
    }
}
