package dev.kafkasteward.exporter.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** /healthz follows the collection loop's liveness, /readyz its first snapshot. */
class ProbesTest {

    @Test
    void healthzIs503WithTheReasonWhileTheLoopIsStuckAndReadyzFollowsReadiness() throws Exception {
        AtomicReference<Optional<String>> stuck = new AtomicReference<>(Optional.empty());
        AtomicBoolean ready = new AtomicBoolean(false);
        ScrapeSource source = () -> new ScrapeSource.Scrape("one", MetricSnapshots::of, MetricSnapshots::of);
        try (MetricsServer server = MetricsServer.start("127.0.0.1", 0, source, ready::get,
                stuck::get, WebSecurity.NONE)) {
            assertEquals("200 ok\n", get(server.port(), "/healthz"));
            assertEquals("503 not ready: no collection from Kafka has succeeded yet\n", get(server.port(), "/readyz"));
            ready.set(true);
            stuck.set(Optional.of("no collection cycle has started for 200 s"));
            assertEquals("503 not live: no collection cycle has started for 200 s\n", get(server.port(), "/healthz"));
            assertEquals("200 ready\n", get(server.port(), "/readyz"));
            stuck.set(Optional.empty());
            assertEquals("200 ok\n", get(server.port(), "/healthz"));
        }
    }

    private static String get(int port, String path) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + path)).build(), HttpResponse.BodyHandlers.ofString());
        return r.statusCode() + " " + r.body();
    }
}
