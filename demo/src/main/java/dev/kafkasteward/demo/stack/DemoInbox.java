package dev.kafkasteward.demo.stack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The teams' webhook receivers of the demo: the example's teams are reached at
 * {@code http://127.0.0.1:9095/hooks/<team>}, so the demo answers there and prints each alert as it
 * reaches a team — when it starts firing and when it resolves, not at every resend.
 */
public final class DemoInbox implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PREFIX = "/hooks/";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    /** One alert as a team's receiver got it. */
    public record Delivery(String team, String alertname, String status, Map<String, String> labels) {
    }

    private final HttpServer server;
    private final PrintWriter out;
    /** The latest deliveries, resends included, at most {@link #KEPT}: the demo may run for days. */
    private final java.util.Deque<Delivery> deliveries = new java.util.ArrayDeque<>();
    static final int KEPT = 10_000;
    private final Map<String, String> lastStatus = new ConcurrentHashMap<>();

    private DemoInbox(HttpServer server, PrintWriter out) {
        this.server = server;
        this.out = out;
    }

    /** Listens on 127.0.0.1:{@code port}; each new firing or resolved alert is printed to {@code out}. */
    public static DemoInbox start(int port, PrintWriter out) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        DemoInbox inbox = new DemoInbox(server, out);
        server.createContext(PREFIX, exchange -> {
            try {
                inbox.receive(exchange);
            } finally {
                exchange.close();
            }
        });
        server.start();
        return inbox;
    }

    private void receive(HttpExchange exchange) throws IOException {
        String team = exchange.getRequestURI().getPath().substring(PREFIX.length());
        JsonNode body;
        try (InputStream in = exchange.getRequestBody()) {
            body = JSON.readTree(in);
        } catch (IOException e) {
            exchange.sendResponseHeaders(400, -1);
            return;
        }
        for (JsonNode alert : body.path("alerts")) {
            Map<String, String> labels = new TreeMap<>();
            alert.path("labels").fields().forEachRemaining(e -> labels.put(e.getKey(), e.getValue().asText()));
            Delivery d = new Delivery(team, labels.getOrDefault("alertname", "?"), alert.path("status").asText(), labels);
            synchronized (deliveries) {
                deliveries.addLast(d);
                if (deliveries.size() > KEPT) {
                    deliveries.removeFirst();
                }
            }
            String key = team + " " + labels;
            if (!d.status().equals(lastStatus.put(key, d.status()))) {
                print(d);
            }
        }
        exchange.sendResponseHeaders(200, -1);
    }

    private void print(Delivery d) {
        List<String> what = new ArrayList<>();
        for (String label : List.of("group", "topic", "broker", "funnel", "connector")) {
            if (d.labels().containsKey(label)) {
                what.add(label + "=" + d.labels().get(label));
            }
        }
        synchronized (out) {
            out.printf("  [alert] %s  team %-18s %-8s %s %s%n", LocalTime.now().truncatedTo(ChronoUnit.SECONDS)
                    .format(TIME), d.team(), d.status(), d.alertname(), String.join(" ", what));
            out.flush();
        }
    }

    /** The latest alerts delivered (at most {@value #KEPT}), resends included, oldest first. */
    public List<Delivery> deliveries() {
        synchronized (deliveries) {
            return List.copyOf(deliveries);
        }
    }

    public int port() {
        return server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
