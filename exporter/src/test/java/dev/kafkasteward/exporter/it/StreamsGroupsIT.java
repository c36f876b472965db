package dev.kafkasteward.exporter.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kafkasteward.contract.catalog.LagMetrics;
import dev.kafkasteward.contract.ownership.Ownership;
import dev.kafkasteward.contract.ownership.OwnershipLoader;
import dev.kafkasteward.contract.testing.Await;
import dev.kafkasteward.exporter.StewardExporter;
import dev.kafkasteward.exporter.collect.CollectorSettings;
import dev.kafkasteward.exporter.testing.Scrape;
import dev.kafkasteward.exporter.testing.TestCluster;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Exit;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.tools.streams.StreamsGroupCommand;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A real Kafka Streams application with {@code group.protocol=streams} (KIP-1071) on a real broker: it processes
 * what was produced, is paused (its members stay, it commits nothing), and more records arrive. The exporter serves the streams group's lag for every
 * partition exactly as {@code kafka-streams-groups --describe --offsets} prints it, with the group's protocol
 * named {@code streams}, and its tasks counted from its topology.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StreamsGroupsIT {

    private static final String APP = "order-enricher";
    private static final String IN = "orders-raw";
    private static final String OUT = "orders-enriched";
    private static final int PARTITIONS = 3;
    private static final Duration AWAIT = Duration.ofSeconds(90);

    private TestCluster cluster;
    private StewardExporter exporter;
    private KafkaStreams app;
    /** What the tool printed last, for failure messages. */
    private String lastOutput = "";

    @BeforeAll
    void start() throws Exception {
        cluster = TestCluster.start(1, Map.of("offsets.topic.replication.factor", "1",
                "transaction.state.log.replication.factor", "1", "transaction.state.log.min.isr", "1"));
        try (Admin admin = cluster.admin()) {
            admin.createTopics(List.of(new NewTopic(IN, PARTITIONS, (short) 1), new NewTopic(OUT, PARTITIONS, (short) 1)))
                    .all().get(30, TimeUnit.SECONDS);
        }
        produce(30);
        app = app(Files.createTempDirectory("streams-state-"));
        app.start();
        try {
            // The tool's lag follows what the members report they processed; the commit comes after. Both must
            // be done before the pause, or the lag left uncommitted would show as the application's.
            Await.until(AWAIT, "the streams application to process and commit all 30 records",
                    () -> sum(describeOffsets()) == 0 && describeOffsets().size() == PARTITIONS
                            && committed() == 30);
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "; application " + app.state()
                    + "; kafka-streams-groups printed:\n" + lastOutput, e);
        }
        // Paused, its members stay in the group (the tool prints offsets only for a group with members) and
        // commit nothing more: what arrives now is its lag.
        app.pause();
        produce(17);
        Ownership ownership = new OwnershipLoader().load(Path.of("../examples/ownership.yml"));
        exporter = StewardExporter.start(StewardExporter.Config.of(ownership, cluster.clientProperties())
                .every(Duration.ofMillis(500))
                .collecting(new CollectorSettings(Duration.ofSeconds(5), 1000, Duration.ofSeconds(5), 1)));
    }

    @AfterAll
    void stop() throws Exception {
        if (app != null) {
            app.close(Duration.ofSeconds(30));
        }
        if (exporter != null) {
            exporter.close();
        }
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void theStreamsGroupsLagIsWhatKafkaStreamsGroupsPrintsForEveryPartition() throws Exception {
        Map<Integer, Long> tool = describeOffsets();
        assertEquals(PARTITIONS, tool.size(), "the tool prints every source partition:\n" + lastOutput);
        assertEquals(17, sum(tool), "the tool's lag is what was produced after the application paused");
        Map<Integer, Long> served = new TreeMap<>();
        Await.until(AWAIT, "the exporter to serve the streams group's lag on every partition", () -> {
            Scrape s = Scrape.get(exporter.port());
            served.clear();
            s.all(LagMetrics.LAG_RECORDS.name(), "group", APP, "topic", IN).forEach(x -> served.put(
                    Integer.parseInt(x.labels().get("partition")), (long) x.value()));
            return served.size() == PARTITIONS;
        });
        assertEquals(tool, served);
        Scrape s = Scrape.get(exporter.port());
        assertTrue(s.all(LagMetrics.GROUP_STATE.name(), "group", APP).stream()
                        .anyMatch(x -> x.value() == 1 && "streams".equals(x.labels().get("protocol"))),
                "the group's protocol is named streams:\n" + s.all(LagMetrics.GROUP_STATE.name(), "group", APP));
    }

    @Test
    void theStreamsGroupsTasksAreCountedFromItsTopologyAndAllAssigned() throws Exception {
        Map<String, Double> served = new TreeMap<>();
        Await.until(AWAIT, "the exporter to serve the streams group's tasks", () -> {
            Scrape s = Scrape.get(exporter.port());
            served.clear();
            for (var def : List.of(LagMetrics.STREAMS_TASKS, LagMetrics.STREAMS_TASKS_UNASSIGNED,
                    LagMetrics.STREAMS_ASSIGNMENT_EPOCHS_BEHIND)) {
                s.all(def.name(), "group", APP).forEach(x -> served.put(def.name(), x.value()));
            }
            return served.size() == 3;
        });
        // One subtopology reading a topic of 3 partitions: 3 tasks, each held by the (paused) member.
        assertEquals(Map.of(LagMetrics.STREAMS_TASKS.name(), 3.0, LagMetrics.STREAMS_TASKS_UNASSIGNED.name(), 0.0,
                LagMetrics.STREAMS_ASSIGNMENT_EPOCHS_BEHIND.name(), 0.0), served);
    }

    private KafkaStreams app(Path state) {
        StreamsBuilder builder = new StreamsBuilder();
        builder.stream(IN).mapValues(v -> v + " enriched").to(OUT);
        Properties p = new Properties();
        p.putAll(cluster.clientProperties());
        p.put(StreamsConfig.APPLICATION_ID_CONFIG, APP);
        p.put(StreamsConfig.GROUP_PROTOCOL_CONFIG, "streams");
        p.put(StreamsConfig.STATE_DIR_CONFIG, state.toString());
        p.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, "200");
        p.put(StreamsConfig.DEFAULT_KEY_SERDE_CLASS_CONFIG, Serdes.StringSerde.class);
        p.put(StreamsConfig.DEFAULT_VALUE_SERDE_CLASS_CONFIG, Serdes.StringSerde.class);
        return new KafkaStreams(builder.build(), p);
    }

    private void produce(int records) throws Exception {
        try (KafkaProducer<String, String> producer = cluster.producer()) {
            for (int i = 0; i < records; i++) {
                producer.send(new ProducerRecord<>(IN, i % PARTITIONS, "order-" + i, "v")).get();
            }
        }
    }

    private static final class ToolExit extends RuntimeException {
        private final int code;

        ToolExit(int code, String message) {
            super(message);
            this.code = code;
        }
    }

    /** Offsets the application committed on the input topic, summed over its partitions. */
    private long committed() throws Exception {
        try (Admin admin = cluster.admin()) {
            return admin.listConsumerGroupOffsets(APP).partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS)
                    .entrySet().stream().filter(e -> e.getKey().topic().equals(IN) && e.getValue() != null)
                    .mapToLong(e -> e.getValue().offset()).sum();
        }
    }

    private static long sum(Map<Integer, Long> lag) {
        return lag.values().stream().mapToLong(Long::longValue).sum();
    }

    /**
     * {@code kafka-streams-groups --describe --offsets --group APP}, run in-process: the LAG column per partition
     * of the input topic. Kafka 4.3 prints {@code GROUP TOPIC PARTITION OFFSET-LAG}; the columns are found by name.
     */
    private Map<Integer, Long> describeOffsets() {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        PrintStream stdout = System.out;
        PrintStream stderr = System.err;
        // The tool ends with Exit.exit, even on success: here that must end the call, not the JVM.
        Exit.setExitProcedure((code, message) -> {
            throw new ToolExit(code, message);
        });
        try {
            System.setOut(new PrintStream(buffer, false, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(errors, false, StandardCharsets.UTF_8));
            StreamsGroupCommand.main(new String[] {"--bootstrap-server", cluster.bootstrapServers(), "--describe",
                "--offsets", "--group", APP});
        } catch (ToolExit e) {
            if (e.code != 0) {
                throw new IllegalStateException("kafka-streams-groups exited with " + e.code + ": " + e.getMessage());
            }
        } finally {
            System.out.flush();
            System.err.flush();
            System.setErr(stderr);
            System.setOut(stdout);
            Exit.resetExitProcedure();
        }
        String output = buffer.toString(StandardCharsets.UTF_8);
        lastOutput = output + errors.toString(StandardCharsets.UTF_8);
        Map<Integer, Long> lag = new TreeMap<>();
        List<String> header = null;
        for (String line : output.split("\n")) {
            List<String> cols = List.of(line.trim().split("\\s+"));
            if (cols.contains("PARTITION") && cols.stream().anyMatch(c -> c.equals("LAG") || c.equals("OFFSET-LAG"))) {
                header = cols;
            } else if (header != null && cols.size() == header.size() && cols.get(header.indexOf("TOPIC")).equals(IN)) {
                String value = cols.get(header.contains("LAG") ? header.indexOf("LAG") : header.indexOf("OFFSET-LAG"));
                if (value.matches("\\d+")) {
                    lag.put(Integer.parseInt(cols.get(header.indexOf("PARTITION"))), Long.parseLong(value));
                }
            }
        }
        return lag;
    }
}
