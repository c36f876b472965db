package dev.kafkasteward.grafana;

import dev.kafkasteward.contract.catalog.JmxMetrics;
import dev.kafkasteward.contract.catalog.MetricDef;
import dev.kafkasteward.contract.ownership.Ownership;
import dev.kafkasteward.grafana.model.DataPanel;
import dev.kafkasteward.grafana.model.FieldConfig;
import dev.kafkasteward.grafana.model.Panel;
import dev.kafkasteward.grafana.model.RowPanel;
import dev.kafkasteward.grafana.model.Target;
import dev.kafkasteward.grafana.promql.PanelPromQl;
import dev.kafkasteward.signals.AlertInstance;
import dev.kafkasteward.signals.Condition;
import dev.kafkasteward.signals.Links;
import dev.kafkasteward.signals.SignalPlan;
import dev.kafkasteward.signals.promql.PromQl;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The panels a team's alerts derive from their signals: per alert that can page the team, the value the
 * alert evaluates for each of its assets, red where it crosses the alert's threshold (before {@code for}).
 * The expression is the alert's own, scoped to the dashboard's {@code $cluster} (and, for jmx series, its
 * {@code $job} and {@code $instance}), with the alert's own range windows, so the panel shows what the rule
 * sees. Alerts whose condition is not one value against a threshold (burn rates, the exporter's liveness) are
 * listed by their runbook link only.
 */
final class SignalPanels {

    /** Every alert-view panel's description starts so; the dashboard lint knows them by it. */
    static final String DESCRIPTION_PREFIX = "What alert ";
    private static final double ABOVE_ZERO = 1e-9;
    private static final Pattern BY = Pattern.compile("\\bby \\(([^)]*)\\)");
    private static final Pattern JMX_SELECTOR = Pattern.compile("\\b(" + String.join("|", JmxMetrics.ALL.stream()
            .map(MetricDef::name).map(Pattern::quote).toList()) + ")((?:_sum|_count)?)\\{");

    private SignalPanels() {
    }

    /** A row of one bar-gauge panel per alert that can page {@code team}, in name order; nothing without any. */
    static List<Panel> row(GridLayout grid, Ownership ownership, SignalPlan plan, String team, Links links) {
        Map<String, List<AlertInstance>> byAlert = new LinkedHashMap<>();
        plan.alertsReaching(team).forEach(name -> byAlert.put(name, new ArrayList<>()));
        plan.instances().stream().filter(i -> i.teams().contains(team) && i.condition().hasThreshold())
                .forEach(i -> byAlert.get(i.alert()).add(i));
        byAlert.values().removeIf(List::isEmpty);
        if (byAlert.isEmpty()) {
            return List.of();
        }
        List<Panel> panels = new ArrayList<>();
        panels.add(RowPanel.expanded(grid.nextId(), "Alerts that can page " + team + ": what each one evaluates",
                grid.row()));
        byAlert.forEach((alert, instances) -> panels.add(panel(grid, ownership, alert, instances, links)));
        return panels;
    }

    private static DataPanel panel(GridLayout grid, Ownership ownership, String alert, List<AlertInstance> instances,
                                   Links links) {
        List<String> exprs = new ArrayList<>();
        List<String> legends = new ArrayList<>();
        List<FieldConfig.Override> overrides = new ArrayList<>();
        for (int i = 0; i < instances.size(); i++) {
            Condition condition = instances.get(i).condition();
            exprs.add(scoped(condition.value(), ownership.cluster()));
            legends.add(legend(condition.value(), alert));
            overrides.add(FieldConfig.Override.thresholdsOfQuery(Target.refId(i), thresholds(condition)));
        }
        AlertInstance first = instances.get(0);
        String description = DESCRIPTION_PREFIX + alert + " evaluates, per asset: red where it fires once the"
                + " condition holds for " + first.alertFor().text() + ". " + first.genericSummary()
                + " Runbook: " + links.runbook(alert);
        return Panels.barGauge(new Panels.Head(grid.nextId(), grid.place(8, 6), alert, description,
                grafanaUnit(first)), Panels.range(exprs, legends), Thresholds.none(), overrides);
    }

    /**
     * The alert's value as the dashboard queries it: its cluster becomes {@code $cluster}, and each jmx
     * selector also takes the dashboard's {@code $job} and {@code $instance}.
     */
    static String scoped(String value, String cluster) {
        String scoped = value.replace(PromQl.eq("cluster", cluster), PanelPromQl.CLUSTER);
        Matcher m = JMX_SELECTOR.matcher(scoped);
        return m.replaceAll(r -> Matcher.quoteReplacement(r.group(1) + r.group(2) + "{"
                + String.join(", ", PanelPromQl.jobAndInstance()) + ", "));
    }

    /** One bar per series, named by the labels the alert keeps (its outermost {@code by}). */
    private static String legend(String value, String alert) {
        Matcher m = BY.matcher(value);
        if (!m.find()) {
            return alert;
        }
        List<String> labels = new ArrayList<>();
        for (String label : m.group(1).split(",")) {
            if (!label.isBlank() && !label.strip().equals("cluster")) {
                labels.add("{{" + label.strip() + "}}");
            }
        }
        return labels.isEmpty() ? alert : String.join(" ", labels);
    }

    /** Red on the side of the threshold where the alert fires; plain for equality conditions. */
    private static FieldConfig.Thresholds thresholds(Condition condition) {
        return switch (condition.comparison()) {
            // Grafana colours from a step on (>=); "above 0" starts just above it, so a 0 stays green.
            case ">" -> Thresholds.redFrom(condition.threshold() == 0 ? ABOVE_ZERO : condition.threshold());
            case "<" -> new FieldConfig.Thresholds("absolute", List.of(new FieldConfig.Step("red", null),
                    new FieldConfig.Step("green", condition.threshold())));
            default -> Thresholds.none();
        };
    }

    private static String grafanaUnit(AlertInstance instance) {
        return switch (instance.unit()) {
            case DURATION -> "s";
            case RATIO -> "percentunit";
            case NUMBER -> "short";
        };
    }
}
