package dev.kafkasteward.demo.e2e;

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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The two questions the drills ask Prometheus: which alerts are pending or firing, and does a query return series. */
final class PrometheusApi {

    /** An alert as Prometheus sees it: {@code pending} (waiting out {@code for:}) or {@code firing}. */
    record ActiveAlert(String state, Map<String, String> labels) {

        String name() {
            return labels.get("alertname");
        }

        @Override
        public String toString() {
            return state + " " + labels;
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final URI base;

    PrometheusApi(URI base) {
        this.base = base;
    }

    List<ActiveAlert> alerts() throws IOException, InterruptedException {
        List<ActiveAlert> alerts = new ArrayList<>();
        for (JsonNode a : get("/api/v1/alerts").path("data").path("alerts")) {
            Map<String, String> labels = new LinkedHashMap<>();
            a.path("labels").fields().forEachRemaining(e -> labels.put(e.getKey(), e.getValue().asText()));
            alerts.add(new ActiveAlert(a.path("state").asText(), labels));
        }
        return alerts;
    }

    /** The value of each series an instant query returns, by the series' labels. */
    Map<Map<String, String>, Double> values(String promql) throws IOException, InterruptedException {
        Map<Map<String, String>, Double> out = new LinkedHashMap<>();
        for (JsonNode r : get("/api/v1/query?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8))
                .path("data").path("result")) {
            Map<String, String> labels = new java.util.TreeMap<>();
            r.path("metric").fields().forEachRemaining(e -> labels.put(e.getKey(), e.getValue().asText()));
            out.put(labels, Double.parseDouble(r.path("value").get(1).asText()));
        }
        return out;
    }

    /** Every sample Prometheus stored of the one series {@code promql} selects, from {@code since}, 1 s apart. */
    List<Double> history(String promql, java.time.Instant since) throws IOException, InterruptedException {
        double end = System.currentTimeMillis() / 1000.0;
        JsonNode result = get("/api/v1/query_range?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8)
                + "&start=" + since.toEpochMilli() / 1000.0 + "&end=" + end + "&step=1").path("data").path("result");
        List<Double> values = new ArrayList<>();
        if (result.size() > 1) {
            throw new IOException(promql + " selects " + result.size() + " series, not one");
        }
        for (JsonNode series : result) {
            series.path("values").forEach(v -> values.add(Double.parseDouble(v.get(1).asText())));
        }
        return values;
    }

    /** A sample as Prometheus stored it: its time (the scrape's) and value. */
    record Stored(java.time.Instant at, double value) {
    }

    /** The raw samples Prometheus stored in the last {@code range} of the one series {@code selector} selects. */
    List<Stored> stored(String selector, Duration range) throws IOException, InterruptedException {
        JsonNode result = get("/api/v1/query?query=" + URLEncoder.encode(selector + "[" + range.toSeconds() + "s]",
                StandardCharsets.UTF_8)).path("data").path("result");
        if (result.size() > 1) {
            throw new IOException(selector + " selects " + result.size() + " series, not one");
        }
        List<Stored> out = new ArrayList<>();
        for (JsonNode series : result) {
            series.path("values").forEach(v -> out.add(new Stored(java.time.Instant.ofEpochMilli(
                    Math.round(v.get(0).asDouble() * 1000)), Double.parseDouble(v.get(1).asText()))));
        }
        return out;
    }

    /** How many series an instant query returns. */
    int seriesCount(String promql) throws IOException, InterruptedException {
        return get("/api/v1/query?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8))
                .path("data").path("result").size();
    }

    private JsonNode get(String pathAndQuery) throws IOException, InterruptedException {
        return get(base, pathAndQuery);
    }

    /** GET {@code base + pathAndQuery} as JSON; anything but 200 is an error naming the body. */
    static JsonNode get(URI base, String pathAndQuery) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(base.resolve(pathAndQuery))
                .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException(base + pathAndQuery + ": HTTP " + response.statusCode() + " " + response.body());
        }
        return JSON.readTree(response.body());
    }
}
