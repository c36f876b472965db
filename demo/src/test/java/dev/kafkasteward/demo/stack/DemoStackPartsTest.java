package dev.kafkasteward.demo.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The demo's team webhooks (each alert printed when it starts firing and when it resolves, not at each resend) and its Grafana provisioning. */
class DemoStackPartsTest {

    private static final String FIRING = """
            {"status":"firing","alerts":[{"status":"%s","labels":{"alertname":"KafkaDeadLetterRecords",
             "topic":"fulfillment.dlq.v1","team":"fulfillment"}}]}""";

    @Test
    void printsEachChangeOfAnAlertOnceAndKeepsEveryDelivery() throws Exception {
        StringWriter printed = new StringWriter();
        try (DemoInbox inbox = DemoInbox.start(0, new PrintWriter(printed))) {
            for (String status : new String[] {"firing", "firing", "resolved"}) {
                int code = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                                URI.create("http://127.0.0.1:" + inbox.port() + "/hooks/fulfillment"))
                        .POST(HttpRequest.BodyPublishers.ofString(FIRING.formatted(status))).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode();
                assertEquals(200, code);
            }
            assertEquals(3, inbox.deliveries().size());
            assertEquals(new DemoInbox.Delivery("fulfillment", "KafkaDeadLetterRecords", "firing",
                    Map.of("alertname", "KafkaDeadLetterRecords", "topic", "fulfillment.dlq.v1", "team", "fulfillment")),
                    inbox.deliveries().get(0));
        }
        String[] lines = printed.toString().strip().split("\n");
        assertEquals(2, lines.length, printed.toString());
        assertTrue(lines[0].matches("\\s*\\[alert] \\S+\\s+team fulfillment\\s+firing\\s+KafkaDeadLetterRecords"
                + " topic=fulfillment.dlq.v1"), lines[0]);
        assertTrue(lines[1].contains("resolved"), lines[1]);
    }

    @Test
    void grafanaIsProvisionedWithTheDemosPrometheusAndTheGeneratedDashboards(@TempDir Path dir) throws Exception {
        Map<String, String> env = GrafanaServer.provision(dir, dir.resolve("dashboards"),
                URI.create("http://127.0.0.1:9090"), 3001);
        Path provisioning = Path.of(env.get("GF_PATHS_PROVISIONING"));
        assertTrue(Files.readString(provisioning.resolve("datasources/prometheus.yml"))
                .contains("url: http://127.0.0.1:9090"));
        assertTrue(Files.readString(provisioning.resolve("dashboards/kafka-steward.yml"))
                .contains("path: " + dir.resolve("dashboards").toAbsolutePath()));
        assertEquals("127.0.0.1", env.get("GF_SERVER_HTTP_ADDR"));
        assertEquals("3001", env.get("GF_SERVER_HTTP_PORT"));
    }
}
