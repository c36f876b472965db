package dev.kafkasteward.contract.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A real Kafka 4.3 KRaft node in a child JVM, started the way operators start it: {@code StorageTool format},
 * then {@code kafka.Kafka server.properties}. Its role is {@code controller}, {@code broker}, or both
 * (combined, as in the demo). Single-replica topic defaults, 127.0.0.1 only.
 */
public record KafkaNode(Role role, int nodeId, int port, ChildJvm jvm) implements AutoCloseable {

    /** What {@code process.roles} says. */
    public enum Role {
        CONTROLLER("controller"), BROKER("broker"), COMBINED("broker,controller");

        final String roles;

        Role(String roles) {
            this.roles = roles;
        }
    }

    /**
     * The node's properties. {@code port} is the CONTROLLER listener for a controller and the PLAINTEXT
     * listener otherwise; {@code controllerPort} is the (single) voter's listener.
     */
    public static String properties(Role role, int nodeId, int port, int controllerPort, Path logDir) {
        String host = ChildJvm.HOST;
        List<String> lines = new ArrayList<>(List.of(
                "process.roles=" + role.roles,
                "node.id=" + nodeId,
                "controller.listener.names=CONTROLLER",
                "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                "controller.quorum.voters=" + (role == Role.BROKER ? 1 : nodeId) + "@" + host + ":" + controllerPort,
                "log.dirs=" + logDir.toAbsolutePath()));
        switch (role) {
            case CONTROLLER -> lines.add("listeners=CONTROLLER://" + host + ":" + port);
            case BROKER -> lines.add("listeners=PLAINTEXT://" + host + ":" + port);
            case COMBINED -> lines.add("listeners=PLAINTEXT://" + host + ":" + port + ",CONTROLLER://" + host + ":"
                    + controllerPort);
        }
        if (role != Role.CONTROLLER) {
            lines.addAll(List.of(
                    "advertised.listeners=PLAINTEXT://" + host + ":" + port,
                    "inter.broker.listener.name=PLAINTEXT",
                    "num.partitions=1",
                    "offsets.topic.replication.factor=1",
                    "offsets.topic.num.partitions=1",
                    "transaction.state.log.replication.factor=1",
                    "transaction.state.log.min.isr=1",
                    "share.coordinator.state.topic.replication.factor=1",
                    "share.coordinator.state.topic.min.isr=1",
                    "group.initial.rebalance.delay.ms=0"));
        }
        return String.join("\n", lines) + "\n";
    }

    /** Writes {@code server.properties} and formats the node's storage (a short-lived child JVM). */
    public static Path format(Path workDir, String properties, String clusterId, Duration timeout)
            throws IOException, InterruptedException {
        Files.createDirectories(workDir);
        Path file = workDir.resolve("server.properties");
        Files.writeString(file, properties, StandardCharsets.UTF_8);
        ChildJvm.run("format", workDir, "kafka.tools.StorageTool",
                List.of("format", "-t", clusterId, "-c", file.toString()), timeout);
        return file;
    }

    /** Starts a formatted node with {@code jvmOptions} (an agent, say); returns once the process is launched. */
    public static KafkaNode start(Role role, int nodeId, int port, Path workDir, List<String> jvmOptions)
            throws IOException {
        List<String> options = new ArrayList<>(jvmOptions);
        options.add("-Xmx384m");
        ChildJvm jvm = ChildJvm.start(role.name().toLowerCase(java.util.Locale.ROOT), workDir, options, "kafka.Kafka",
                List.of(workDir.resolve("server.properties").toString()));
        return new KafkaNode(role, nodeId, port, jvm);
    }

    public String bootstrapServers() {
        return ChildJvm.HOST + ":" + port;
    }

    @Override
    public void close() throws InterruptedException {
        jvm.close();
    }
}
