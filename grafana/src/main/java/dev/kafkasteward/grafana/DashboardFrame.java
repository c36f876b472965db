package dev.kafkasteward.grafana;

import dev.kafkasteward.contract.output.DashboardUids;
import dev.kafkasteward.contract.ownership.Ownership;
import dev.kafkasteward.grafana.model.Dashboard;
import dev.kafkasteward.grafana.model.Panel;
import dev.kafkasteward.grafana.model.Variable;
import java.util.ArrayList;
import java.util.List;

/**
 * What every generated dashboard shares: read-only, shared crosshair (so correlated panels line up in
 * time), the Kafka Steward tag, and links to the other generated dashboards that keep variables and time.
 */
final class DashboardFrame {

    static final String TAG = "kafka-steward";
    private static final int SHARED_CROSSHAIR = 1;

    private DashboardFrame() {
    }

    static Dashboard of(String uid, String title, String description, String kindTag, String refresh, String from,
                        List<Variable> variables, List<Dashboard.Link> extraLinks, List<Panel> panels) {
        List<Dashboard.Link> links = new ArrayList<>();
        links.add(Dashboard.Link.taggedDropdown("Kafka Steward", TAG));
        links.addAll(extraLinks);
        return new Dashboard(uid, title, description + " Generated from ownership.yml by Kafka Steward; edit that file,"
                + " not this dashboard.", List.of(TAG, "kafka", kindTag), false, SHARED_CROSSHAIR, "browser", refresh,
                new Dashboard.TimeRange(from, "now"), Dashboard.SCHEMA_VERSION, 1, new Dashboard.Templating(variables),
                links, panels);
    }

    /** Links to the cluster-wide dashboards, except {@code self}. */
    static List<Dashboard.Link> clusterLinks(Ownership ownership, String self) {
        List<Dashboard.Link> links = new ArrayList<>();
        String cluster = ownership.cluster();
        addUnlessSelf(links, self, "Wall", DashboardUids.wall(cluster));
        addUnlessSelf(links, self, "Brokers & JVM", DashboardUids.brokers(cluster));
        addUnlessSelf(links, self, "Changes", DashboardUids.changes(cluster));
        if (!ownership.funnels().isEmpty()) {
            addUnlessSelf(links, self, "Funnels", DashboardUids.funnels(cluster));
        }
        return links;
    }

    private static void addUnlessSelf(List<Dashboard.Link> links, String self, String title, String uid) {
        if (!uid.equals(self)) {
            links.add(Dashboard.Link.dashboard(title, DashboardUids.path(uid)));
        }
    }
}
