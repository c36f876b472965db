package dev.kafkasteward.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.kafkasteward.contract.testing.ChildJvm;
import dev.kafkasteward.demo.stack.RequiredBinaries;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's demo promise, checked on the demo command itself (bin/demo's main class in its own
 * JVM, with {@code --duration 3m} so it stops by itself): while it runs, {@code /metrics} shows lag
 * for both consumer groups and time to exhaustion for every log dir, Prometheus has every generated
 * rule group loaded, and fulfillment's dead-letter and lag-age alerts reach the fulfillment team's
 * webhook, which the demo prints. How long each took is printed, not bounded beyond the demo's own
 * three minutes.
 */
class DemoCommandIT {

    private static final Pattern EXPORTER = Pattern.compile("Exporter metrics\\s+http://127\\.0\\.0\\.1:(\\d+)/metrics");
    private static final Pattern PROMETHEUS = Pattern.compile("Prometheus UI \\(alerts\\)\\s+(http://127\\.0\\.0\\.1:\\d+)/alerts");
    private static final Pattern ALERT = Pattern.compile("\\[alert] \\S+\\s+team (\\S+)\\s+firing\\s+(\\S+)");
    private static final Pattern SAMPLE = Pattern.compile("^(\\w+)\\{([^}]*)} (\\S+)$", Pattern.MULTILINE);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @Test
    void withinItsThreeMinutesTheDemoShowsEveryHeadlineSignalAndAlertsReachTheirTeam(@TempDir Path dir)
            throws Exception {
        RequiredBinaries.onPath(); // the demo starts Prometheus and Alertmanager from PATH; in CI they must be there
        Path ownership = Path.of("../examples/ownership.yml").toAbsolutePath();
        Path out = dir.resolve("out");
        long started = System.nanoTime();
        try (ChildJvm demo = ChildJvm.start("demo", dir, List.of("-Xmx1g"), DemoMain.class.getName(), List.of(
                "--ownership", ownership.toString(), "--out", out.toString(), "--port", "0",
                "--prometheus-port", "0", "--alertmanager-port", "0", "--grafana-port", "0", "--duration", "3m"))) {
            Map<String, Double> reached = new TreeMap<>();
            Set<String> wanted = Set.of("lag for both groups", "time to exhaustion for every log dir",
                    "every rule group loaded", "fulfillment <- KafkaDeadLetterRecords",
                    "fulfillment <- KafkaConsumerLagAge*");
            while (demo.isAlive() && !reached.keySet().containsAll(wanted)) {
                String stdout = Files.readString(demo.stdoutFile());
                double seconds = (System.nanoTime() - started) / 1e9;
                Optional<Integer> exporter = find(EXPORTER, stdout).map(Integer::parseInt);
                Optional<String> prometheus = find(PROMETHEUS, stdout);
                if (exporter.isPresent()) {
                    String metrics = get(URI.create("http://127.0.0.1:" + exporter.get() + "/metrics"));
                    if (hasLag(metrics, "fulfillment-service") && hasLag(metrics, "customer-timeline-service")) {
                        reached.putIfAbsent("lag for both groups", seconds);
                    }
                    Set<String> dirs = logDirs(metrics, "kafka_log_dir_total_bytes");
                    if (!dirs.isEmpty() && logDirs(metrics, "kafka_log_dir_time_to_exhaustion_seconds").equals(dirs)) {
                        reached.putIfAbsent("time to exhaustion for every log dir", seconds);
                    }
                }
                if (prometheus.isPresent() && loadedGroups(prometheus.get()).containsAll(generatedGroups(out))) {
                    reached.putIfAbsent("every rule group loaded", seconds);
                }
                Matcher alert = ALERT.matcher(stdout);
                while (alert.find()) {
                    String name = alert.group(2).startsWith("KafkaConsumerLagAge") ? "KafkaConsumerLagAge*" : alert.group(2);
                    reached.putIfAbsent(alert.group(1) + " <- " + name, seconds);
                }
                Thread.sleep(2_000);
            }
            reached.forEach((what, s) -> System.out.printf("demo: %-40s after %5.1f s%n", what, s));
            Set<String> missing = new TreeSet<>(wanted);
            missing.removeAll(reached.keySet());
            assertEquals(Set.of(), missing, "not seen while the demo ran its 3 minutes: " + missing
                    + "\n" + demo.diagnostics());
        }
        for (String file : new String[] {"rules/consumer-lag-age.rules.yml", "alertmanager/alertmanager.yml",
                "grafana/dashboards/kafka-steward-wall.json"}) {
            assertTrue(Files.size(out.resolve(file)) > 0, file + " written");
        }
    }

    private static Optional<String> find(Pattern p, String text) {
        Matcher m = p.matcher(text);
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }

    private static boolean hasLag(String metrics, String group) {
        Matcher m = SAMPLE.matcher(metrics);
        while (m.find()) {
            if (m.group(1).equals("kafka_consumergroup_lag_records") && m.group(2).contains("group=\"" + group + "\"")) {
                return true;
            }
        }
        return false;
    }

    /** The {@code broker + log_dir} of every sample of {@code name} with a finite or infinite value. */
    private static Set<String> logDirs(String metrics, String name) {
        Set<String> out = new TreeSet<>();
        Matcher m = SAMPLE.matcher(metrics);
        while (m.find()) {
            if (m.group(1).equals(name)) {
                Matcher broker = Pattern.compile("broker=\"([^\"]*)\"").matcher(m.group(2));
                Matcher path = Pattern.compile("log_dir=\"([^\"]*)\"").matcher(m.group(2));
                if (broker.find() && path.find()) {
                    out.add(broker.group(1) + path.group(1));
                }
            }
        }
        return out;
    }

    private static Set<String> loadedGroups(String prometheus) throws Exception {
        Set<String> names = new TreeSet<>();
        String body = get(URI.create(prometheus + "/api/v1/rules"));
        if (body.isEmpty()) {
            return names;
        }
        for (JsonNode g : new ObjectMapper().readTree(body).path("data").path("groups")) {
            names.add(g.path("name").asText());
        }
        return names;
    }

    private static Set<String> generatedGroups(Path out) throws IOException {
        Set<String> names = new TreeSet<>();
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> rules = Files.newDirectoryStream(out.resolve("rules"), "*.rules.yml")) {
            rules.forEach(files::add);
        }
        for (Path f : files) {
            new YAMLMapper().readTree(f.toFile()).path("groups").forEach(g -> names.add(g.path("name").asText()));
        }
        assertTrue(!names.isEmpty(), "the demo generated rule groups");
        return names;
    }

    /** The body, or "" while the server is not answering yet. */
    private static String get(URI uri) throws InterruptedException {
        try {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10))
                    .header("Accept", "text/plain; version=0.0.4").build(), HttpResponse.BodyHandlers.ofString());
            return r.statusCode() == 200 ? r.body() : "";
        } catch (IOException e) {
            return "";
        }
    }
}
