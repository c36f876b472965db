package dev.kafkasteward.demo.gate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.kafkasteward.contract.testing.Await;
import dev.kafkasteward.demo.stack.MonitoringStack;
import dev.kafkasteward.demo.stack.RequiredBinaries;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
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
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * {@code kafka-steward gate} against a real Prometheus: its exit codes, its table and its errors. A stand-in
 * target serves the series and a rule file records {@code kafka_steward:change_blocked} from them, labelled as
 * the generated change-gate rules label theirs (those are proven end to end in ChangeSafetyIT). Each Prometheus
 * is the demo's {@link MonitoringStack} (its Alertmanager idle).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class GateIT {

    /** Stands in for the exporter family's recording, which the generated conditions read. */
    private static final String SERVING = """
              - name: serving
                rules:
                  - record: kafka_steward:serving_replica
                    expr: kafka_steward_snapshot_age_seconds * 0 + 1
            """;
    private static final String GATE_RULES = """
            groups:
              - name: gate-it
                rules:
                  - record: kafka_steward:change_blocked
                    expr: max by (cluster, topic) (test_under_replicated{cluster="orders"}) > 0
                    labels: {condition: under_replicated_partitions, team: platform, threshold: "> 0"}
                  - record: kafka_steward:change_blocked
                    expr: max by (cluster, topic) (test_reassigning{cluster="orders"}) > 0
                    labels: {condition: reassignment_in_progress, team: platform, threshold: "> 0"}
                  - record: kafka_steward:change_blocked
                    expr: max by (cluster, topic) (test_under_replicated{cluster="empty"}) > 0
                    labels: {condition: under_replicated_partitions, team: platform, threshold: "> 0"}
            """;
    private static final String RULES = GATE_RULES + SERVING;

    private final Map<String, Double> served = new TreeMap<>();
    /** Whether the served "exporter" refreshes its data: its last success is the scrape's moment while it does. */
    private volatile boolean collecting = true;
    private volatile double lastSuccess;
    private HttpServer target;
    private MonitoringStack prometheus;
    private MonitoringStack ruleless;
    private MonitoringStack gateOnly;

    @BeforeAll
    void start() throws Exception {
        set("kafka_steward_snapshot_age_seconds{cluster=\"orders\"}", 0);
        set("test_under_replicated{cluster=\"orders\",topic=\"orders.v1\"}", 0);
        set("test_reassigning{cluster=\"orders\",topic=\"orders.v1\"}", 0);
        target = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        target.createContext("/metrics", exchange -> {
            StringBuilder body = new StringBuilder();
            if (collecting) {
                lastSuccess = System.currentTimeMillis() / 1000.0;
            }
            body.append("kafka_steward_last_success_timestamp_seconds{cluster=\"orders\"} ").append(lastSuccess)
                    .append("\nkafka_steward_collection_duration_seconds{cluster=\"orders\"} 0.05\n");
            synchronized (served) {
                served.forEach((series, value) -> body.append(series).append(' ').append(value).append('\n'));
            }
            byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/plain; version=0.0.4");
            exchange.sendResponseHeaders(200, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        target.start();
        Path dir = Files.createDirectories(Path.of("target", "gate-it"));
        Path rules = dir.resolve("gate.rules.yml");
        Files.writeString(rules, RULES, StandardCharsets.UTF_8);
        String address = "127.0.0.1:" + target.getAddress().getPort();
        Path routing = dir.resolve("alertmanager.yml");
        Files.writeString(routing, "route:\n  receiver: none\nreceivers:\n  - name: none\n", StandardCharsets.UTF_8);
        prometheus = stack(Files.createTempDirectory(dir, "with-rules-"), address, List.of(rules), routing);
        ruleless = stack(Files.createTempDirectory(dir, "without-rules-"), address, List.of(), routing);
        Path gateRules = dir.resolve("gate-only.rules.yml");
        Files.writeString(gateRules, GATE_RULES, StandardCharsets.UTF_8);
        gateOnly = stack(Files.createTempDirectory(dir, "gate-only-"), address, List.of(gateRules), routing);
        Await.until(Duration.ofSeconds(30), "first scrape", () -> count(prometheus,
                "kafka_steward_snapshot_age_seconds") > 0);
    }

    /** Prometheus scraping {@code target} and evaluating {@code rules}, both every second. */
    private static MonitoringStack stack(Path dir, String target, List<Path> rules, Path routing) throws Exception {
        return MonitoringStack.start(new MonitoringStack.Settings(RequiredBinaries.onPath(), dir, List.of(target),
                rules, routing, Duration.ofSeconds(1), 0, 0, List.of()));
    }

    @AfterAll
    void stop() {
        for (AutoCloseable c : new AutoCloseable[] {prometheus, ruleless, gateOnly}) {
            try {
                if (c != null) {
                    c.close();
                }
            } catch (Exception e) {
                System.err.println("GateIT shutdown: " + e);
            }
        }
        if (target != null) {
            target.stop(0);
        }
    }

    /** The gate asking {@code server}'s Prometheus. */
    private static GateRun against(MonitoringStack server, String... args) {
        List<String> all = new ArrayList<>(List.of("--prometheus", server.prometheusUrl().toString()));
        all.addAll(List.of(args));
        return GateRun.of(all.toArray(String[]::new));
    }

    @Test
    @Order(1)
    void anUnreachablePrometheusCannotTell() throws Exception {
        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        GateRun run = GateRun.of("--prometheus", "http://127.0.0.1:" + closed, "--cluster", "orders");
        assertEquals(2, run.exit(), run.toString());
        assertTrue(run.err().contains("cannot reach Prometheus at http://127.0.0.1:" + closed), run.err());
        assertTrue(run.out().isEmpty(), "no table, no verdict: " + run.out());
    }

    @Test
    @Order(2)
    void aPrometheusWithoutTheGateRulesCannotTell() {
        GateRun run = against(ruleless, "--cluster", "orders");
        assertEquals(2, run.exit(), run.toString());
        assertTrue(run.err().contains("no recording rule for kafka_steward:change_blocked"), run.err());
        assertTrue(run.err().contains("rules/change-gate.rules.yml"), "says what to load: " + run.err());
    }

    @Test
    @Order(2)
    void aPrometheusWithOnlyTheGateRulesCannotTell() throws Exception {
        Await.until(Duration.ofSeconds(30), "first scrape", () -> count(gateOnly,
                "kafka_steward_snapshot_age_seconds") > 0);
        GateRun run = against(gateOnly, "--cluster", "orders");
        assertEquals(2, run.exit(), run.toString());
        assertTrue(run.err().contains("records no kafka_steward:serving_replica for cluster orders")
                && run.err().contains("rules/*.rules.yml"), run.err());
    }

    @Test
    @Order(3)
    void aClusterWithoutRulesOrWithoutDataCannotTell() {
        GateRun unknown = against(prometheus, "--cluster", "payments");
        assertEquals(2, unknown.exit(), unknown.toString());
        assertTrue(unknown.err().contains("no change-gate rules for cluster payments (it has them for: empty, orders)"),
                unknown.err());
        GateRun empty = against(prometheus, "--cluster", "empty");
        assertEquals(2, empty.exit(), empty.toString());
        assertTrue(empty.err().contains("no Kafka Steward data for cluster empty"), empty.err());
        GateRun which = against(prometheus);
        assertEquals(2, which.exit(), which.toString());
        assertTrue(which.err().contains("several clusters (empty, orders): name one with --cluster"), which.err());
    }

    @Test
    @Order(4)
    void badArgumentsAreAUsageError() {
        GateRun run = against(prometheus, "--cluster", "orders", "--stable", "soon");
        assertEquals(2, run.exit(), run.toString());
        assertTrue(run.err().contains("invalid --stable 'soon'"), run.err());
        GateRun scheme = GateRun.of("--prometheus", "prometheus:9090", "--cluster", "orders");
        assertEquals(2, scheme.exit(), scheme.toString());
        assertTrue(scheme.err().contains("expected an http(s) URL"), scheme.err());
    }

    @Test
    @Order(5)
    void aBlockingConditionIsExitOneWithItsRow() throws Exception {
        set("test_under_replicated{cluster=\"orders\",topic=\"orders.v1\"}", 2);
        Await.until(Duration.ofSeconds(30), "recorded", () -> count(prometheus,
                "kafka_steward:change_blocked{condition=\"under_replicated_partitions\"}") > 0);
        GateRun run = against(prometheus, "--cluster", "orders", "--stable", "2s");
        assertEquals(1, run.exit(), run.toString());
        List<String> lines = run.out().lines().toList();
        assertEquals(List.of("CONDITION", "ASSET", "VALUE", "THRESHOLD", "OWNER", "SINCE"),
                List.of(lines.get(0).split("\\s{2,}")), "the header: " + run.out());
        String row = lines.stream().filter(l -> l.startsWith("under_replicated_partitions")).findFirst()
                .orElseThrow(() -> new AssertionError("no row for the condition: " + run.out()));
        List<String> cells = List.of(row.split("\\s{2,}"));
        assertEquals(List.of("under_replicated_partitions", "topic=orders.v1", "2", "> 0", "platform"),
                cells.subList(0, 5), row);
        assertTrue(cells.get(5).matches("\\d{4}-\\d\\d-\\d\\dT.*Z \\(\\d+s ago\\)"), "since when: " + row);
        assertTrue(lines.get(lines.size() - 1).startsWith(
                "BLOCKED: 1 condition(s) on 1 asset(s) block a change of cluster orders"), run.out());
    }

    @Test
    @Order(6)
    void aWaitingGatePassesOnceTheConditionHasClearedForTheStableWindow() throws Exception {
        StringWriter err = new StringWriter();
        CompletableFuture<GateRun> waiting = CompletableFuture.supplyAsync(() -> GateRun.of(err, "--prometheus",
                prometheus.prometheusUrl().toString(), "--cluster", "orders", "--stable", "3s", "--wait", "2m",
                "--poll", "1s"));
        Await.until(Duration.ofSeconds(60), "the gate to see the condition block", () -> {
            synchronized (err.getBuffer()) {
                return err.toString().contains("waiting: under_replicated_partitions");
            }
        });
        set("test_under_replicated{cluster=\"orders\",topic=\"orders.v1\"}", 0);
        GateRun run = waiting.get();
        assertEquals(0, run.exit(), run.toString());
        assertTrue(run.err().contains("waiting: under_replicated_partitions (platform)"), "it waited: " + run.err());
        assertTrue(run.out().startsWith("PASS: no condition has blocked a change of cluster orders for 3s"), run.out());
    }

    @Test
    @Order(7)
    void aReassignmentBlocksOnlyWhenAsked() throws Exception {
        set("test_reassigning{cluster=\"orders\",topic=\"orders.v1\"}", 4);
        Await.until(Duration.ofSeconds(30), "recorded", () -> count(prometheus,
                "kafka_steward:change_blocked{condition=\"reassignment_in_progress\"}") > 0);
        GateRun asked = against(prometheus, "--cluster", "orders", "--stable", "2s",
                "--block-on-reassignment");
        assertEquals(1, asked.exit(), asked.toString());
        assertTrue(asked.out().contains("reassignment_in_progress"), asked.out());
        GateRun notAsked = against(prometheus, "--cluster", "orders", "--stable", "2s");
        assertEquals(0, notAsked.exit(), notAsked.toString());
        set("test_reassigning{cluster=\"orders\",topic=\"orders.v1\"}", 0);
    }

    @Test
    @Order(8)
    void withoutACollectionAfterTheQuestionItCannotTell() throws Exception {
        collecting = false; // the exporter's newest data predates the question: a change just made is not in it
        try {
            GateRun run = against(prometheus, "--cluster", "orders", "--stable", "2s",
                    "--fresh-data-timeout", "3s", "--poll", "1s");
            assertEquals(2, run.exit(), run.toString());
            assertTrue(run.err().contains("not every serving exporter replica of cluster orders finished a collection"
                    + " that started after") && run.err().contains("--fresh-data-timeout"), run.err());
            assertEquals("", run.out(), "no answer printed");
        } finally {
            collecting = true;
        }
        GateRun fresh = against(prometheus, "--cluster", "orders", "--stable", "2s",
                "--poll", "1s");
        assertEquals(0, fresh.exit(), "collecting again, it answers: " + fresh);
        assertTrue(fresh.err().contains("waiting for data collected after"), "it waited for it: " + fresh.err());
    }

    private void set(String series, double value) {
        synchronized (served) {
            served.put(series, value);
        }
    }

    private static int count(MonitoringStack server, String expr) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(server.prometheusUrl().resolve(
                "/api/v1/query?query=" + URLEncoder.encode(expr, StandardCharsets.UTF_8))).build(),
                HttpResponse.BodyHandlers.ofString());
        return r.body().split("\"metric\"").length - 1;
    }
}
