package dev.kafkasteward.grafana;

import dev.kafkasteward.contract.catalog.LagMetrics;
import dev.kafkasteward.contract.catalog.MetricDef;
import dev.kafkasteward.contract.catalog.ReplicationMetrics;
import dev.kafkasteward.contract.catalog.SelfMetrics;
import dev.kafkasteward.contract.ownership.Ownership;
import dev.kafkasteward.grafana.model.Dashboard;
import dev.kafkasteward.grafana.model.DatasourceRef;
import dev.kafkasteward.grafana.model.FieldConfig;
import dev.kafkasteward.grafana.model.Panel;
import dev.kafkasteward.grafana.model.RowPanel;
import dev.kafkasteward.grafana.model.Variable;
import dev.kafkasteward.grafana.promql.PromQl;
import dev.kafkasteward.grafana.promql.TeamGroups;
import java.util.ArrayList;
import java.util.List;

/**
 * The cluster overview: health stats on top, then one row per team that owns consumer groups with
 * that team's lag age and lag in records. The wall dashboard of the design grows from here.
 */
final class OverviewDashboard {

    static final String TAG = "kafka-steward";
    private static final List<String> GROUP_TOPIC = List.of("group", "topic");
    private static final String GROUP_TOPIC_LEGEND = "{{group}} {{topic}}";
    /** Staleness thresholds, in seconds: a few missed collection cycles, then clearly broken. */
    private static final double STALE_WARN_SECONDS = 120;
    private static final double STALE_CRITICAL_SECONDS = 600;

    private OverviewDashboard() {
    }

    static Dashboard build(Ownership ownership) {
        GridLayout grid = new GridLayout();
        List<Panel> panels = new ArrayList<>(healthPanels(grid));
        for (TeamGroups team : TeamGroups.of(ownership)) {
            panels.addAll(teamRow(grid, team));
        }
        return new Dashboard(DashboardUid.of("overview", ownership.cluster()),
                "Kafka Steward / Overview / " + ownership.cluster(),
                "Kafka cluster " + ownership.cluster() + ": replication, exporter freshness and consumer lag per"
                        + " owning team. Generated from ownership.yml by Kafka Steward; edit that file, not this"
                        + " dashboard.",
                List.of(TAG, "kafka", "overview"), false, 1, "browser", "1m", new Dashboard.TimeRange("now-6h", "now"),
                Dashboard.SCHEMA_VERSION, 1, new Dashboard.Templating(variables(ownership)),
                List.of(new Dashboard.Link("Kafka Steward", "dashboards", List.of(TAG), true, true, true)), panels);
    }

    private static List<Variable> variables(Ownership ownership) {
        MetricDef clusterSource = SelfMetrics.SNAPSHOT_AGE;
        String clusterQuery = "label_values(" + clusterSource.name() + ", cluster)";
        Variable.Option thisCluster = new Variable.Option(ownership.cluster(), ownership.cluster(), true);
        List<Variable.Option> teams = new ArrayList<>();
        teams.add(new Variable.Option("All", "$__all", true));
        ownership.teamNames().forEach(t -> teams.add(new Variable.Option(t, t, false)));
        return List.of(
                Variable.Datasource.prometheus("datasource", "Data source"),
                new Variable.Query("cluster", "Cluster", DatasourceRef.templatedPrometheus(), clusterQuery, clusterQuery,
                        2, 1, 0, false, false, "", thisCluster),
                new Variable.Custom("team", "Team", String.join(",", ownership.teamNames()), teams, teams.get(0), 0,
                        true, false));
    }

    private static List<Panel> healthPanels(GridLayout grid) {
        MetricDef urp = ReplicationMetrics.TOPIC_UNDER_REPLICATED_PARTITIONS;
        MetricDef age = SelfMetrics.SNAPSHOT_AGE;
        return List.of(
                Panels.stat(grid.nextId(), grid.place(12, 4), "Under-replicated partitions",
                        "Sum over all topics. Anything above 0 means some data has fewer copies than configured. "
                                + urp.help(),
                        GrafanaUnit.of(urp), PromQl.aggregate("sum", List.of(), urp, PromQl.CLUSTER),
                        List.of(new FieldConfig.Step("red", 1.0))),
                Panels.stat(grid.nextId(), grid.place(12, 4), "Exporter staleness",
                        "How old the numbers on this dashboard are. Above a few collection intervals, lag and"
                                + " replication panels show the past, not the present. " + age.help(),
                        GrafanaUnit.of(age), PromQl.aggregate("max", List.of(), age, PromQl.CLUSTER),
                        List.of(new FieldConfig.Step("orange", STALE_WARN_SECONDS),
                                new FieldConfig.Step("red", STALE_CRITICAL_SECONDS))));
    }

    private static List<Panel> teamRow(GridLayout grid, TeamGroups team) {
        String groups = PromQl.matchesRegex("group", team.regex());
        MetricDef lagAge = LagMetrics.LAG_AGE;
        MetricDef lagRecords = LagMetrics.LAG_RECORDS;
        String owned = " Consumer groups owned by " + team.team() + ": " + team.describe() + ".";
        return List.of(
                RowPanel.expanded(grid.nextId(), "Team " + team.team(), grid.row()),
                Panels.timeseries(grid.nextId(), grid.place(12, 8), "Lag age — " + team.team(),
                        "Oldest unconsumed record per group and topic (worst partition): how far behind real time"
                                + " the consumers are." + owned + " " + lagAge.help(),
                        GrafanaUnit.of(lagAge), PromQl.aggregate("max", GROUP_TOPIC, lagAge, PromQl.CLUSTER, groups),
                        GROUP_TOPIC_LEGEND),
                Panels.timeseries(grid.nextId(), grid.place(12, 8), "Lag (records) — " + team.team(),
                        "Records not consumed yet per group and topic (sum over partitions)." + owned + " "
                                + lagRecords.help(),
                        GrafanaUnit.of(lagRecords),
                        PromQl.aggregate("sum", GROUP_TOPIC, lagRecords, PromQl.CLUSTER, groups), GROUP_TOPIC_LEGEND));
    }
}
