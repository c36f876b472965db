package dev.kafkasteward.demo.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Predicate;

/**
 * Every team's pager, in-process: Alertmanager posts each team's notifications to
 * {@code /hooks/<team>}, and this records them so a drill can ask who was paged, for what, and when.
 */
final class WebhookReceiver implements AutoCloseable {

    private static final String PREFIX = "/hooks/";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final ExecutorService executor;
    private final List<Notification> received = new ArrayList<>();

    private WebhookReceiver(HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
    }

    static WebhookReceiver start() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "webhook-receiver");
            t.setDaemon(true);
            return t;
        });
        WebhookReceiver receiver = new WebhookReceiver(server, executor);
        server.createContext(PREFIX, receiver::handle);
        server.setExecutor(executor);
        server.start();
        return receiver;
    }

    /** What a team's webhook URL starts with: append the team name. */
    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + PREFIX.substring(0, PREFIX.length() - 1);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange; InputStream body = exchange.getRequestBody()) {
            Instant now = Instant.now();
            String team = exchange.getRequestURI().getPath().substring(PREFIX.length());
            JsonNode payload = JSON.readTree(body);
            List<Notification.Alert> alerts = new ArrayList<>();
            for (JsonNode alert : payload.path("alerts")) {
                Map<String, String> labels = new LinkedHashMap<>();
                alert.path("labels").fields().forEachRemaining(e -> labels.put(e.getKey(), e.getValue().asText()));
                alerts.add(new Notification.Alert(alert.path("status").asText(), labels));
            }
            record(new Notification(team, now, payload.path("status").asText(), alerts));
            exchange.sendResponseHeaders(200, -1);
        }
    }

    private synchronized void record(Notification n) {
        received.add(n);
        notifyAll();
    }

    /** Everything received at or after {@code since}, in arrival order. */
    synchronized List<Notification> since(Instant since) {
        return received.stream().filter(n -> !n.receivedAt().isBefore(since)).toList();
    }

    /** The first notification at or after {@code since} that matches, waiting at most {@code timeout}. */
    synchronized Optional<Notification> await(Instant since, Predicate<Notification> match, Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Optional<Notification> found = received.stream().filter(n -> !n.receivedAt().isBefore(since))
                    .filter(match).findFirst();
            long left = deadline - System.nanoTime();
            if (found.isPresent() || left <= 0) {
                return found;
            }
            wait(Math.max(1, left / 1_000_000));
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
