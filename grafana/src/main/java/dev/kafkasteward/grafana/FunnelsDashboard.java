package dev.kafkasteward.grafana;

import dev.kafkasteward.contract.output.DashboardUids;
import dev.kafkasteward.contract.ownership.Funnel;
import dev.kafkasteward.contract.ownership.Ownership;
import dev.kafkasteward.grafana.model.Dashboard;
import dev.kafkasteward.grafana.model.Panel;
import dev.kafkasteward.grafana.model.RowPanel;
import java.util.ArrayList;
import java.util.List;

/**
 * Every business funnel of the cluster, one row each: stage counts, conversion between stages, keys
 * waiting and overdue. Generated only when ownership.yml declares funnels.
 */
final class FunnelsDashboard {

    private FunnelsDashboard() {
    }

    static Dashboard build(Ownership ownership) {
        GridLayout grid = new GridLayout();
        List<Panel> panels = new ArrayList<>();
        for (Funnel funnel : ownership.funnels()) {
            panels.add(RowPanel.expanded(grid.nextId(), "Funnel " + funnel.name() + " (team " + funnel.owner() + ")",
                    grid.row()));
            panels.addAll(FunnelPanels.row(grid, funnel));
        }
        String uid = DashboardUids.funnels(ownership.cluster());
        return DashboardFrame.of(uid, "Kafka Steward / Funnels / " + ownership.cluster(),
                "Business flows through Kafka cluster " + ownership.cluster() + ": is every stage still reached,"
                        + " and how many keys are stuck where.",
                "funnels", "1m", "now-6h", DashboardVariables.common(ownership),
                DashboardFrame.clusterLinks(ownership, uid), panels);
    }
}
