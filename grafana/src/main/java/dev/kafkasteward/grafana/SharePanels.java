package dev.kafkasteward.grafana;

import dev.kafkasteward.contract.catalog.MetricDef;
import dev.kafkasteward.contract.catalog.ShareGroupMetrics;
import dev.kafkasteward.contract.ownership.Ownership;
import dev.kafkasteward.contract.ownership.ShareGroupOwnership;
import dev.kafkasteward.grafana.model.FieldConfig;
import dev.kafkasteward.grafana.model.Panel;
import dev.kafkasteward.grafana.model.RowPanel;
import dev.kafkasteward.grafana.promql.PanelPromQl;
import dev.kafkasteward.signals.claim.Claim;
import java.util.ArrayList;
import java.util.List;

/** Share-group panels for one team's share-group claims: the oldest record not acknowledged, backlog, status. */
final class SharePanels {

    private static final List<String> GROUP_TOPIC = List.of("group", "topic");
    private static final String GROUP_TOPIC_LEGEND = "{{group}} {{topic}}";

    private SharePanels() {
    }

    /**
     * The claims of the share-group entries the file declares. The loader's catch-all for share groups nobody
     * declared gets alerts but no row: most clusters have no share group at all, and a row of empty panels on
     * the unowned owner's dashboard would say nothing.
     */
    static List<Claim<ShareGroupOwnership>> declaredClaims(Ownership ownership) {
        List<ShareGroupOwnership> entries = ownership.shareGroups();
        ShareGroupOwnership catchAll = entries.isEmpty() ? null : entries.get(entries.size() - 1);
        return Claim.plan(entries, ownership::shareGroupOwner).stream().filter(c -> c.entry() != catchAll).toList();
    }

    static List<Panel> teamRow(GridLayout grid, List<Claim<ShareGroupOwnership>> claims) {
        return List.of(
                RowPanel.expanded(grid.nextId(), "Share groups: " + LagPanels.describe(claims), grid.row()),
                worstBacklogAge(grid, claims),
                byTopic(grid, claims, ShareGroupMetrics.TOPIC_MAX_BACKLOG_AGE, "max", "Backlog age by share group and topic",
                        "Oldest record not acknowledged per share group and topic over time."),
                byTopic(grid, claims, ShareGroupMetrics.TOPIC_BACKLOG_RECORDS, "sum",
                        "Backlog (records) by share group and topic",
                        "Records not acknowledged yet per share group and topic: growing with the age means the members"
                                + " fall behind; growing while the age is flat means a burst."),
                Panels.timeseries(new Panels.Head(grid.nextId(), grid.place(24, 8),
                                "Share-partitions not ok, by status",
                                "Share-partitions per group and status: lagging (a backlog, records acknowledged), stalled (members"
                                        + " present, nothing acknowledged) or stopped (a backlog, no member). "
                                        + ShareGroupMetrics.PARTITION_STATUS.help(), "short"),
                        Panels.range(PanelPromQl.aggregate("count", List.of("group", "status"),
                                PanelPromQl.union(claims.stream().map(c -> PanelPromQl.select(
                                        ShareGroupMetrics.PARTITION_STATUS, notOk(c)) + " == 1").toList())),
                                "{{group}} {{status}}")));
    }

    /** The worst backlog age of each share group, orange and red at its entry's own thresholds. */
    private static Panel worstBacklogAge(GridLayout grid, List<Claim<ShareGroupOwnership>> claims) {
        MetricDef metric = ShareGroupMetrics.GROUP_MAX_BACKLOG_AGE;
        List<String> exprs = new ArrayList<>();
        List<String> legends = new ArrayList<>();
        List<FieldConfig.Override> overrides = new ArrayList<>();
        for (int i = 0; i < claims.size(); i++) {
            Claim<ShareGroupOwnership> claim = claims.get(i);
            exprs.add(PanelPromQl.aggregate("max", List.of("group"), metric, claim.matchers("group")));
            legends.add("{{group}}");
            overrides.add(FieldConfig.Override.thresholdsOfQuery(dev.kafkasteward.grafana.model.Target.refId(i),
                    Thresholds.backlogAge(claim.entry())));
        }
        return Panels.barGauge(new Panels.Head(grid.nextId(), grid.place(8, 8), "Oldest record not acknowledged",
                        "Per share group (worst share-partition): how long its oldest waiting record has waited."
                                + " Orange and red at the entry's backlog-age thresholds from ownership.yml. "
                                + metric.help(), GrafanaUnit.of(metric)),
                Panels.range(exprs, legends), Thresholds.none(), overrides);
    }

    private static Panel byTopic(GridLayout grid, List<Claim<ShareGroupOwnership>> claims, MetricDef metric,
                                 String aggregation, String title, String description) {
        return Panels.timeseries(new Panels.Head(grid.nextId(), grid.place(8, 8), title,
                        description + " Share groups: " + LagPanels.describe(claims) + ". " + metric.help(),
                        GrafanaUnit.of(metric)),
                Panels.range(PanelPromQl.aggregate(aggregation, GROUP_TOPIC, union(claims, metric)), GROUP_TOPIC_LEGEND));
    }

    private static List<String> notOk(Claim<ShareGroupOwnership> claim) {
        List<String> matchers = new ArrayList<>(claim.matchers("group"));
        matchers.add("status!=\"ok\"");
        return matchers;
    }

    /** {@code metric{claim 1} or metric{claim 2} ...}: the claims are disjoint, so nothing is counted twice. */
    private static String union(List<Claim<ShareGroupOwnership>> claims, MetricDef metric) {
        return PanelPromQl.union(claims.stream().map(c -> PanelPromQl.select(metric, c.matchers("group"))).toList());
    }
}
