package dev.kafkasteward.grafana;

import dev.kafkasteward.contract.catalog.DiskMetrics;
import dev.kafkasteward.contract.catalog.JmxMetrics;
import dev.kafkasteward.contract.catalog.LagMetrics;
import dev.kafkasteward.contract.catalog.MetricDef;
import dev.kafkasteward.contract.catalog.ReplicationMetrics;
import dev.kafkasteward.contract.catalog.SelfMetrics;
import dev.kafkasteward.contract.output.DashboardUids;
import dev.kafkasteward.contract.ownership.ConsumerGroupOwnership;
import dev.kafkasteward.contract.ownership.DeadLetterTopic;
import dev.kafkasteward.contract.ownership.Funnel;
import dev.kafkasteward.contract.ownership.Ownership;
import dev.kafkasteward.grafana.model.Dashboard;
import dev.kafkasteward.signals.SignalPlan;
import dev.kafkasteward.grafana.model.DataPanel;
import dev.kafkasteward.grafana.model.FieldConfig;
import dev.kafkasteward.grafana.model.GridPos;
import dev.kafkasteward.grafana.model.Panel;
import dev.kafkasteward.signals.claim.Claim;
import dev.kafkasteward.grafana.promql.PanelPromQl;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The wall: one 1080p screen, no scrolling, readable across a room. The golden signals of the cluster on
 * top (available, durable, throughput, headroom, exporter fresh), their recent history below, then one
 * column per team with the signals it owns: the worst lag age of each of its groups coloured at its own
 * thresholds, its new dead letters, its funnels' overdue keys. With more teams than fit as columns, one
 * panel per signal, each bar labelled with its team.
 */
final class WallDashboard {

    /** The least height a funnel's own overdue panel gets on the wall before funnels share one panel. */
    private static final int MIN_FUNNEL_HEIGHT = 3;

    /** Grid rows that fit a 1080p screen under Grafana's header and variable bar (30 px + 8 px gap each). */
    static final int MAX_ROWS = 26;
    static final int MAX_TEAM_COLUMNS = 6;
    private static final int STAT_HEIGHT = 4;
    private static final int HISTORY_HEIGHT = 6;
    private static final int TEAM_BAND_HEIGHT = MAX_ROWS - STAT_HEIGHT - HISTORY_HEIGHT;
    /** Staleness thresholds, in seconds: a few missed collection cycles, then clearly broken. */
    private static final double STALE_WARN_SECONDS = 120;
    private static final double STALE_CRITICAL_SECONDS = 600;

    private WallDashboard() {
    }

    static Dashboard build(Ownership ownership, SignalPlan plan) {
        GridLayout grid = new GridLayout();
        List<Panel> panels = new ArrayList<>();
        panels.addAll(goldenSignals(grid, ownership));
        panels.addAll(history(grid, ownership));
        panels.addAll(teams(grid, ownership));
        String uid = DashboardUids.wall(ownership.cluster());
        List<Dashboard.Link> links = new ArrayList<>(DashboardFrame.clusterLinks(ownership, uid));
        for (String team : ownership.teamNames().stream().filter(t -> TeamDashboard.hasPanels(ownership, plan, t)).toList()) {
            links.add(Dashboard.Link.dashboard("Team " + team, DashboardUids.path(
                    DashboardUids.team(ownership.cluster(), team))));
        }
        return DashboardFrame.of(uid, "Kafka Steward / Wall / " + ownership.cluster(),
                "Kafka cluster " + ownership.cluster() + " at a glance: is it available, is data durable, are"
                        + " consumers fresh, is there headroom, which team is affected.",
                "wall", "30s", "now-3h", DashboardVariables.withJobAndInstance(DashboardVariables.common(ownership)),
                links, panels);
    }

    private static List<Panel> goldenSignals(GridLayout grid, Ownership ownership) {
        List<Stat> stats = List.of(
                new Stat("Offline partitions", "Availability: partitions without a leader, nobody can read or write"
                        + " them.", ReplicationMetrics.TOPIC_OFFLINE_PARTITIONS, "sum", Thresholds.redFrom(1)),
                new Stat("Active controllers", "Availability: must be exactly 1. 0 means no metadata changes (no"
                        + " leader elections, no topic changes); 2 means a split brain.",
                        JmxMetrics.ACTIVE_CONTROLLER_COUNT, "sum", Thresholds.exactly(1, 2)),
                new Stat("Under-replicated partitions", "Durability: partitions with fewer in-sync copies than"
                        + " configured.", ReplicationMetrics.TOPIC_UNDER_REPLICATED_PARTITIONS, "sum",
                        Thresholds.redFrom(1)),
                new Stat("Under min ISR", "Durability: partitions where acks=all writes fail right now.",
                        ReplicationMetrics.TOPIC_UNDER_MIN_ISR_PARTITIONS, "sum", Thresholds.redFrom(1)),
                new Stat("Disk: time to exhaustion", "Saturation: the log dir that fills first, at its current"
                        + " growth; ∞ when retention levels it off below capacity. Orange and red at the platform's"
                        + " exhaustion horizons.", DiskMetrics.LOG_DIR_TIME_TO_EXHAUSTION, "min",
                        Thresholds.timeToExhaustion(ownership.platform().disk())),
                new Stat("Exporter staleness", "How old the lag, replication and disk numbers are. Above a few"
                        + " collection intervals every exporter panel shows the past.", SelfMetrics.SNAPSHOT_AGE,
                        "max", Thresholds.orangeRed(STALE_WARN_SECONDS, STALE_CRITICAL_SECONDS)));
        int width = GridLayout.COLUMNS / (stats.size() + 2);
        List<Panel> panels = new ArrayList<>();
        for (Stat stat : stats) {
            panels.add(Panels.stat(new Panels.Head(grid.nextId(), grid.place(width, STAT_HEIGHT), stat.title(),
                            stat.meaning() + " " + stat.metric().help(), GrafanaUnit.of(stat.metric())),
                    Panels.range(PanelPromQl.aggregate(stat.op(), List.of(), stat.metric(), List.of()), stat.title()),
                    stat.thresholds()));
        }
        panels.add(Panels.stat(new Panels.Head(grid.nextId(), grid.place(GridLayout.COLUMNS - width * stats.size(),
                        STAT_HEIGHT), "Throughput", "Bytes produced to and fetched from all topics, per second. "
                        + JmxMetrics.TOPIC_BYTES_IN.help() + " " + JmxMetrics.TOPIC_BYTES_OUT.help(), "Bps"),
                Panels.range(List.of(bytesRate(JmxMetrics.TOPIC_BYTES_IN), bytesRate(JmxMetrics.TOPIC_BYTES_OUT)),
                        List.of("in", "out")), Thresholds.none()));
        return panels;
    }

    private static List<Panel> history(GridLayout grid, Ownership ownership) {
        int width = GridLayout.COLUMNS / 4;
        MetricDef urp = ReplicationMetrics.TOPIC_UNDER_REPLICATED_PARTITIONS;
        MetricDef minIsr = ReplicationMetrics.TOPIC_UNDER_MIN_ISR_PARTITIONS;
        MetricDef exhaustion = DiskMetrics.LOG_DIR_TIME_TO_EXHAUSTION;
        List<Panel> panels = new ArrayList<>();
        panels.add(Panels.timeseries(new Panels.Head(grid.nextId(), grid.place(width, HISTORY_HEIGHT),
                        "Throughput over time", "Bytes in and out per second over all topics: what changed"
                        + " recently. " + JmxMetrics.TOPIC_BYTES_IN.help(), "Bps"),
                Panels.range(List.of(bytesRate(JmxMetrics.TOPIC_BYTES_IN), bytesRate(JmxMetrics.TOPIC_BYTES_OUT)),
                        List.of("in", "out"))));
        panels.add(Panels.timeseries(new Panels.Head(grid.nextId(), grid.place(width, HISTORY_HEIGHT),
                        "Replication over time", "Under-replicated and under-min-ISR partitions: when durability"
                        + " degraded. " + urp.help() + " " + minIsr.help(), "short"),
                Panels.range(List.of(PanelPromQl.aggregate("sum", List.of(), urp, List.of()),
                        PanelPromQl.aggregate("sum", List.of(), minIsr, List.of())), List.of("under-replicated",
                        "under min ISR"))));
        panels.add(Panels.barGauge(new Panels.Head(grid.nextId(), grid.place(width, HISTORY_HEIGHT),
                        "Disk: time to exhaustion per broker", "Saturation: for each broker, its log dir that fills"
                        + " first. Red and orange at the platform's exhaustion horizons. " + exhaustion.help(),
                        GrafanaUnit.of(exhaustion)),
                Panels.range(PanelPromQl.aggregate("min", List.of("broker"), exhaustion, List.of()), "broker {{broker}}"),
                Thresholds.timeToExhaustion(ownership.platform().disk()), List.of()));
        List<Claim<ConsumerGroupOwnership>> claims = groupClaims(ownership);
        List<String> teams = claims.stream().map(Claim::owner).distinct().sorted().toList();
        MetricDef age = LagMetrics.GROUP_MAX_LAG_AGE;
        List<String> exprs = teams.isEmpty() ? List.of(PanelPromQl.aggregate("max", List.of(), age, List.of()))
                : teams.stream().map(t -> PanelPromQl.aggregate("max", List.of(),
                LagPanels.union(Claim.ownedBy(claims, t), age))).toList();
        panels.add(Panels.timeseries(new Panels.Head(grid.nextId(), grid.place(GridLayout.COLUMNS - 3 * width,
                        HISTORY_HEIGHT), "Worst lag age by team", "The oldest unconsumed record among each team's"
                        + " consumer groups: which domain fell behind, and since when. " + age.help(),
                        GrafanaUnit.of(age)),
                Panels.range(exprs, teams.isEmpty() ? List.of("all groups") : teams)));
        return panels;
    }

    private static List<Panel> teams(GridLayout grid, Ownership ownership) {
        List<Claim<ConsumerGroupOwnership>> groups = groupClaims(ownership);
        List<Claim<DeadLetterTopic>> deadLetters = DeadLetterPanels.claims(ownership);
        List<Funnel> funnels = ownership.funnels().stream().filter(FunnelPanels::tracksKeys).toList();
        List<String> teams = new ArrayList<>(new TreeSet<>(Stream.of(groups.stream().map(Claim::owner),
                deadLetters.stream().map(Claim::owner), funnels.stream().map(Funnel::owner))
                .flatMap(s -> s).toList()));
        if (teams.isEmpty()) {
            return List.of();
        }
        List<TeamColumn> columns = teams.stream().map(t -> new TeamColumn(t, Claim.ownedBy(groups, t),
                Claim.ownedBy(deadLetters, t), funnels.stream().filter(f -> f.owner().equals(t)).toList())).toList();
        if (teams.size() > MAX_TEAM_COLUMNS || columns.stream().anyMatch(c -> !c.fits())) {
            return compact(grid, groups, deadLetters, funnels);
        }
        List<Panel> panels = new ArrayList<>();
        int x = 0;
        for (int i = 0; i < columns.size(); i++) {
            int width = GridLayout.COLUMNS / columns.size() + (i < GridLayout.COLUMNS % columns.size() ? 1 : 0);
            panels.addAll(columns.get(i).panels(grid, x, width));
            x += width;
        }
        return panels;
    }

    /** More teams than columns: one panel per signal, each bar labelled with its team. */
    private static List<Panel> compact(GridLayout grid, List<Claim<ConsumerGroupOwnership>> groups,
                                       List<Claim<DeadLetterTopic>> deadLetters, List<Funnel> funnels) {
        int top = STAT_HEIGHT + HISTORY_HEIGHT;
        int others = (deadLetters.isEmpty() ? 0 : 1) + (funnels.isEmpty() ? 0 : 1);
        int side = others == 0 ? 0 : GridLayout.COLUMNS / 4;
        int main = GridLayout.COLUMNS - side * others;
        List<Panel> panels = new ArrayList<>();
        int x = 0;
        if (!groups.isEmpty()) {
            panels.add(LagPanels.worstLagAge(grid.nextId(), new GridPos(TEAM_BAND_HEIGHT, main, 0, top),
                    "Freshness: worst lag age per group", groups, c -> c.owner() + ": {{group}}"));
            x = main;
        }
        if (!deadLetters.isEmpty()) {
            int width = groups.isEmpty() && funnels.isEmpty() ? GridLayout.COLUMNS : side;
            panels.add(DeadLetterPanels.newRecordsByTopic(grid.nextId(), new GridPos(TEAM_BAND_HEIGHT, width, x, top),
                    "Correctness: new dead letters", deadLetters, c -> c.owner() + ": {{topic}}"));
            x += width;
        }
        if (funnels.size() > TEAM_BAND_HEIGHT / MIN_FUNNEL_HEIGHT) {
            // More funnels than rows to give each its own panel: one panel, a bar per funnel and stage.
            panels.add(FunnelPanels.overdueAll(grid.nextId(), new GridPos(TEAM_BAND_HEIGHT, GridLayout.COLUMNS - x, x,
                    top), "Overdue keys by funnel", funnels));
        } else if (!funnels.isEmpty()) {
            int height = TEAM_BAND_HEIGHT / funnels.size();
            int width = GridLayout.COLUMNS - x;
            for (int i = 0; i < funnels.size(); i++) {
                Funnel f = funnels.get(i);
                panels.add(FunnelPanels.overdue(grid.nextId(), new GridPos(height, width, x, top + i * height),
                        "Overdue — " + f.name() + " (" + f.owner() + ")", f));
            }
        }
        return panels;
    }

    /** One team's column in the team band: freshness stretches, dead letters and funnels take fixed heights. */
    private record TeamColumn(String team, List<Claim<ConsumerGroupOwnership>> groups,
                              List<Claim<DeadLetterTopic>> deadLetters, List<Funnel> funnels) {

        private static final int DEAD_LETTER_HEIGHT = 4;
        private static final int FUNNEL_HEIGHT = 5;
        private static final int MIN_FRESHNESS_HEIGHT = 5;

        int fixedHeight() {
            return (deadLetters.isEmpty() ? 0 : DEAD_LETTER_HEIGHT) + funnels.size() * FUNNEL_HEIGHT;
        }

        boolean fits() {
            return fixedHeight() + (groups.isEmpty() ? 0 : MIN_FRESHNESS_HEIGHT) <= TEAM_BAND_HEIGHT
                    && funnels.size() <= TEAM_BAND_HEIGHT / FUNNEL_HEIGHT;
        }

        List<Panel> panels(GridLayout grid, int x, int width) {
            List<Panel> panels = new ArrayList<>();
            int y = STAT_HEIGHT + HISTORY_HEIGHT;
            int bottom = y + TEAM_BAND_HEIGHT;
            int spare = TEAM_BAND_HEIGHT - fixedHeight();
            if (!groups.isEmpty()) {
                panels.add(LagPanels.worstLagAge(grid.nextId(), new GridPos(spare, width, x, y), "Freshness — " + team,
                        groups, c -> "{{group}}"));
                y += spare;
                spare = 0;
            }
            if (!deadLetters.isEmpty()) {
                int h = DEAD_LETTER_HEIGHT + (funnels.isEmpty() ? spare : 0);
                panels.add(DeadLetterPanels.newRecordsStat(grid.nextId(), new GridPos(h, width, x, y),
                        "Dead letters — " + team, deadLetters));
                y += h;
            }
            for (Funnel funnel : funnels) {
                int h = funnel == funnels.get(funnels.size() - 1) ? bottom - y : FUNNEL_HEIGHT;
                panels.add(FunnelPanels.overdue(grid.nextId(), new GridPos(h, width, x, y),
                        "Overdue — " + funnel.name(), funnel));
                y += h;
            }
            return panels;
        }
    }

    static List<Claim<ConsumerGroupOwnership>> groupClaims(Ownership ownership) {
        return Claim.plan(ownership.consumerGroups(), ownership::consumerGroupOwner);
    }

    private static String bytesRate(MetricDef metric) {
        return PanelPromQl.aggregateRate("sum", "rate", List.of(), metric, "", List.of());
    }

    private record Stat(String title, String meaning, MetricDef metric, String op, FieldConfig.Thresholds thresholds) {
    }
}
