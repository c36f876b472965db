package dev.kafkasteward.grafana;

import dev.kafkasteward.contract.catalog.DiskMetrics;
import dev.kafkasteward.contract.catalog.JmxMetrics;
import dev.kafkasteward.contract.catalog.MetricDef;
import dev.kafkasteward.contract.catalog.ReplicationMetrics;
import dev.kafkasteward.contract.catalog.SelfMetrics;
import dev.kafkasteward.contract.output.DashboardUids;
import dev.kafkasteward.contract.ownership.ConsumerGroupOwnership;
import dev.kafkasteward.contract.ownership.DeadLetterTopic;
import dev.kafkasteward.contract.ownership.Funnel;
import dev.kafkasteward.contract.ownership.Ownership;
import dev.kafkasteward.contract.ownership.ShareGroupOwnership;
import dev.kafkasteward.contract.ownership.TopicOwnership;
import dev.kafkasteward.grafana.model.Dashboard;
import dev.kafkasteward.grafana.model.Panel;
import dev.kafkasteward.grafana.model.RowPanel;
import dev.kafkasteward.grafana.promql.PanelPromQl;
import dev.kafkasteward.signals.SignalPlan;
import dev.kafkasteward.signals.claim.Claim;
import java.util.ArrayList;
import java.util.List;

/**
 * One team's dashboard, where its alerts land: its consumer groups (worst lag age at its thresholds, lag
 * age and lag over time, every partition with its status, retention headroom, records lost), its share groups
 * (oldest record not acknowledged at its thresholds, backlog and statuses over time), its dead-letter
 * topics with reasons, its funnels, its topics (throughput and replication), and links to the runbooks of
 * the alerts that can page it.
 */
final class TeamDashboard {

    private TeamDashboard() {
    }

    /**
     * Whether the team owns anything a panel can show (groups, dead letters, funnels, topics, the platform) or
     * can be paged at all: every alert links its owner's team dashboard, so that dashboard exists.
     */
    static boolean hasPanels(Ownership ownership, SignalPlan plan, String team) {
        return ownership.platform().owner().equals(team) || !plan.alertsReaching(team).isEmpty()
                || ownership.consumerGroups().stream().anyMatch(g -> g.owner().equals(team))
                || ownership.deadLetterTopics().stream().anyMatch(d -> d.owner().equals(team))
                || ownership.funnels().stream().anyMatch(f -> f.owner().equals(team))
                || ownership.topics().stream().anyMatch(t -> t.owner().equals(team));
    }

    static Dashboard build(Ownership ownership, SignalPlan plan, String team, DashboardOptions options) {
        GridLayout grid = new GridLayout();
        List<Panel> panels = new ArrayList<>();
        if (ownership.platform().owner().equals(team)) {
            panels.addAll(platform(grid, ownership));
        }
        List<Claim<ConsumerGroupOwnership>> groups = Claim.ownedBy(WallDashboard.groupClaims(ownership), team);
        if (!groups.isEmpty()) {
            panels.addAll(consumerGroups(grid, groups));
        }
        List<Claim<ShareGroupOwnership>> shareGroups = Claim.ownedBy(SharePanels.declaredClaims(ownership), team);
        if (!shareGroups.isEmpty()) {
            panels.addAll(SharePanels.teamRow(grid, shareGroups));
        }
        List<Claim<DeadLetterTopic>> deadLetters = Claim.ownedBy(DeadLetterPanels.claims(ownership), team);
        if (!deadLetters.isEmpty()) {
            panels.add(RowPanel.expanded(grid.nextId(), "Dead letters: " + LagPanels.describe(deadLetters), grid.row()));
            panels.addAll(DeadLetterPanels.teamRow(grid, deadLetters));
        }
        for (Funnel funnel : ownership.funnels().stream().filter(f -> f.owner().equals(team)).toList()) {
            panels.add(RowPanel.expanded(grid.nextId(), "Funnel " + funnel.name(), grid.row()));
            panels.addAll(FunnelPanels.row(grid, funnel));
        }
        List<Claim<TopicOwnership>> topics = Claim.ownedBy(
                Claim.plan(ownership.topics(), ownership::topicOwner), team);
        if (!topics.isEmpty()) {
            panels.addAll(topics(grid, topics));
        }
        panels.addAll(SignalPanels.row(grid, ownership, plan, team, options.links()));
        String uid = DashboardUids.team(ownership.cluster(), team);
        List<Dashboard.Link> links = new ArrayList<>(DashboardFrame.clusterLinks(ownership, uid));
        plan.alertsReaching(team).forEach(alert ->
                links.add(Dashboard.Link.external("Runbook: " + alert, options.links().runbook(alert))));
        String description = ownership.team(team).description().map(d -> team + ": " + d + ".").orElse(team + ".");
        return DashboardFrame.of(uid, "Kafka Steward / Team " + team + " / " + ownership.cluster(),
                description + " What team " + team + " owns in Kafka cluster " + ownership.cluster()
                        + ", and where its alerts point.",
                "team", "1m", "now-6h",
                DashboardVariables.withJobAndInstance(DashboardVariables.forTeam(ownership, team)), links, panels);
    }

    private static List<Panel> consumerGroups(GridLayout grid, List<Claim<ConsumerGroupOwnership>> groups) {
        return List.of(
                RowPanel.expanded(grid.nextId(), "Consumer groups: " + LagPanels.describe(groups), grid.row()),
                LagPanels.worstLagAge(grid.nextId(), grid.place(8, 8), "Worst lag age per group", groups,
                        c -> "{{group}}"),
                LagPanels.lagAgeByTopic(grid.nextId(), grid.place(8, 8), groups),
                LagPanels.lagRecordsByTopic(grid.nextId(), grid.place(8, 8), groups),
                LagPanels.partitions(grid.nextId(), grid.place(12, 10), groups),
                LagPanels.retentionHeadroom(grid.nextId(), grid.place(6, 10), groups),
                LagPanels.recordsLost(grid.nextId(), grid.place(6, 10), groups));
    }

    /** The platform owner's own signals; the details are on Brokers & JVM. */
    private static List<Panel> platform(GridLayout grid, Ownership ownership) {
        MetricDef offline = ReplicationMetrics.TOPIC_OFFLINE_PARTITIONS;
        MetricDef minIsr = ReplicationMetrics.TOPIC_UNDER_MIN_ISR_PARTITIONS;
        MetricDef exhaustion = DiskMetrics.LOG_DIR_TIME_TO_EXHAUSTION;
        MetricDef stale = SelfMetrics.SNAPSHOT_AGE;
        return List.of(
                RowPanel.expanded(grid.nextId(), "Platform (details on Brokers & JVM)", grid.row()),
                Panels.timeseries(new Panels.Head(grid.nextId(), grid.place(6, 8), "Offline partitions by topic",
                                "Partitions without a leader. " + offline.help(), "short"),
                        Panels.range(PanelPromQl.aggregate("sum", List.of("topic"), offline, List.of()), "{{topic}}")),
                Panels.timeseries(new Panels.Head(grid.nextId(), grid.place(6, 8), "Under min ISR by topic",
                                "Partitions where acks=all writes fail. " + minIsr.help(), "short"),
                        Panels.range(PanelPromQl.aggregate("sum", List.of("topic"), minIsr, List.of()), "{{topic}}")),
                Panels.barGauge(new Panels.Head(grid.nextId(), grid.place(6, 8), "Disk: time to exhaustion per broker",
                                "The log dir of each broker that fills first; orange and red at the platform's"
                                        + " exhaustion horizons. " + exhaustion.help(), GrafanaUnit.of(exhaustion)),
                        Panels.range(PanelPromQl.aggregate("min", List.of("broker"), exhaustion, List.of()),
                                "broker {{broker}}"),
                        Thresholds.timeToExhaustion(ownership.platform().disk()), List.of()),
                Panels.timeseries(new Panels.Head(grid.nextId(), grid.place(6, 8), "Exporter staleness",
                                "Age of the exporter's data. " + stale.help(), GrafanaUnit.of(stale)),
                        Panels.range(PanelPromQl.aggregate("max", List.of(), stale, List.of()), "staleness")));
    }

    private static List<Panel> topics(GridLayout grid, List<Claim<TopicOwnership>> topics) {
        MetricDef in = JmxMetrics.TOPIC_BYTES_IN;
        MetricDef out = JmxMetrics.TOPIC_BYTES_OUT;
        MetricDef urp = ReplicationMetrics.TOPIC_UNDER_REPLICATED_PARTITIONS;
        String owned = " Topics: " + LagPanels.describe(topics) + ".";
        return List.of(
                RowPanel.expanded(grid.nextId(), "Topics: " + LagPanels.describe(topics), grid.row()),
                Panels.timeseries(new Panels.Head(grid.nextId(), grid.place(8, 8), "Bytes in by topic",
                                "Bytes produced per second." + owned + " " + in.help(), "Bps"),
                        Panels.range(topicRate(in, topics), "{{topic}}")),
                Panels.timeseries(new Panels.Head(grid.nextId(), grid.place(8, 8), "Bytes out by topic",
                                "Bytes fetched by consumers per second." + owned + " " + out.help(), "Bps"),
                        Panels.range(topicRate(out, topics), "{{topic}}")),
                Panels.timeseries(new Panels.Head(grid.nextId(), grid.place(8, 8), "Under-replicated partitions",
                                "Partitions of the team's topics with fewer in-sync copies than configured." + owned
                                        + " " + urp.help(), "short"),
                        Panels.range(PanelPromQl.aggregate("sum", List.of("topic"), PanelPromQl.union(topics.stream()
                                .map(c -> PanelPromQl.select(urp, c.matchers("topic"))).toList())), "{{topic}}")));
    }

    private static String topicRate(MetricDef counter, List<Claim<TopicOwnership>> topics) {
        return PanelPromQl.aggregate("sum", List.of("topic"), PanelPromQl.union(topics.stream().map(c -> "rate("
                + PanelPromQl.select(counter, c.matchers("topic")) + "[" + PanelPromQl.RATE_INTERVAL + "])").toList()));
    }
}
