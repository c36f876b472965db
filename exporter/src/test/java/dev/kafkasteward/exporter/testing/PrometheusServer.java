package dev.kafkasteward.exporter.testing;

import dev.kafkasteward.contract.testing.Await;
import dev.kafkasteward.contract.testing.ExternalTool;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * A real Prometheus binary on 127.0.0.1, scraping {@code targets} every second and evaluating {@code ruleFile}
 * (if any) every second, its data and log in {@code dir}. Closing stops it.
 */
public final class PrometheusServer implements AutoCloseable {

    private final Process process;
    private final URI url;
    private final Path log;

    private PrometheusServer(Process process, URI url, Path log) {
        this.process = process;
        this.url = url;
        this.log = log;
    }

    public static PrometheusServer start(Path dir, List<String> targets, Path ruleFile) throws Exception {
        Path binary = ExternalTool.require("prometheus");
        Files.createDirectories(dir);
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        String config = "global:\n  scrape_interval: 1s\n  evaluation_interval: 1s\n"
                + (ruleFile == null ? "" : "rule_files:\n  - " + ruleFile.toAbsolutePath() + "\n")
                + "scrape_configs:\n  - job_name: test\n    static_configs:\n      - targets: ["
                + String.join(", ", targets.stream().map(t -> "'" + t + "'").toList()) + "]\n";
        Path configFile = dir.resolve("prometheus.yml");
        Files.writeString(configFile, config, StandardCharsets.UTF_8);
        Path log = dir.resolve("prometheus.log");
        Process process = new ProcessBuilder(binary.toString(), "--config.file=" + configFile,
                "--storage.tsdb.path=" + dir.resolve("data"), "--web.listen-address=127.0.0.1:" + port)
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        PrometheusServer server = new PrometheusServer(process, URI.create("http://127.0.0.1:" + port), log);
        try {
            HttpClient http = HttpClient.newHttpClient();
            Await.until(Duration.ofSeconds(30), "Prometheus ready", () -> {
                try {
                    return http.send(HttpRequest.newBuilder(server.url.resolve("/-/ready")).build(),
                            HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
                } catch (IOException e) {
                    return false;
                }
            });
        } catch (Exception | AssertionError e) {
            server.close();
            throw new IllegalStateException("Prometheus did not start; its log:\n" + server.logText(), e);
        }
        return server;
    }

    public URI url() {
        return url;
    }

    public String logText() {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(5, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
