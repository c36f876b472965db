package dev.kafkasteward.exporter.http;

import com.sun.net.httpserver.HttpExchange;
import io.prometheus.metrics.exporter.httpserver.HTTPServer;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Serves {@code /metrics} (cached per snapshot), {@code /healthz} (the process runs and its collection loop
 * is not stuck: 503 with the reason otherwise) and {@code /readyz} (a snapshot exists to serve: 503 until the
 * first collection succeeded).
 */
public final class MetricsServer implements AutoCloseable {

    static final String NO_DELAY = "sun.net.httpserver.nodelay";

    private final HTTPServer server;
    private final CachedScrape cached;

    private MetricsServer(HTTPServer server, CachedScrape cached) {
        this.server = server;
        this.cached = cached;
    }

    /** Renders a snapshot's series ahead of its publication (see {@link CachedScrape#prepare}). */
    public void prepare(ScrapeSource.Scrape scrape) {
        cached.prepare(scrape);
    }

    /**
     * Serves {@code source} on {@code /metrics} from a per-snapshot cache. prometheus-metrics' own
     * handler stays on {@code /metrics/uncached} (rendering {@code registry} at every request), for
     * debugging and as the reference the cache is tested against.
     */
    public static MetricsServer start(String host, int port, PrometheusRegistry registry, ScrapeSource source,
                                      BooleanSupplier ready) throws IOException {
        return start(host, port, registry, source, ready, Optional::empty, WebSecurity.NONE);
    }

    /**
     * With a liveness check ({@code stuck}: why the process should be restarted, if it should) and TLS (every
     * path) and/or basic auth (all but the probes, see {@link BasicAuthUsers}).
     */
    public static MetricsServer start(String host, int port, PrometheusRegistry registry, ScrapeSource source,
                                      BooleanSupplier ready, Supplier<Optional<String>> stuck,
                                      WebSecurity security) throws IOException {
        enableNoDelay();
        CachedScrape cached = new CachedScrape(source);
        HTTPServer.Builder builder = HTTPServer.builder()
                .hostname(host)
                .port(port)
                .registry(registry)
                .metricsHandlerPath("/metrics/uncached")
                .defaultHandler(exchange -> route(exchange, cached, ready, stuck));
        security.tls().ifPresent(builder::httpsConfigurator);
        security.authenticator().ifPresent(builder::authenticator);
        return new MetricsServer(builder.buildAndStart(), cached);
    }

    /**
     * The JDK server leaves Nagle's algorithm on: the small last write of a response (the per-scrape
     * tail) then waits for the client's delayed ACK, ~40 ms on Linux, on most scrapes. The server reads
     * this property once, when the first server of the JVM starts; an explicit setting is kept.
     */
    static void enableNoDelay() {
        if (System.getProperty(NO_DELAY) == null) {
            System.setProperty(NO_DELAY, "true");
        }
    }

    public int port() {
        return server.getPort();
    }

    private static void route(HttpExchange exchange, CachedScrape cached, BooleanSupplier ready,
                              Supplier<Optional<String>> stuck) throws IOException {
        String path = exchange.getRequestURI().getPath();
        switch (path) {
            case "/metrics" -> cached.handle(exchange);
            case "/healthz" -> {
                Optional<String> why = stuck.get();
                if (why.isEmpty()) {
                    respond(exchange, 200, "ok\n");
                } else {
                    respond(exchange, 503, "not live: " + why.get() + "\n");
                }
            }
            case "/readyz" -> {
                if (ready.getAsBoolean()) {
                    respond(exchange, 200, "ready\n");
                } else {
                    respond(exchange, 503, "not ready: no collection from Kafka has succeeded yet\n");
                }
            }
            case "/" -> respond(exchange, 200,
                    "Kafka Steward exporter\n/metrics  metrics\n/healthz  liveness\n/readyz   readiness\n");
            default -> respond(exchange, 404, "not found\n");
        }
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.close();
    }
}
