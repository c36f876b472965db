package dev.kafkasteward.exporter.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Clients that do not read, and clients that guess passwords, cannot take the exporter's probes or CPU. */
class HostileClientsTest {

    private static final int SLOW_CLIENTS = 50;

    /** About 20 MB of exposition: far more than the socket buffers of a client that never reads. */
    private static MetricSnapshots large() {
        GaugeSnapshot.Builder gauge = GaugeSnapshot.builder().name("kafka_big").help("big");
        for (int i = 0; i < 200_000; i++) {
            gauge.dataPoint(GaugeSnapshot.GaugeDataPointSnapshot.builder().value(i)
                    .labels(Labels.of("partition", "some-rather-long-topic-name-" + i)).build());
        }
        return MetricSnapshots.of(gauge.build());
    }

    @Test
    void fiftyClientsHoldingMetricsOpenLeaveTheProbesFastAndTheRendersBounded() throws Exception {
        MetricSnapshots big = large();
        ScrapeSource source = () -> new ScrapeSource.Scrape("one", () -> big, MetricSnapshots::of);
        List<Socket> slow = new ArrayList<>();
        try (MetricsServer server = MetricsServer.start("127.0.0.1", 0, source, () -> true)) {
            for (int i = 0; i < SLOW_CLIENTS; i++) {
                Socket s = new Socket("127.0.0.1", server.port());
                s.setReceiveBufferSize(4096);
                OutputStream out = s.getOutputStream();
                out.write(("GET /metrics HTTP/1.1\r\nHost: x\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                out.flush();
                slow.add(s); // and never read
            }
            // Each slow client gets either a response it will not read (in flight) or a 503 (refused).
            int refused = 0;
            for (Socket s : slow) {
                s.setSoTimeout(30_000);
                InputStream in = s.getInputStream();
                byte[] head = in.readNBytes(12);
                if (new String(head, StandardCharsets.US_ASCII).equals("HTTP/1.1 503")) {
                    refused++;
                }
            }
            assertEquals(SLOW_CLIENTS - MetricsServer.CONCURRENT_SCRAPES, refused,
                    "at most " + MetricsServer.CONCURRENT_SCRAPES + " responses in flight, the rest refused at once");

            HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
            List<Long> millis = new ArrayList<>();
            for (int i = 0; i < 9; i++) {
                long start = System.nanoTime();
                HttpResponse<String> r = client.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + server.port() + "/healthz"))
                        .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
                millis.add((System.nanoTime() - start) / 1_000_000);
                assertEquals(200, r.statusCode());
            }
            List<Long> sorted = millis.stream().sorted().toList();
            System.out.printf("/healthz with %d clients holding /metrics: %s ms%n", SLOW_CLIENTS, millis);
            assertTrue(sorted.get(sorted.size() / 2) < 100, "median /healthz latency under 100 ms: " + millis);
        } finally {
            for (Socket s : slow) {
                s.close();
            }
        }
    }

    @Test
    void aFloodOfWrongPasswordsRunsOneVerificationAtATime() throws Exception {
        AtomicInteger running = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        AtomicInteger verifications = new AtomicInteger();
        BasicAuthUsers users = new BasicAuthUsers(Map.of("prometheus", "hash"), (password, hash) -> {
            most.accumulateAndGet(running.incrementAndGet(), Math::max);
            verifications.incrementAndGet();
            try {
                Thread.sleep(50); // what bcrypt costs at cost 10
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            running.decrementAndGet();
            return password.equals("right");
        });
        ScrapeSource source = () -> new ScrapeSource.Scrape("one", MetricSnapshots::of, MetricSnapshots::of);
        try (MetricsServer server = MetricsServer.start("127.0.0.1", 0, source, () -> true, Optional::empty,
                new WebSecurity(Optional.empty(), Optional.of(users)))) {
            HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
            List<CompletableFuture<HttpResponse<String>>> flood = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                flood.add(client.sendAsync(request(server.port(), "prometheus", "guess-" + i),
                        HttpResponse.BodyHandlers.ofString()));
            }
            for (CompletableFuture<HttpResponse<String>> f : flood) {
                assertEquals(401, f.get().statusCode());
            }
            assertEquals(1, most.get(), "never two verifications at once");
            assertTrue(verifications.get() < 200, "refused guesses cost no verification: " + verifications.get());
            assertEquals(200, client.send(request(server.port(), "prometheus", "right"),
                    HttpResponse.BodyHandlers.ofString()).statusCode(), "the right password, once the flood is over");
        }
    }

    private static HttpRequest request(int port, String user, String password) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (user + ":" + password).getBytes(StandardCharsets.UTF_8)))
                .timeout(Duration.ofSeconds(30)).build();
    }
}
