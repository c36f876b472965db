package dev.kafkasteward.exporter.testing;

import dev.kafkasteward.contract.testing.Await;
import dev.kafkasteward.contract.testing.ChildJvm;
import dev.kafkasteward.contract.testing.KafkaNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.Uuid;

/**
 * A KRaft cluster of real processes, one controller (node 1) and brokers 2..n+1, each a {@code kafka.Kafka}
 * JVM started from its own formatted storage, so that one broker can be killed (SIGKILL: no controlled
 * shutdown, its sessions simply stop) and started again on the same storage.
 */
public final class ProcessCluster implements AutoCloseable {

    private static final Duration FORMAT = Duration.ofSeconds(60);
    private static final List<String> JVM = List.of("-Xmx256m");

    private final Path dir;
    private final KafkaNode controller;
    private final Map<Integer, KafkaNode> brokers = new LinkedHashMap<>();
    private final Map<Integer, Integer> ports = new LinkedHashMap<>();

    private ProcessCluster(Path dir, KafkaNode controller) {
        this.dir = dir;
        this.controller = controller;
    }

    /** Starts and waits until every broker is registered; {@code brokerConfig} lines go after the defaults. */
    public static ProcessCluster start(Path dir, int brokerCount, Map<String, String> brokerConfig) throws Exception {
        String clusterId = Uuid.randomUuid().toString();
        int controllerPort = ChildJvm.freePort();
        Path controllerDir = dir.resolve("controller");
        KafkaNode.format(controllerDir, KafkaNode.properties(KafkaNode.Role.CONTROLLER, 1, controllerPort,
                controllerPort, controllerDir.resolve("data")), clusterId, FORMAT);
        ProcessCluster cluster = new ProcessCluster(dir,
                KafkaNode.start(KafkaNode.Role.CONTROLLER, 1, controllerPort, controllerDir, JVM));
        try {
            String extra = brokerConfig.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                    .collect(Collectors.joining("\n", "", "\n"));
            for (int id = 2; id < 2 + brokerCount; id++) {
                int port = ChildJvm.freePort();
                Path brokerDir = dir.resolve("broker-" + id);
                // Later lines win in a properties file: the test's settings override the defaults.
                KafkaNode.format(brokerDir, KafkaNode.properties(KafkaNode.Role.BROKER, id, port, controllerPort,
                        brokerDir.resolve("data")) + extra, clusterId, FORMAT);
                cluster.ports.put(id, port);
                cluster.startBroker(id);
            }
            cluster.awaitBrokers(brokerCount);
        } catch (Exception e) {
            cluster.close();
            throw e;
        }
        return cluster;
    }

    public String bootstrapServers() {
        return ports.values().stream().map(p -> ChildJvm.HOST + ":" + p).collect(Collectors.joining(","));
    }

    public Admin admin() {
        return Admin.create(Map.of("bootstrap.servers", bootstrapServers()));
    }

    public List<Integer> brokerIds() {
        return new ArrayList<>(ports.keySet());
    }

    /** SIGKILL: the broker's connections reset, and the controller fences it only when its session expires. */
    public void kill(int brokerId) throws InterruptedException {
        brokers.remove(brokerId).jvm().kill();
    }

    /** Starts a killed broker again on its storage and waits until the cluster has {@code expected} brokers. */
    public void restart(int brokerId, int expected) throws Exception {
        startBroker(brokerId);
        awaitBrokers(expected);
    }

    private void startBroker(int id) throws IOException {
        brokers.put(id, KafkaNode.start(KafkaNode.Role.BROKER, id, ports.get(id), dir.resolve("broker-" + id), JVM));
    }

    private void awaitBrokers(int expected) throws Exception {
        try (Admin admin = admin()) {
            Await.until(Duration.ofSeconds(120), expected + " brokers registered", () -> {
                for (KafkaNode b : brokers.values()) {
                    if (!b.jvm().isAlive()) {
                        throw new AssertionError("broker " + b.nodeId() + " exited\n" + b.jvm().diagnostics());
                    }
                }
                try {
                    return admin.describeCluster().nodes().get().size() == expected;
                } catch (Exception notYet) {
                    return false;
                }
            });
        }
    }

    @Override
    public void close() throws Exception {
        for (KafkaNode b : brokers.values()) {
            b.close();
        }
        brokers.clear();
        controller.close();
        if (Files.exists(dir)) {
            dev.kafkasteward.contract.testing.TestFiles.deleteTree(dir);
        }
    }
}
