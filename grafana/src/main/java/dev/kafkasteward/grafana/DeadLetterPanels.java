package dev.kafkasteward.grafana;

import dev.kafkasteward.contract.catalog.DeadLetterMetrics;
import dev.kafkasteward.contract.catalog.MetricDef;
import dev.kafkasteward.contract.ownership.DeadLetterTopic;
import dev.kafkasteward.contract.ownership.Ownership;
import dev.kafkasteward.grafana.model.DataPanel;
import dev.kafkasteward.grafana.model.GridPos;
import dev.kafkasteward.signals.claim.Claim;
import dev.kafkasteward.grafana.promql.PanelPromQl;
import java.util.List;
import java.util.function.Function;

/** Dead-letter panels for the dead-letter claims of one team (or of all teams, on a crowded wall). */
final class DeadLetterPanels {

    private DeadLetterPanels() {
    }

    static List<Claim<DeadLetterTopic>> claims(Ownership ownership) {
        return Claim.plan(ownership.deadLetterTopics(), ownership::deadLetterTopic);
    }

    /** New dead-letter records over the last rate interval: any is a failure someone must look at. */
    static DataPanel newRecordsStat(int id, GridPos pos, String title, List<Claim<DeadLetterTopic>> claims) {
        MetricDef written = DeadLetterMetrics.RECORDS_WRITTEN;
        return Panels.stat(new Panels.Head(id, pos, title, "Records written to the team's dead-letter topics ("
                        + LagPanels.describe(claims) + ") in the last few minutes: each one is a record that failed"
                        + " processing. " + written.help(), "short"),
                Panels.range(PanelPromQl.aggregate("sum", List.of(), increase(written, claims)), "new dead letters"),
                Thresholds.redFrom(1));
    }

    /** New dead-letter records by topic, one query per claim so each bar names its owner. */
    static DataPanel newRecordsByTopic(int id, GridPos pos, String title, List<Claim<DeadLetterTopic>> claims,
                                       Function<Claim<DeadLetterTopic>, String> legend) {
        MetricDef written = DeadLetterMetrics.RECORDS_WRITTEN;
        return Panels.barGauge(new Panels.Head(id, pos, title, "Records written to each dead-letter topic in the"
                        + " last few minutes. " + written.help(), "short"),
                Panels.range(claims.stream().map(c -> PanelPromQl.aggregate("sum", List.of("topic"), increase(written,
                        List.of(c)))).toList(), claims.stream().map(legend).toList()),
                Thresholds.redFrom(1), List.of());
    }

    static List<DataPanel> teamRow(GridLayout grid, List<Claim<DeadLetterTopic>> claims) {
        MetricDef written = DeadLetterMetrics.RECORDS_WRITTEN;
        MetricDef reasons = DeadLetterMetrics.RECORDS_BY_REASON;
        MetricDef retained = DeadLetterMetrics.RECORDS_RETAINED;
        MetricDef newest = DeadLetterMetrics.NEWEST_RECORD_TIMESTAMP;
        String topics = " Dead-letter topics: " + LagPanels.describe(claims) + ".";
        return List.of(
                Panels.timeseries(new Panels.Head(grid.nextId(), grid.place(8, 8), "New dead letters by topic",
                                "Records written per rate interval: when failures started, and whether they line up"
                                        + " with a deployment." + topics + " " + written.help(), "short"),
                        Panels.range(PanelPromQl.aggregate("sum", List.of("topic"), increase(written, claims)), "{{topic}}")),
                Panels.timeseries(new Panels.Head(grid.nextId(), grid.place(8, 8), "Dead letters by reason",
                                "Why records failed, from the reason header (or the Connect / Spring Kafka exception"
                                        + " header), and where they came from." + topics + " " + reasons.help(), "short"),
                        Panels.range(PanelPromQl.aggregate("sum", List.of("topic", "source_topic", "reason"),
                                increase(reasons, claims)), "{{topic}} {{reason}} (from {{source_topic}})")),
                Panels.barGauge(new Panels.Head(grid.nextId(), grid.place(4, 8), "Retained dead letters",
                                "Records each dead-letter topic still holds: the backlog to replay or discard."
                                        + topics + " " + retained.help(), "short"),
                        Panels.range(PanelPromQl.aggregate("sum", List.of("topic"), union(retained, claims)), "{{topic}}"),
                        Thresholds.redFrom(1), List.of()),
                Panels.stat(new Panels.Head(grid.nextId(), grid.place(4, 8), "Newest dead letter",
                                "How long ago the newest record reached each dead-letter topic (no value while the"
                                        + " topic is empty)." + topics + " " + newest.help(), "s"),
                        Panels.range("time() - " + PanelPromQl.aggregate("max", List.of("topic"), union(newest, claims)),
                                "{{topic}}"),
                        Thresholds.none()));
    }

    private static String increase(MetricDef counter, List<Claim<DeadLetterTopic>> claims) {
        return PanelPromQl.union(claims.stream().map(c -> "increase(" + PanelPromQl.select(counter, c.matchers("topic")) + "["
                + PanelPromQl.RATE_INTERVAL + "])").toList());
    }

    private static String union(MetricDef metric, List<Claim<DeadLetterTopic>> claims) {
        return PanelPromQl.union(claims.stream().map(c -> PanelPromQl.select(metric, c.matchers("topic"))).toList());
    }
}
