package dev.kafkasteward.exporter.gate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The parts of Prometheus' HTTP API the gate asks: instant and range queries, and the recording rules loaded.
 * Every failure (unreachable, an HTTP error, an answer that is not Prometheus') is a {@link PrometheusException}
 * saying which.
 */
final class PrometheusClient {

    /** One series of a query's answer: its labels and its samples (one for an instant query). */
    record Series(Map<String, String> labels, List<Sample> samples) {
    }

    record Sample(Instant at, double value) {
    }

    static final class PrometheusException extends Exception {
        PrometheusException(String message) {
            super(message);
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI base;
    private final HttpClient http;
    private final Duration timeout;

    PrometheusClient(URI base, Duration timeout) {
        String text = base.toString();
        this.base = URI.create(text.endsWith("/") ? text : text + "/");
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    /** An instant query at Prometheus' own "now" (not this host's: their clocks may differ). */
    List<Series> query(String expr) throws PrometheusException {
        return series(get("api/v1/query?query=" + encode(expr)), false);
    }

    /** Prometheus' clock. */
    Instant now() throws PrometheusException {
        JsonNode result = get("api/v1/query?query=" + encode("time()")).path("result");
        if (!result.isArray() || result.size() != 2) {
            throw new PrometheusException(base + " answered time() without a scalar");
        }
        return sample(result).at();
    }

    List<Series> queryRange(String expr, Instant start, Instant end, Duration step) throws PrometheusException {
        return series(get("api/v1/query_range?query=" + encode(expr) + "&start=" + seconds(start) + "&end="
                + seconds(end) + "&step=" + step.toMillis() / 1000.0), true);
    }

    /**
     * The loaded recording rules that record one name: their expressions, the time the least recently evaluated
     * of them was last evaluated (none before each has been evaluated once), the longest evaluation interval of
     * their groups, and the last error of each rule whose evaluation fails.
     */
    record RecordingRules(List<String> expressions, Optional<Instant> evaluated, Duration interval,
                          List<String> failing) {
    }

    RecordingRules recordingRules(String name) throws PrometheusException {
        JsonNode data = get("api/v1/rules?type=record");
        List<String> expressions = new ArrayList<>();
        List<String> failing = new ArrayList<>();
        Instant oldest = Instant.MAX;
        Duration interval = Duration.ZERO;
        for (JsonNode group : data.path("groups")) {
            for (JsonNode rule : group.path("rules")) {
                if (name.equals(rule.path("name").asText())) {
                    expressions.add(rule.path("query").asText());
                    Instant at = evaluated(rule.path("lastEvaluation").asText());
                    oldest = at.isBefore(oldest) ? at : oldest;
                    Duration every = Duration.ofMillis(Math.round(group.path("interval").asDouble() * 1000));
                    interval = every.compareTo(interval) > 0 ? every : interval;
                    if ("err".equals(rule.path("health").asText())) {
                        failing.add(rule.path("query").asText() + ": " + rule.path("lastError").asText());
                    }
                }
            }
        }
        // Go's zero time (year 1) is what Prometheus reports for a rule not evaluated yet.
        return new RecordingRules(expressions, oldest.equals(Instant.MAX) || oldest.isBefore(Instant.EPOCH)
                ? Optional.empty() : Optional.of(oldest), interval, failing);
    }

    private static Instant evaluated(String rfc3339) {
        try {
            return OffsetDateTime.parse(rfc3339).toInstant();
        } catch (DateTimeParseException e) {
            return Instant.MIN; // an older Prometheus without the field: never counts as evaluated
        }
    }

    private JsonNode get(String pathAndQuery) throws PrometheusException {
        URI uri = base.resolve(pathAndQuery);
        HttpResponse<String> response;
        try {
            response = http.send(HttpRequest.newBuilder(uri).timeout(timeout).GET().build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new PrometheusException("cannot reach Prometheus at " + base + ": " + describe(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PrometheusException("interrupted while asking Prometheus at " + base);
        }
        JsonNode body;
        try {
            body = JSON.readTree(response.body());
        } catch (IOException e) {
            body = null;
        }
        if (body == null || !body.has("status")) {
            throw new PrometheusException(base + " did not answer as Prometheus' HTTP API does (HTTP "
                    + response.statusCode() + " for " + uri.getPath() + ")");
        }
        if (!"success".equals(body.path("status").asText())) {
            throw new PrometheusException("Prometheus at " + base + " refused " + uri.getPath() + " (HTTP "
                    + response.statusCode() + "): " + body.path("error").asText());
        }
        return body.path("data");
    }

    private static List<Series> series(JsonNode data, boolean range) {
        List<Series> out = new ArrayList<>();
        for (JsonNode s : data.path("result")) {
            Map<String, String> labels = new TreeMap<>();
            s.path("metric").fields().forEachRemaining(e -> labels.put(e.getKey(), e.getValue().asText()));
            List<Sample> samples = new ArrayList<>();
            if (range) {
                s.path("values").forEach(v -> samples.add(sample(v)));
            } else {
                samples.add(sample(s.path("value")));
            }
            out.add(new Series(labels, samples));
        }
        return out;
    }

    private static Sample sample(JsonNode pair) {
        long millis = Math.round(pair.get(0).asDouble() * 1000);
        return new Sample(Instant.ofEpochMilli(millis), Double.parseDouble(pair.get(1).asText()));
    }

    private static String describe(IOException e) {
        String message = e.getMessage();
        return e.getClass().getSimpleName() + (message == null || message.isBlank() ? "" : " (" + message + ")");
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static String seconds(Instant at) {
        return Double.toString(at.toEpochMilli() / 1000.0);
    }
}
