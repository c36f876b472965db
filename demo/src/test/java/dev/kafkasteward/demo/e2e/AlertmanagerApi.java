package dev.kafkasteward.demo.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What a drill asks Alertmanager: which alerts it holds, and which of them an inhibition mutes. */
final class AlertmanagerApi {

    /** An alert as Alertmanager holds it: {@code active}, or {@code suppressed} with the alerts that inhibit it. */
    record HeldAlert(Map<String, String> labels, String state, List<String> inhibitedBy) {

        String name() {
            return labels.get("alertname");
        }

        @Override
        public String toString() {
            return state + (inhibitedBy.isEmpty() ? "" : " by " + inhibitedBy) + " " + labels;
        }
    }

    private final URI base;

    AlertmanagerApi(URI base) {
        this.base = base;
    }

    List<HeldAlert> alerts() throws IOException, InterruptedException {
        List<HeldAlert> alerts = new ArrayList<>();
        for (JsonNode a : PrometheusApi.get(base, "/api/v2/alerts")) {
            Map<String, String> labels = new LinkedHashMap<>();
            a.path("labels").fields().forEachRemaining(e -> labels.put(e.getKey(), e.getValue().asText()));
            List<String> inhibitedBy = new ArrayList<>();
            a.path("status").path("inhibitedBy").forEach(f -> inhibitedBy.add(f.asText()));
            alerts.add(new HeldAlert(labels, a.path("status").path("state").asText(), inhibitedBy));
        }
        return alerts;
    }
}
