package dev.kafkasteward.jmxconfig;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * A real Kafka KRaft node (broker and controller in one process) in a child JVM, started the way
 * operators start it: {@code kafka.tools.StorageTool format}, then {@code kafka.Kafka server.properties}.
 * The classpath is the test JVM's; extra JVM options (the agent) are the caller's. Closing it always kills
 * the child, and a shutdown hook does so if the test JVM dies first.
 */
final class KafkaBrokerProcess implements AutoCloseable {

    static final String HOST = "127.0.0.1";

    private final Path workDir;
    private final int brokerPort;
    private final Process process;
    private final Thread killer;

    private KafkaBrokerProcess(Path workDir, int brokerPort, Process process) {
        this.workDir = workDir;
        this.brokerPort = brokerPort;
        this.process = process;
        this.killer = new Thread(process::destroyForcibly, "kill-kafka-" + process.pid());
    }

    /**
     * Formats storage under {@code workDir} and starts the node with {@code jvmOptions}; returns once the
     * process is launched (not yet serving).
     *
     * @param classpathFilter keeps the test-classpath entries that belong on the child's classpath
     */
    static KafkaBrokerProcess start(Path workDir, List<String> jvmOptions, Predicate<String> classpathFilter,
                                    Duration formatTimeout) throws IOException, InterruptedException {
        int brokerPort = freePort();
        int controllerPort = freePort();
        Path logDir = Files.createDirectories(workDir.resolve("data"));
        Path properties = workDir.resolve("server.properties");
        Files.writeString(properties, String.join("\n",
                "process.roles=broker,controller",
                "node.id=1",
                "listeners=PLAINTEXT://" + HOST + ":" + brokerPort + ",CONTROLLER://" + HOST + ":" + controllerPort,
                "advertised.listeners=PLAINTEXT://" + HOST + ":" + brokerPort,
                "controller.listener.names=CONTROLLER",
                "inter.broker.listener.name=PLAINTEXT",
                "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                "controller.quorum.voters=1@" + HOST + ":" + controllerPort,
                "log.dirs=" + logDir.toAbsolutePath(),
                "num.partitions=1",
                "offsets.topic.replication.factor=1",
                "offsets.topic.num.partitions=1",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
                "group.initial.rebalance.delay.ms=0",
                ""), StandardCharsets.UTF_8);

        String classpath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(classpathFilter)
                .collect(Collectors.joining(File.pathSeparator));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> common = List.of("-Xms128m", "-Xmx512m", "-XX:TieredStopAtLevel=1",
                "-Djava.awt.headless=true", "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn", "-cp", classpath);

        String clusterId = org.apache.kafka.common.Uuid.randomUuid().toString();
        List<String> format = new ArrayList<>(List.of(java));
        format.addAll(common);
        format.addAll(List.of("kafka.tools.StorageTool", "format", "-t", clusterId, "-c", properties.toString()));
        Process formatter = new ProcessBuilder(format)
                .redirectOutput(workDir.resolve("format.out").toFile())
                .redirectErrorStream(true)
                .start();
        try {
            if (!formatter.waitFor(formatTimeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException("StorageTool format did not finish within " + formatTimeout);
            }
            if (formatter.exitValue() != 0) {
                throw new IllegalStateException("StorageTool format failed (exit " + formatter.exitValue() + "):\n"
                        + tail(workDir.resolve("format.out"), 30));
            }
        } finally {
            formatter.destroyForcibly();
        }

        List<String> command = new ArrayList<>(List.of(java));
        command.addAll(jvmOptions);
        command.addAll(common);
        command.addAll(List.of("kafka.Kafka", properties.toString()));
        Process process = new ProcessBuilder(command)
                .redirectOutput(workDir.resolve("kafka.out").toFile())
                .redirectError(workDir.resolve("kafka.err").toFile())
                .start();
        KafkaBrokerProcess broker = new KafkaBrokerProcess(workDir, brokerPort, process);
        Runtime.getRuntime().addShutdownHook(broker.killer);
        return broker;
    }

    int brokerPort() {
        return brokerPort;
    }

    String bootstrapServers() {
        return HOST + ":" + brokerPort;
    }

    boolean isAlive() {
        return process.isAlive();
    }

    Path stderrFile() {
        return workDir.resolve("kafka.err");
    }

    /** The last lines of the child's stderr and stdout, for failure messages. */
    String diagnostics() {
        return "exit=" + (process.isAlive() ? "running" : process.exitValue())
                + "\n--- stderr (tail) ---\n" + tail(stderrFile(), 40)
                + "\n--- stdout (tail) ---\n" + tail(workDir.resolve("kafka.out"), 20);
    }

    /** Stops the child: a polite SIGTERM with a bounded wait, then SIGKILL. */
    @Override
    public void close() throws InterruptedException {
        try {
            process.destroy();
            if (!process.waitFor(15, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } finally {
            process.destroyForcibly();
            try {
                Runtime.getRuntime().removeShutdownHook(killer);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running or will run; nothing to remove
            }
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
    }

    static String tail(Path file, int lines) {
        try {
            if (!Files.exists(file)) {
                return "(no " + file.getFileName() + ")";
            }
            List<String> all = Files.readAllLines(file, StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
