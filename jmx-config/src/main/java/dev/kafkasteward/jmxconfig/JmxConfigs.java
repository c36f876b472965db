package dev.kafkasteward.jmxconfig;

import dev.kafkasteward.contract.catalog.Source;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * The jmx_prometheus_javaagent configs bundled in this module, as classpath resources under
 * {@code jmx-config/}. The agent needs a file, so callers (the demo, contract tests) write one out with
 * {@link #writeTo(Path)} and attach it with {@link #javaAgentOption(Path, String, int, Path)}.
 */
public enum JmxConfigs {

    /** Kafka broker (KRaft); also covers the controller MBeans of a combined broker+controller. */
    BROKER("broker.yml"),

    /** {@link #BROKER} plus per-partition log size: the opt-in cardinality switch for brokers. */
    BROKER_DETAILED("broker-detailed.yml"),

    /** Dedicated KRaft controller: quorum controller state, elections, raft metrics. */
    CONTROLLER("controller.yml"),

    /** Kafka Connect worker: connector and task status, errors and dead letters, rebalances. */
    CONNECT("connect.yml"),

    /** Client applications: producer, consumer and Kafka Streams, one series per client id. */
    CLIENT("client.yml"),

    /** {@link #CLIENT} plus per-topic and per-partition client series: the opt-in switch for clients. */
    CLIENT_DETAILED("client-detailed.yml");

    private static final String RESOURCE_DIR = "jmx-config/";

    private final String fileName;

    JmxConfigs(String fileName) {
        this.fileName = fileName;
    }

    /** The config's file name, e.g. {@code broker.yml}; the same name the metric catalog uses. */
    public String fileName() {
        return fileName;
    }

    /** The classpath resource name, e.g. {@code jmx-config/broker.yml}. */
    public String resourceName() {
        return RESOURCE_DIR + fileName;
    }

    /** The catalog source of the metrics this config yields. */
    public Source.JmxConfig source() {
        return new Source.JmxConfig(fileName);
    }

    /** The config text (UTF-8). */
    public String content() {
        try (InputStream in = JmxConfigs.class.getClassLoader().getResourceAsStream(resourceName())) {
            if (in == null) {
                throw new IllegalStateException("bundled jmx config missing from the classpath: " + resourceName());
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resourceName(), e);
        }
    }

    /**
     * Writes the config to {@code directory/fileName()}, creating the directory if needed, and returns the
     * file's absolute path: the file the agent is pointed at.
     */
    public Path writeTo(Path directory) {
        Objects.requireNonNull(directory, "directory");
        try {
            Files.createDirectories(directory);
            Path file = directory.resolve(fileName).toAbsolutePath();
            Files.writeString(file, content(), StandardCharsets.UTF_8);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + fileName + " to " + directory, e);
        }
    }

    /**
     * The config this one extends, for the opt-in detailed variants: they hold every line of their base
     * and add per-partition or per-topic rules after it.
     */
    public Optional<JmxConfigs> base() {
        return switch (this) {
            case BROKER_DETAILED -> Optional.of(BROKER);
            case CLIENT_DETAILED -> Optional.of(CLIENT);
            default -> Optional.empty();
        };
    }

    /** The bundled config with this file name, if any. */
    public static Optional<JmxConfigs> byFileName(String fileName) {
        return Arrays.stream(values()).filter(c -> c.fileName.equals(fileName)).findFirst();
    }

    /**
     * The JVM option that attaches the agent:
     * {@code -javaagent:<agentJar>=<host>:<port>:<configFile>}. The agent's HTTP server binds to {@code host}.
     */
    public static String javaAgentOption(Path agentJar, String host, int port, Path configFile) {
        Objects.requireNonNull(agentJar, "agentJar");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(configFile, "configFile");
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
        return "-javaagent:" + agentJar.toAbsolutePath() + "=" + host + ":" + port + ":" + configFile.toAbsolutePath();
    }
}
