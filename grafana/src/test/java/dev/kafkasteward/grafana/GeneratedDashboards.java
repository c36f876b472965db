package dev.kafkasteward.grafana;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kafkasteward.contract.output.GeneratedFiles;
import dev.kafkasteward.contract.ownership.Ownership;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The dashboards generated for an ownership model, parsed back as Grafana will read them. */
final class GeneratedDashboards {

    static final ObjectMapper JSON = new ObjectMapper();

    private GeneratedDashboards() {
    }

    static Map<String, JsonNode> of(Ownership ownership) {
        GeneratedFiles files = new DashboardGenerator().generate(ownership);
        Map<String, JsonNode> dashboards = new TreeMap<>();
        files.files().forEach((path, content) -> {
            if (path.startsWith(DashboardGenerator.DASHBOARDS_DIR + "/") && path.endsWith(".json")) {
                dashboards.put(path, parse(content));
            }
        });
        return dashboards;
    }

    static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new AssertionError("not JSON: " + e.getMessage(), e);
        }
    }

    /** The data panel titled {@code title}. */
    static JsonNode panel(JsonNode dashboard, String title) {
        return dataPanels(dashboard).stream().filter(p -> p.path("title").asText().equals(title)).findFirst()
                .orElseThrow(() -> new AssertionError("no panel " + title + " in " + dashboard.path("uid")));
    }

    /** Every data panel of a dashboard, including those nested in collapsed rows. */
    static List<JsonNode> dataPanels(JsonNode dashboard) {
        List<JsonNode> panels = new ArrayList<>();
        for (JsonNode panel : dashboard.path("panels")) {
            if (!panel.path("type").asText().equals("row")) {
                panels.add(panel);
            }
            panel.path("panels").forEach(panels::add);
        }
        return panels;
    }
}
