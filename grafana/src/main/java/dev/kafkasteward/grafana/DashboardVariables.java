package dev.kafkasteward.grafana;

import dev.kafkasteward.contract.catalog.JmxMetrics;
import dev.kafkasteward.contract.catalog.MetricDef;
import dev.kafkasteward.contract.catalog.SelfMetrics;
import dev.kafkasteward.contract.ownership.Ownership;
import dev.kafkasteward.grafana.model.DatasourceRef;
import dev.kafkasteward.grafana.model.Variable;
import dev.kafkasteward.grafana.promql.PanelPromQl;
import java.util.ArrayList;
import java.util.List;

/**
 * The template variables our dashboards share: {@code datasource} (any Prometheus), {@code cluster} (from the
 * exporter's own series), {@code team} (from ownership.yml), and, where jmx series are shown, {@code job} and
 * {@code instance} as grafana/dashboard-linter configures them (multi-select, All is {@code .+}).
 */
final class DashboardVariables {

    /** Every process our jmx configs attach to reports the KRaft state, brokers and controllers alike. */
    static final MetricDef JOB_SOURCE = JmxMetrics.RAFT_CURRENT_STATE;
    private static final int HIDE_NOTHING = 0;
    private static final int HIDE_VARIABLE = 2;
    private static final int ON_TIME_RANGE_CHANGE = 2;
    private static final int SORT_ALPHABETICAL = 1;

    private DashboardVariables() {
    }

    /** datasource, cluster and team, where {@code team} offers every team and starts on All. */
    static List<Variable> common(Ownership ownership) {
        List<Variable.Option> teams = new ArrayList<>();
        teams.add(new Variable.Option("All", "$__all", true));
        ownership.teamNames().forEach(t -> teams.add(new Variable.Option(t, t, false)));
        return List.of(datasource(), cluster(ownership),
                new Variable.Custom("team", "Team", String.join(",", ownership.teamNames()), teams, teams.get(0),
                        HIDE_NOTHING, true, false));
    }

    /**
     * datasource, cluster and a hidden {@code team} fixed to one team: the dashboard is that team's, and the
     * value still travels in links to the other dashboards.
     */
    static List<Variable> forTeam(Ownership ownership, String team) {
        Variable.Option only = new Variable.Option(team, team, true);
        return List.of(datasource(), cluster(ownership),
                new Variable.Custom("team", "Team", team, List.of(only), only, HIDE_VARIABLE, false, false));
    }

    /** common variables plus {@code job} and {@code instance}, for dashboards that show jmx series. */
    static List<Variable> withJobAndInstance(List<Variable> variables) {
        String jobs = "label_values(" + JOB_SOURCE.name() + ", job)";
        String instances = "label_values(" + JOB_SOURCE.select(PanelPromQl.matchesRegex("job", "$job")) + ", instance)";
        List<Variable> all = new ArrayList<>(variables);
        all.add(multi("job", jobs));
        all.add(multi("instance", instances));
        return all;
    }

    private static Variable.Datasource datasource() {
        return Variable.Datasource.prometheus("datasource", "Data source");
    }

    private static Variable.Query cluster(Ownership ownership) {
        String query = "label_values(" + SelfMetrics.SNAPSHOT_AGE.name() + ", cluster)";
        return new Variable.Query("cluster", "Cluster", DatasourceRef.templatedPrometheus(), query, query,
                ON_TIME_RANGE_CHANGE, SORT_ALPHABETICAL, HIDE_NOTHING, false, false, null, "",
                new Variable.Option(ownership.cluster(), ownership.cluster(), true));
    }

    private static Variable.Query multi(String name, String query) {
        return new Variable.Query(name, name, DatasourceRef.templatedPrometheus(), query, query, ON_TIME_RANGE_CHANGE,
                SORT_ALPHABETICAL, HIDE_NOTHING, true, true, ".+", "", new Variable.Option("All", "$__all", true));
    }
}
