package dev.kafkasteward.exporter.http;

import com.sun.net.httpserver.HttpContext;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsServer;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Serves {@code /metrics} (cached per snapshot), {@code /healthz} (the process runs and its collection loop
 * is not stuck: 503 with the reason otherwise) and {@code /readyz} (a snapshot exists to serve: 503 until the
 * first collection succeeded), on the JDK's HTTP server.
 *
 * <p>Clients cannot starve it: at most {@value #CONCURRENT_SCRAPES} {@code /metrics} responses are in flight
 * (one more gets 503 at once, so threads and memory stay bounded whatever clients do), the handler threads
 * outnumber them so probes always find one, and a response that a client does not read within
 * {@value #RESPONSE_SECONDS} s, or a request not sent within {@value #REQUEST_SECONDS} s, has its connection
 * closed.
 */
public final class MetricsServer implements AutoCloseable {

    static final String NO_DELAY = "sun.net.httpserver.nodelay";
    static final String MAX_REQUEST_TIME = "sun.net.httpserver.maxReqTime";
    static final String MAX_RESPONSE_TIME = "sun.net.httpserver.maxRspTime";
    static final int CONCURRENT_SCRAPES = 4;
    static final int THREADS = CONCURRENT_SCRAPES + 4;
    static final int REQUEST_SECONDS = 30;
    static final int RESPONSE_SECONDS = 60;

    private final HttpServer server;
    private final ExecutorService executor;
    private final CachedScrape cached;

    private MetricsServer(HttpServer server, ExecutorService executor, CachedScrape cached) {
        this.server = server;
        this.executor = executor;
        this.cached = cached;
    }

    /** Renders a snapshot's series ahead of its publication (see {@link CachedScrape#prepare}). */
    public void prepare(ScrapeSource.Scrape scrape) {
        cached.prepare(scrape);
    }

    /** Serves {@code source} on {@code /metrics} from a per-snapshot cache, plain HTTP, always live. */
    public static MetricsServer start(String host, int port, ScrapeSource source, BooleanSupplier ready)
            throws IOException {
        return start(host, port, source, ready, Optional::empty, WebSecurity.NONE);
    }

    /**
     * With a liveness check ({@code stuck}: why the process should be restarted, if it should) and TLS (every
     * path) and/or basic auth (all but the probes, see {@link BasicAuthUsers}).
     */
    public static MetricsServer start(String host, int port, ScrapeSource source, BooleanSupplier ready,
                                      Supplier<Optional<String>> stuck, WebSecurity security) throws IOException {
        return start(host, port, source, ready, stuck, security, Map.of());
    }

    /**
     * With more paths besides {@code /metrics} ({@code more}: path to its series), each rendered when
     * scraped, one at a time (a second concurrent one gets 503), with {@code /metrics}'s TLS and basic auth.
     */
    public static MetricsServer start(String host, int port, ScrapeSource source, BooleanSupplier ready,
                                      Supplier<Optional<String>> stuck, WebSecurity security,
                                      Map<String, Supplier<MetricSnapshots>> more) throws IOException {
        configureJdkServer();
        CachedScrape cached = new CachedScrape(source);
        Scrapes scrapes = new Scrapes(new Semaphore(CONCURRENT_SCRAPES), new Semaphore(1));
        InetSocketAddress address = new InetSocketAddress(host, port);
        HttpServer server;
        if (security.tls().isPresent()) {
            HttpsServer https = HttpsServer.create(address, 0);
            https.setHttpsConfigurator(security.tls().get());
            server = https;
        } else {
            server = HttpServer.create(address, 0);
        }
        HttpContext context = server.createContext("/", exchange -> {
            try {
                route(exchange, cached, scrapes, ready, stuck, more);
            } finally {
                exchange.close();
            }
        });
        security.authenticator().ifPresent(context::setAuthenticator);
        ExecutorService executor = executor();
        server.setExecutor(executor);
        server.start();
        return new MetricsServer(server, executor, cached);
    }

    /**
     * The JDK server reads these properties once, when the first server of the JVM starts; explicit settings
     * are kept. Nagle's algorithm off: the small last write of a response (the per-scrape tail) would wait for
     * the client's delayed ACK, ~40 ms on Linux. Request and response time limits: a slow client's connection is
     * closed, which frees the thread writing to it.
     */
    static void configureJdkServer() {
        setIfAbsent(NO_DELAY, "true");
        setIfAbsent(MAX_REQUEST_TIME, String.valueOf(REQUEST_SECONDS));
        setIfAbsent(MAX_RESPONSE_TIME, String.valueOf(RESPONSE_SECONDS));
    }

    private static void setIfAbsent(String property, String value) {
        if (System.getProperty(property) == null) {
            System.setProperty(property, value);
        }
    }

    /** Fixed threads, daemon, and a queue for what arrives while all are busy (the scrape limit keeps it short). */
    private static ExecutorService executor() {
        AtomicInteger n = new AtomicInteger();
        return new ThreadPoolExecutor(THREADS, THREADS, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
            Thread t = new Thread(r, "steward-http-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /**
     * Scrapes in flight: {@code /metrics}'s, and the extra paths' apart, one at a time: they are rendered
     * at each request, and must never take the permits {@code /metrics} is served with.
     */
    private record Scrapes(Semaphore metrics, Semaphore extra) {
    }

    private static void route(HttpExchange exchange, CachedScrape cached, Scrapes scrapes, BooleanSupplier ready,
                              Supplier<Optional<String>> stuck, Map<String, Supplier<MetricSnapshots>> more)
            throws IOException {
        String path = exchange.getRequestURI().getPath();
        Supplier<MetricSnapshots> extra = more.get(path);
        if (extra != null) {
            if (!scrapes.extra().tryAcquire()) {
                respond(exchange, 503, "busy: a scrape of " + path + " or another compatibility path is in flight\n");
                return;
            }
            try {
                cached.handleUncached(exchange, extra);
            } finally {
                scrapes.extra().release();
            }
            return;
        }
        switch (path) {
            case "/metrics" -> {
                if (!scrapes.metrics().tryAcquire()) {
                    respond(exchange, 503, "busy: " + CONCURRENT_SCRAPES + " scrapes in flight\n");
                    return;
                }
                try {
                    cached.handle(exchange);
                } finally {
                    scrapes.metrics().release();
                }
            }
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
            case "/" -> respond(exchange, 200, "Kafka Steward exporter\n/metrics  metrics\n/healthz  liveness\n"
                    + "/readyz   readiness\n" + more.keySet().stream().sorted()
                    .map(p -> p + "  compatibility profile\n").collect(java.util.stream.Collectors.joining()));
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
        server.stop(0);
        executor.shutdownNow();
    }
}
