package dev.kafkasteward.exporter.http;

import com.sun.net.httpserver.HttpExchange;
import io.prometheus.metrics.config.EscapingScheme;
import io.prometheus.metrics.expositionformats.ExpositionFormatWriter;
import io.prometheus.metrics.expositionformats.OpenMetricsTextFormatWriter;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.GZIPOutputStream;

/**
 * {@code /metrics} with the snapshot's series serialized once per snapshot and per format (plain
 * and gzip), and only the few status series rendered per scrape. On a cluster with tens of
 * thousands of partitions, rebuilding and writing every series at every scrape costs seconds; a
 * scrape here costs a copy of cached bytes. Two gzip members in a row are one valid gzip stream.
 */
final class CachedScrape {

    private record Cached(Object key, ConcurrentHashMap<String, byte[]> bytes) {
    }

    private static final byte[] OPENMETRICS_EOF = "# EOF\n".getBytes(StandardCharsets.UTF_8);

    private final ScrapeSource source;
    private final OpenMetricsTextFormatWriter openMetrics = OpenMetricsTextFormatWriter.create();
    private final PrometheusTextFormatWriter text = PrometheusTextFormatWriter.create();
    private volatile Cached cached = new Cached(null, new ConcurrentHashMap<>());
    private volatile Cached prepared = new Cached(null, new ConcurrentHashMap<>());

    CachedScrape(ScrapeSource source) {
        this.source = source;
    }

    void handle(HttpExchange exchange) throws IOException {
        String accept = exchange.getRequestHeaders().getFirst("Accept");
        boolean om = accept != null && accept.contains("application/openmetrics-text");
        ExpositionFormatWriter writer = om ? openMetrics : text;
        boolean gzip = acceptsGzip(exchange.getRequestHeaders().getFirst("Accept-Encoding"));

        ScrapeSource.Scrape scrape = source.begin();
        Cached current = cached;
        if (current.key() != scrape.cacheKey()) {
            Cached ready = prepared;
            current = ready.key() == scrape.cacheKey() ? ready : new Cached(scrape.cacheKey(), new ConcurrentHashMap<>());
            cached = current;
        }
        String key = writer.getContentType() + (gzip ? "+gzip" : "");
        byte[] head = current.bytes().computeIfAbsent(key, k -> encode(
                strip(om, serialize(writer, scrape.cacheable().get())), gzip));
        byte[] tail = encode(serialize(writer, scrape.perScrape().get()), gzip);

        exchange.getResponseHeaders().set("Content-Type", writer.getContentType());
        if (gzip) {
            exchange.getResponseHeaders().set("Content-Encoding", "gzip");
        }
        if ("HEAD".equals(exchange.getRequestMethod())) {
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
            return;
        }
        exchange.sendResponseHeaders(200, head.length + tail.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(head);
            out.write(tail);
        }
    }

    /**
     * Renders what Prometheus asks for (OpenMetrics, gzip) for a snapshot about to be published, so
     * the first scrape after a cycle costs a copy, not a render. Called by the collection thread
     * before it publishes the snapshot; other formats are rendered on first request.
     */
    void prepare(ScrapeSource.Scrape scrape) {
        Cached next = new Cached(scrape.cacheKey(), new ConcurrentHashMap<>());
        next.bytes().put(openMetrics.getContentType() + "+gzip",
                encode(strip(true, serialize(openMetrics, scrape.cacheable().get())), true));
        prepared = next;
    }

    /** The OpenMetrics end marker may only close the whole exposition, so the first part loses it. */
    private static byte[] strip(boolean openMetrics, byte[] bytes) {
        if (openMetrics && bytes.length >= OPENMETRICS_EOF.length && Arrays.equals(bytes,
                bytes.length - OPENMETRICS_EOF.length, bytes.length, OPENMETRICS_EOF, 0, OPENMETRICS_EOF.length)) {
            return Arrays.copyOf(bytes, bytes.length - OPENMETRICS_EOF.length);
        }
        return bytes;
    }

    private static byte[] serialize(ExpositionFormatWriter writer, MetricSnapshots snapshots) {
        return write(out -> {
            writer.write(out, snapshots, EscapingScheme.UNDERSCORE_ESCAPING);
            return null;
        });
    }

    private static byte[] encode(byte[] plain, boolean gzip) {
        if (!gzip) {
            return plain;
        }
        return write(out -> {
            try (GZIPOutputStream z = new GZIPOutputStream(out, 64 * 1024)) {
                z.write(plain);
            }
            return null;
        });
    }

    private interface IoWrite {
        Void apply(OutputStream out) throws IOException;
    }

    private static byte[] write(IoWrite body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        try {
            body.apply(out);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static boolean acceptsGzip(String acceptEncoding) {
        if (acceptEncoding == null) {
            return false;
        }
        return Arrays.stream(acceptEncoding.split(",")).map(String::trim)
                .anyMatch(e -> e.equals("gzip") || e.startsWith("gzip;"));
    }

}
