package dev.kafkasteward.exporter.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

/** The cached /metrics: right bytes in every format, the snapshot part built once per snapshot. */
class CachedScrapeTest {

    private final AtomicReference<Object> key = new AtomicReference<>(new Object());
    private final AtomicInteger builds = new AtomicInteger();
    private final AtomicInteger scrapes = new AtomicInteger();

    private final ScrapeSource source = () -> new ScrapeSource.Scrape(key.get(), () -> {
        builds.incrementAndGet();
        return MetricSnapshots.of(gauge("kafka_heavy", 42));
    }, () -> MetricSnapshots.of(gauge("kafka_steward_light", scrapes.incrementAndGet())));

    @Test
    void servesBothPartsInEachFormatAndBuildsTheSnapshotPartOncePerSnapshot() throws Exception {
        try (MetricsServer server = MetricsServer.start("127.0.0.1", 0, source, () -> true)) {
            String text = get(server.port(), "text/plain; version=0.0.4", false);
            assertTrue(text.contains("kafka_heavy 42.0\n") && text.contains("kafka_steward_light 1.0\n"), text);

            String om = get(server.port(), "application/openmetrics-text; version=1.0.0", false);
            assertTrue(om.contains("kafka_heavy 42.0\n# TYPE kafka_steward_light gauge"), "one # EOF, at the end: " + om);
            assertTrue(om.endsWith("# EOF\n") && om.indexOf("# EOF") == om.lastIndexOf("# EOF"), om);

            String gzipped = get(server.port(), "text/plain; version=0.0.4", true);
            assertTrue(gzipped.contains("kafka_heavy 42.0\n") && gzipped.contains("kafka_steward_light 3.0\n"), gzipped);

            assertEquals(3, builds.get(), "one build per format and encoding");
            get(server.port(), "text/plain; version=0.0.4", false);
            assertEquals(3, builds.get(), "a second scrape of the same snapshot reuses the bytes");

            key.set(new Object()); // a new snapshot
            get(server.port(), "text/plain; version=0.0.4", false);
            assertEquals(4, builds.get());
        }
    }

    @Test
    void startingTheServerAsksTheJdkForTcpNoDelay() throws Exception {
        // With Nagle on, most scrapes of a small exposition took ~44 ms (the client's delayed ACK); the
        // lag benchmark's small preset measured p50 44.4 -> 1.1 ms with TCP_NODELAY. The JDK reads the
        // property when the JVM's first HTTP server starts, so this checks that it is asked for; the
        // latency itself is the benchmark's to measure.
        try (MetricsServer server = MetricsServer.start("127.0.0.1", 0, source, () -> true)) {
            assertEquals("true", System.getProperty(MetricsServer.NO_DELAY));
            assertTrue(get(server.port(), "text/plain; version=0.0.4", false).contains("kafka_heavy 42.0\n"));
        }
    }

    private static GaugeSnapshot gauge(String name, double value) {
        return GaugeSnapshot.builder().name(name).help("h")
                .dataPoint(GaugeSnapshot.GaugeDataPointSnapshot.builder().value(value).build()).build();
    }

    private static String get(int port, String accept, boolean gzip) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics"))
                .header("Accept", accept);
        if (gzip) {
            b.header("Accept-Encoding", "gzip");
        }
        HttpResponse<byte[]> r = HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, r.statusCode());
        byte[] body = r.body();
        if (gzip) {
            assertEquals("gzip", r.headers().firstValue("Content-Encoding").orElse(""));
            body = new GZIPInputStream(new ByteArrayInputStream(body)).readAllBytes();
        }
        return new String(body, StandardCharsets.UTF_8);
    }

    @Test
    void aPreparedSnapshotIsServedToPrometheusWithoutRenderingInTheScrape() throws Exception {
        try (MetricsServer server = MetricsServer.start("127.0.0.1", 0, source, () -> true)) {
            Object next = new Object();
            server.prepare(new ScrapeSource.Scrape(next, () -> {
                builds.incrementAndGet();
                return MetricSnapshots.of(gauge("kafka_heavy", 7));
            }, () -> MetricSnapshots.of(gauge("kafka_steward_light", 0))));
            assertEquals(1, builds.get(), "rendered once, ahead of publication");

            key.set(next); // published
            String om = get(server.port(), "application/openmetrics-text; version=1.0.0", true);

            assertTrue(om.contains("kafka_heavy 7.0"), om);
            assertEquals(1, builds.get(), "the scrape copied the prepared bytes");
        }
    }
}
