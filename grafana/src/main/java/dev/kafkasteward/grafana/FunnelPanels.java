package dev.kafkasteward.grafana;

import dev.kafkasteward.contract.catalog.FunnelMetrics;
import dev.kafkasteward.contract.catalog.MetricDef;
import dev.kafkasteward.contract.ownership.Funnel;
import dev.kafkasteward.grafana.model.DataPanel;
import dev.kafkasteward.grafana.model.GridPos;
import dev.kafkasteward.grafana.promql.PanelPromQl;
import java.util.ArrayList;
import java.util.List;

/**
 * Funnel panels: stage counts, conversion between consecutive stages, keys waiting and overdue. Each
 * exporter replica reports the partitions it reads, so every query sums over replicas.
 */
final class FunnelPanels {

    private FunnelPanels() {
    }

    /** Overdue keys per stage: keys that waited longer than the stage's max_wait. */
    static DataPanel overdue(int id, GridPos pos, String title, Funnel funnel) {
        MetricDef overdue = FunnelMetrics.KEYS_OVERDUE;
        return Panels.barGauge(new Panels.Head(id, pos, title, "Business keys of funnel " + funnel.name()
                        + " stuck in a stage longer than it allows: orders accepted but never paid, paid but never"
                        + " reserved. " + overdue.help(), "short"),
                Panels.range(PanelPromQl.aggregate("sum", List.of("stage"), overdue, of(funnel)), "{{stage}}"),
                Thresholds.redFrom(1), List.of());
    }

    /** Overdue keys of many funnels in one panel, for a wall with more funnels than rows to show them. */
    static DataPanel overdueAll(int id, GridPos pos, String title, List<Funnel> funnels) {
        MetricDef overdue = FunnelMetrics.KEYS_OVERDUE;
        return Panels.barGauge(new Panels.Head(id, pos, title, "Business keys stuck in a funnel stage longer than"
                        + " it allows, for each of the " + funnels.size() + " funnels. " + overdue.help(), "short"),
                Panels.range(PanelPromQl.aggregate("sum", List.of("funnel", "stage"), overdue, List.of()),
                        "{{funnel}}: {{stage}}"),
                Thresholds.redFrom(1), List.of());
    }

    /** Whether the funnel reports waiting and overdue keys: only with a correlation key and a max_wait. */
    static boolean tracksKeys(Funnel funnel) {
        return !funnel.overdueStages().isEmpty();
    }

    static List<DataPanel> row(GridLayout grid, Funnel funnel) {
        MetricDef events = FunnelMetrics.STAGE_EVENTS;
        MetricDef waiting = FunnelMetrics.KEYS_WAITING;
        List<DataPanel> panels = new ArrayList<>();
        panels.add(Panels.timeseries(new Panels.Head(grid.nextId(), grid.place(8, 8), "Events per stage",
                        "Events per second reaching each stage of " + funnel.name() + " (" + stages(funnel) + ")."
                                + " A stage that drops to 0 while the one before it flows is where the business"
                                + " stopped. " + events.help(), "ops"),
                Panels.range(PanelPromQl.aggregateRate("sum", "rate", List.of("stage"), events, "", of(funnel)),
                        "{{stage}}")));
        List<String> ratios = new ArrayList<>();
        List<String> legends = new ArrayList<>();
        for (int i = 1; i < funnel.stages().size(); i++) {
            String from = funnel.stages().get(i - 1).name();
            String to = funnel.stages().get(i).name();
            ratios.add(stageRate(funnel, to) + " / " + stageRate(funnel, from));
            legends.add(from + " → " + to);
        }
        if (!ratios.isEmpty()) {
            panels.add(Panels.timeseries(new Panels.Head(grid.nextId(), grid.place(8, 8), "Conversion between stages",
                            "Events reaching each stage per event of the stage before it. Keys take time to move"
                                    + " on, so short-term dips are normal; a ratio that stays low is a business flow"
                                    + " that stopped. " + events.help(), "percentunit"),
                    Panels.range(ratios, legends)));
        }
        if (tracksKeys(funnel)) {
            panels.add(Panels.barGauge(new Panels.Head(grid.nextId(), grid.place(4, 8), "Keys waiting",
                            "Keys whose furthest stage is this one, not completed yet. " + waiting.help(), "short"),
                    Panels.range(PanelPromQl.aggregate("sum", List.of("stage"), waiting, of(funnel)), "{{stage}}"),
                    Thresholds.none(), List.of()));
            panels.add(overdue(grid.nextId(), grid.place(4, 8), "Keys overdue", funnel));
        }
        if (funnel.correlation().isPresent()) {
            panels.addAll(truth(grid, funnel));
        }
        return panels;
    }

    /** What the counts leave out: keys dropped unfinished, duplicates, events without a readable key. */
    private static List<DataPanel> truth(GridLayout grid, Funnel funnel) {
        MetricDef expired = FunnelMetrics.KEYS_EXPIRED;
        MetricDef duplicates = FunnelMetrics.DUPLICATE_EVENTS;
        MetricDef misses = FunnelMetrics.CORRELATION_MISSES;
        return List.of(
                Panels.timeseries(new Panels.Head(grid.nextId(), grid.place(8, 8), "Keys dropped unfinished",
                                "Keys per second, by stage, that waited longer than the funnel window ("
                                        + funnel.window() + ") without reaching the next stage; more than "
                                        + funnel.truth().maxDroppedKeys() + " over the window alerts. " + expired.help(),
                                "ops"),
                        Panels.range(PanelPromQl.aggregateRate("sum", "rate", List.of("stage"), expired, "",
                                of(funnel)), "{{stage}}")),
                Panels.timeseries(new Panels.Head(grid.nextId(), grid.place(8, 8), "Duplicate events",
                                "Events per second of keys that had already entered the stage. " + duplicates.help(),
                                "ops"),
                        Panels.range(PanelPromQl.aggregateRate("sum", "rate", List.of("stage"), duplicates, "",
                                of(funnel)), "{{stage}}")),
                Panels.timeseries(new Panels.Head(grid.nextId(), grid.place(8, 8), "Correlation misses",
                                "Events per second without a readable correlation key, by stage and reason. "
                                        + misses.help(), "ops"),
                        Panels.range(PanelPromQl.aggregateRate("sum", "rate", List.of("stage", "reason"), misses, "",
                                of(funnel)), "{{stage}}: {{reason}}")),
                Panels.timeseries(new Panels.Head(grid.nextId(), grid.place(8, 8), "Keys on another partition",
                                "Keys per second arriving on a partition number other than the one they were"
                                        + " followed on: anything above 0 means the stage topics are not co-partitioned."
                                        + " " + FunnelMetrics.KEYS_MISPLACED.help(), "ops"),
                        Panels.range(PanelPromQl.aggregateRate("sum", "rate", List.of("stage"),
                                FunnelMetrics.KEYS_MISPLACED, "", of(funnel)), "{{stage}}")));
    }

    private static String stageRate(Funnel funnel, String stage) {
        return PanelPromQl.aggregateRate("sum", "rate", List.of(), FunnelMetrics.STAGE_EVENTS, "",
                PanelPromQl.and(of(funnel), PanelPromQl.equal("stage", stage)));
    }

    private static List<String> of(Funnel funnel) {
        return List.of(PanelPromQl.equal("funnel", funnel.name()));
    }

    private static String stages(Funnel funnel) {
        return String.join(" → ", funnel.stages().stream().map(Funnel.Stage::name).toList());
    }
}
