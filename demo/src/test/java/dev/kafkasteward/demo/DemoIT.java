package dev.kafkasteward.demo;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kafkasteward.contract.ownership.OwnershipLoader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's demo promise: the cluster comes up and /metrics shows lag for the demo's groups within 90 s. */
class DemoIT {

    @Test
    void demoServesLagForBothConsumerGroupsAndWritesTheGeneratedFiles(@TempDir Path out) throws Exception {
        var ownership = new OwnershipLoader().load(Path.of("../examples/ownership.yml"));
        Instant started = Instant.now();
        try (Demo demo = Demo.start(new Demo.Options(ownership, "127.0.0.1", 0, out, Duration.ofSeconds(1)))) {
            String metrics = "";
            Instant deadline = started.plus(Duration.ofSeconds(90));
            while (Instant.now().isBefore(deadline)) {
                metrics = scrape(demo.exporterPort());
                if (hasLag(metrics, "fulfillment-service") && hasLag(metrics, "customer-timeline-service")
                        && maxLag(metrics, "fulfillment-service") > 0) {
                    break;
                }
                Thread.sleep(500);
            }
            long seconds = Duration.between(started, Instant.now()).toSeconds();
            assertTrue(hasLag(metrics, "fulfillment-service"), "no lag series for fulfillment-service after " + seconds + " s");
            assertTrue(hasLag(metrics, "customer-timeline-service"), "no lag series for customer-timeline-service");
            assertTrue(maxLag(metrics, "fulfillment-service") > 0, "fulfillment-service is meant to fall behind");
            System.out.println("demo: lag for both groups visible " + seconds + " s after start");
        }
        for (String file : new String[] {"rules/consumer-lag-age.rules.yml", "alertmanager/alertmanager.yml",
                "grafana/dashboards/kafka-steward-wall.json"}) {
            assertTrue(Files.size(out.resolve(file)) > 0, file + " written");
        }
    }

    private static boolean hasLag(String metrics, String group) {
        return metrics.contains("kafka_consumergroup_lag_records{") && metrics.contains("group=\"" + group + "\"");
    }

    private static double maxLag(String metrics, String group) {
        Matcher m = Pattern.compile("kafka_consumergroup_lag_records\\{[^}]*group=\"" + Pattern.quote(group)
                + "\"[^}]*} (\\S+)").matcher(metrics);
        double max = -1;
        while (m.find()) {
            max = Math.max(max, Double.parseDouble(m.group(1)));
        }
        return max;
    }

    private static String scrape(int port) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics"))
                .header("Accept", "text/plain; version=0.0.4").timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }
}
