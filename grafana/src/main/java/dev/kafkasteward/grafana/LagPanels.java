package dev.kafkasteward.grafana;

import dev.kafkasteward.contract.catalog.LagMetrics;
import dev.kafkasteward.contract.catalog.MetricDef;
import dev.kafkasteward.contract.ownership.ConsumerGroupOwnership;
import dev.kafkasteward.grafana.model.DataPanel;
import dev.kafkasteward.grafana.model.FieldConfig;
import dev.kafkasteward.grafana.model.GridPos;
import dev.kafkasteward.grafana.model.Target;
import dev.kafkasteward.grafana.model.Transformation;
import dev.kafkasteward.signals.claim.Claim;
import dev.kafkasteward.grafana.promql.PanelPromQl;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Consumer-group panels, for the consumer-group claims of one team (or of every team, on a crowded wall). */
final class LagPanels {

    private static final List<String> GROUP_TOPIC = List.of("group", "topic");
    private static final String GROUP_TOPIC_LEGEND = "{{group}} {{topic}}";
    private static final double HOUR = 3600;

    private LagPanels() {
    }

    /**
     * The worst lag age of each group, one query per ownership entry so each bar turns orange and red at that
     * entry's own thresholds (tier or override), exactly where its alerts fire.
     */
    static DataPanel worstLagAge(int id, GridPos pos, String title, List<Claim<ConsumerGroupOwnership>> claims,
                                 Function<Claim<ConsumerGroupOwnership>, String> legend) {
        MetricDef metric = LagMetrics.GROUP_MAX_LAG_AGE;
        List<String> exprs = new ArrayList<>();
        List<String> legends = new ArrayList<>();
        List<FieldConfig.Override> overrides = new ArrayList<>();
        for (int i = 0; i < claims.size(); i++) {
            Claim<ConsumerGroupOwnership> claim = claims.get(i);
            exprs.add(PanelPromQl.aggregate("max", List.of("group"), metric, claim.matchers("group")));
            legends.add(legend.apply(claim));
            overrides.add(FieldConfig.Override.thresholdsOfQuery(Target.refId(i), Thresholds.lagAge(claim.entry())));
        }
        return Panels.barGauge(new Panels.Head(id, pos, title,
                        "Oldest unconsumed record of each consumer group (worst partition): how far behind real time"
                                + " its consumers are. Orange and red at the group's lag-age warning and critical"
                                + " thresholds from ownership.yml. Groups: " + describe(claims) + ". " + metric.help(),
                        GrafanaUnit.of(metric)),
                Panels.range(exprs, legends), Thresholds.none(), overrides);
    }

    static DataPanel lagAgeByTopic(int id, GridPos pos, List<Claim<ConsumerGroupOwnership>> claims) {
        MetricDef metric = LagMetrics.TOPIC_MAX_LAG_AGE;
        return Panels.timeseries(new Panels.Head(id, pos, "Lag age by group and topic",
                        "Oldest unconsumed record per group and topic over time: when freshness started to slip."
                                + " Groups: " + describe(claims) + ". " + metric.help(), GrafanaUnit.of(metric)),
                Panels.range(PanelPromQl.aggregate("max", GROUP_TOPIC, union(claims, metric)), GROUP_TOPIC_LEGEND));
    }

    static DataPanel lagRecordsByTopic(int id, GridPos pos, List<Claim<ConsumerGroupOwnership>> claims) {
        MetricDef metric = LagMetrics.TOPIC_LAG_RECORDS;
        return Panels.timeseries(new Panels.Head(id, pos, "Lag (records) by group and topic",
                        "Records not consumed yet per group and topic: growing while lag age is flat means a burst,"
                                + " growing with lag age means consumers fall behind. " + metric.help(),
                        GrafanaUnit.of(metric)),
                Panels.range(PanelPromQl.aggregate("sum", GROUP_TOPIC, union(claims, metric)), GROUP_TOPIC_LEGEND));
    }

    static DataPanel recordsLost(int id, GridPos pos, List<Claim<ConsumerGroupOwnership>> claims) {
        MetricDef lost = LagMetrics.RECORDS_LOST;
        MetricDef lag = LagMetrics.GROUP_LAG_RECORDS;
        // Lost records have series only after a loss; "or 0 * lag" shows an explicit 0 for every group instead
        // of "No data", which a reader cannot tell from a broken query.
        String expr = PanelPromQl.aggregate("sum", List.of("group"), union(claims, lost)) + " or "
                + PanelPromQl.aggregate("sum", List.of("group"), "0 * (" + union(claims, lag) + ")");
        return Panels.barGauge(new Panels.Head(id, pos, "Records lost",
                        "Records retention deleted before the group read them; anything above 0 is data loss. "
                                + lost.help(), GrafanaUnit.of(lost)),
                Panels.range(expr, "{{group}}"), Thresholds.redFrom(1), List.of());
    }

    /**
     * The least retention headroom per group and topic, red under an hour. Only lagging partitions have a
     * series; the others show +Inf ("nothing unread is at risk") rather than "No data".
     */
    static DataPanel retentionHeadroom(int id, GridPos pos, List<Claim<ConsumerGroupOwnership>> claims) {
        MetricDef headroom = LagMetrics.RETENTION_HEADROOM;
        String expr = PanelPromQl.aggregate("min", GROUP_TOPIC, union(claims, headroom)) + " or "
                + PanelPromQl.aggregate("min", GROUP_TOPIC, union(claims, LagMetrics.TOPIC_LAG_RECORDS)) + " * 0 + Inf";
        return Panels.barGauge(new Panels.Head(id, pos, "Retention headroom",
                        "How long until retention may delete records the group has not read, per group and topic"
                                + " (its least partition); ∞ when nothing unread is at risk or the topic is not"
                                + " time-retained. Below an hour, records are about to be lost. " + headroom.help(),
                        GrafanaUnit.of(headroom)),
                Panels.range(expr, GROUP_TOPIC_LEGEND), new FieldConfig.Thresholds("absolute", List.of(
                        new FieldConfig.Step("red", null), new FieldConfig.Step("orange", HOUR),
                        new FieldConfig.Step("green", 6 * HOUR))), List.of());
    }

    /** Every partition of the team's groups: lag age, lag and status, worst first. */
    static DataPanel partitions(int id, GridPos pos, List<Claim<ConsumerGroupOwnership>> claims) {
        List<String> partition = List.of("group", "topic", "partition");
        List<String> partitionStatus = List.of("group", "topic", "partition", "status");
        MetricDef status = LagMetrics.PARTITION_STATUS;
        String statusSeries = String.join(" or ", claims.stream()
                .map(c -> PanelPromQl.select(status, c.matchers("group")) + " == 1").toList());
        List<Target> targets = List.of(
                Target.table("A", PanelPromQl.aggregate("max", partition, union(claims, LagMetrics.LAG_AGE))),
                Target.table("B", PanelPromQl.aggregate("sum", partition, union(claims, LagMetrics.LAG_RECORDS))),
                Target.table("C", PanelPromQl.aggregate("max", partitionStatus, statusSeries)),
                Target.table("D", PanelPromQl.aggregate("min", partition, union(claims, LagMetrics.RETENTION_HEADROOM))));
        return Panels.table(new Panels.Head(id, pos, "Partitions: lag age, lag and status",
                        "Every partition of the team's groups, worst lag age first. Status: ok, lagging, stalled"
                                + " (commit not moving while lagging), stopped (nobody consumes it) or unassigned. Retention headroom is"
                                + " empty for partitions that are not lagging. "
                                + LagMetrics.LAG_AGE.help(), "short"),
                targets,
                List.of(Transformation.merge(), Transformation.organize(List.of("Time", "Value #C"),
                        Map.of("Value #A", "Lag age", "Value #B", "Lag (records)", "Value #D", "Retention headroom"))),
                List.of(FieldConfig.Override.unitOfField("Lag age", GrafanaUnit.of(LagMetrics.LAG_AGE)),
                        FieldConfig.Override.unitOfField("Retention headroom",
                                GrafanaUnit.of(LagMetrics.RETENTION_HEADROOM))), "Lag age");
    }

    /** {@code metric{claim 1} or metric{claim 2} ...}: the claims are disjoint, so nothing is counted twice. */
    static String union(List<Claim<ConsumerGroupOwnership>> claims, MetricDef metric) {
        return PanelPromQl.union(claims.stream().map(c -> PanelPromQl.select(metric, c.matchers("group"))).toList());
    }

    static String describe(List<? extends Claim<?>> claims) {
        return String.join(", ", claims.stream().map(Claim::describe).toList());
    }
}
