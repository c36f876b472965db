package dev.kafkasteward.demo.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kafkasteward.contract.ownership.OwnershipLoader;
import dev.kafkasteward.rules.RulesGenerator;
import dev.kafkasteward.rules.RulesOptions;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@code bin/demo} starts when Prometheus and Alertmanager are installed: both load the files
 * generated from examples/ownership.yml with production timings, listen on loopback only, and die
 * with {@link MonitoringStack#close()}. No Kafka needed: the scrape target may be down.
 */
class MonitoringStackIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    @Timeout(60)
    void loadsTheExamplesGeneratedRulesAndRoutingAndStopsWithClose(@TempDir Path dir) throws Exception {
        StackBinaries binaries = RequiredBinaries.onPath();
        var ownership = new OwnershipLoader().load(Path.of("../examples/ownership.yml"));
        new RulesGenerator(RulesOptions.defaults()).generate(ownership).writeTo(dir.resolve("out"));
        MonitoringStack stack = MonitoringStack.start(new MonitoringStack.Settings(binaries, dir.resolve("stack"),
                List.of("127.0.0.1:" + FreePort.pick()), List.of(dir.resolve("out").resolve(RulesGenerator.RULES_GLOB)),
                dir.resolve("out").resolve(RulesGenerator.ALERTMANAGER_FILE), Duration.ofSeconds(5), 0, 0, List.of()));
        try {
            assertEquals("127.0.0.1", stack.prometheusUrl().getHost());
            JsonNode groups = get(stack.prometheusUrl().resolve("/api/v1/rules")).path("data").path("groups");
            assertTrue(groups.size() > 0, "Prometheus loaded no rule group: " + groups);
            assertTrue(groups.toString().contains("KafkaConsumerLagAgeWarning"), groups.toString());
            JsonNode alertmanagers = get(stack.prometheusUrl().resolve("/api/v1/alertmanagers"));
            assertTrue(alertmanagers.toString().contains(stack.alertmanagerUrl().getAuthority()),
                    "Prometheus alerts to the stack's Alertmanager: " + alertmanagers);
            String routing = get(stack.alertmanagerUrl().resolve("/api/v2/status")).path("config").path("original")
                    .asText();
            for (String team : ownership.teamNames()) {
                assertTrue(routing.contains("name: " + team), "receiver for " + team + " in " + routing);
            }
        } finally {
            stack.close();
        }
        assertFalse(stack.prometheus().isAlive(), "prometheus stopped");
        assertFalse(stack.alertmanager().isAlive(), "alertmanager stopped");
    }

    private static JsonNode get(URI uri) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri)
                .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), uri + ": " + response.body());
        return JSON.readTree(response.body());
    }
}
