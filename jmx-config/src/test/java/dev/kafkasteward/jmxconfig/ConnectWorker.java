package dev.kafkasteward.jmxconfig;

import dev.kafkasteward.contract.testing.ChildJvm;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A real Kafka Connect worker in distributed mode ({@code ConnectDistributed}, so the rebalance metrics
 * exist), in a child JVM with an agent attached, and the few REST calls the test needs. Plugins come from
 * the classpath through their ServiceLoader manifests ({@code plugin.discovery=service_load}), which spares
 * the worker a reflective scan of the whole test classpath.
 */
record ConnectWorker(int restPort, ChildJvm jvm) implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    static ConnectWorker start(Path workDir, String bootstrapServers, AttachedAgent agent) throws IOException {
        int restPort = ChildJvm.freePort();
        Path properties = workDir.resolve("connect-distributed.properties");
        Files.writeString(properties, String.join("\n",
                "bootstrap.servers=" + bootstrapServers,
                "group.id=steward-it-connect",
                "listeners=http://" + ChildJvm.HOST + ":" + restPort,
                "rest.advertised.host.name=" + ChildJvm.HOST,
                "key.converter=org.apache.kafka.connect.storage.StringConverter",
                "value.converter=org.apache.kafka.connect.storage.StringConverter",
                "config.storage.topic=steward-it-connect-configs",
                "offset.storage.topic=steward-it-connect-offsets",
                "status.storage.topic=steward-it-connect-status",
                "config.storage.replication.factor=1",
                "offset.storage.replication.factor=1",
                "offset.storage.partitions=1",
                "status.storage.replication.factor=1",
                "status.storage.partitions=1",
                "offset.flush.interval.ms=1000",
                "plugin.discovery=service_load",
                ""), StandardCharsets.UTF_8);
        List<String> options = new ArrayList<>(agent.jvmOptions());
        options.add("-Xmx384m");
        ChildJvm jvm = ChildJvm.start("connect", workDir, options, "org.apache.kafka.connect.cli.ConnectDistributed",
                List.of(properties.toString()));
        return new ConnectWorker(restPort, jvm);
    }

    /** Waits until the REST API answers (the worker has joined its group and read its config topic). */
    void awaitRest(Duration bound) throws InterruptedException {
        long deadline = System.nanoTime() + bound.toNanos();
        while (System.nanoTime() < deadline) {
            if (!jvm.isAlive()) {
                throw new AssertionError("Connect exited before its REST API answered\n" + jvm.diagnostics());
            }
            try {
                if (send(HttpRequest.newBuilder(uri("/connectors")).GET()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(300);
        }
        throw new AssertionError("Connect REST API did not answer within " + bound + "\n" + jvm.diagnostics());
    }

    /** Creates or replaces a connector ({@code PUT /connectors/<name>/config}). */
    void putConnector(String name, Map<String, String> config) throws IOException, InterruptedException {
        String json = config.entrySet().stream()
                .map(e -> quote(e.getKey()) + ":" + quote(e.getValue()))
                .collect(Collectors.joining(",", "{", "}"));
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/connectors/" + name + "/config"))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)));
        if (response.statusCode() / 100 != 2) {
            throw new AssertionError("PUT connector " + name + " answered " + response.statusCode() + ": "
                    + response.body());
        }
    }

    /** The connector's status document ({@code GET /connectors/<name>/status}), or "" if not there yet. */
    String status(String name) throws InterruptedException {
        try {
            HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/connectors/" + name + "/status")).GET());
            return response.statusCode() == 200 ? response.body() : "";
        } catch (IOException notYet) {
            return "";
        }
    }

    /** Waits until the connector's status document contains {@code fragment}, e.g. a task state. */
    void awaitStatus(String name, String fragment, Duration bound) throws InterruptedException {
        long deadline = System.nanoTime() + bound.toNanos();
        String last = "";
        while (System.nanoTime() < deadline) {
            last = status(name);
            if (last.replace(" ", "").contains(fragment)) {
                return;
            }
            Thread.sleep(300);
        }
        throw new AssertionError("connector " + name + " never reported " + fragment + " within " + bound
                + "; last status: " + last + "\n" + jvm.diagnostics());
    }

    private URI uri(String path) {
        return URI.create("http://" + ChildJvm.HOST + ":" + restPort + path);
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return HTTP.send(request.timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    @Override
    public void close() throws InterruptedException {
        jvm.close();
    }
}
