package dev.kafkasteward.signals.change;

import dev.kafkasteward.contract.catalog.JmxMetrics;
import dev.kafkasteward.contract.catalog.MetricDef;
import dev.kafkasteward.contract.gate.GateCondition;
import dev.kafkasteward.contract.ownership.Ownership;
import dev.kafkasteward.contract.ownership.PromDuration;
import dev.kafkasteward.signals.AlertInstance;
import dev.kafkasteward.signals.Condition;
import dev.kafkasteward.signals.Recording;
import dev.kafkasteward.signals.Scenario;
import dev.kafkasteward.signals.Scenario.Firing;
import dev.kafkasteward.signals.Scenario.Input;
import dev.kafkasteward.signals.Scenarios;
import dev.kafkasteward.signals.promql.Durations;
import dev.kafkasteward.signals.promql.PromQl;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Seed 000's stop conditions as recording rules: one series of {@link GateCondition#SERIES} per condition and
 * asset that blocks a change now, valued with what the condition measures, labelled with the condition, the
 * asset's owner ({@code team}) and the threshold. Built from the alerts the conditions name, so a gate
 * condition and its alert cannot disagree: a {@code NOW} condition is each of its alerts' instances' condition
 * (without {@code for}, whether or not the entry turned the alert off: a muted page does not make a restart
 * safe); a {@code LASTING} one is its alerts while they fire ({@code ALERTS}); a {@code BASELINE} one compares
 * failed requests with the last hour. {@code kafka-steward gate} reads the series.
 */
public final class ChangeGate {

    /** Labels of {@code ALERTS} that say nothing about the asset; the rest (team, the asset's labels) stay. */
    static final List<String> ALERT_ONLY_LABELS = List.of("alertstate", "severity", "tier", AlertInstance.ALSO_NOTIFY_LABEL);
    static final String FIRING = "firing";
    /** The recent window and the baseline of the failed-request conditions. */
    static final String RECENT = "5m";
    static final String BASELINE = "1h";

    private final double timeScale;

    public ChangeGate(double timeScale) {
        this.timeScale = timeScale;
    }

    /** Every gate rule for {@code ownership}, given every alert instance planned for it (enabled or not). */
    public List<GateRule> rules(Ownership ownership, List<AlertInstance> instances) {
        String cluster = ownership.cluster();
        List<GateRule> out = new ArrayList<>();
        for (GateCondition condition : GateCondition.values()) {
            switch (condition.mode()) {
                case NOW -> instances.stream().filter(i -> condition.alerts().contains(i.alert()))
                        .forEach(i -> out.add(now(condition, i)));
                case LASTING -> out.add(lasting(condition, cluster));
                case BASELINE -> out.add(baseline(condition, cluster, ownership.platform().owner()));
            }
        }
        return out;
    }

    private static GateRule now(GateCondition condition, AlertInstance instance) {
        Condition c = instance.condition();
        String threshold = c.hasThreshold() ? c.comparison() + " " + PromQl.number(c.threshold()) : "its alert's condition";
        Map<String, String> labels = labels(condition, instance.team(), threshold);
        List<Scenario> scenarios = instance.scenarios().stream().map(s -> new Scenario(s.inputs(),
                s.firing().stream().map(f -> Firing.of(with(f.labels(), labels), f.value())).toList(),
                s.rangeMinutes())).toList();
        return new GateRule(condition, Recording.labelled(GateCondition.SERIES, c.expr(), labels),
                instance.alertFor(), scenarios);
    }

    /** Its alerts while they fire, one series per alert and asset, valued 1; the owner is the alert's. */
    private static GateRule lasting(GateCondition condition, String cluster) {
        String expr = "max without (" + String.join(", ", ALERT_ONLY_LABELS) + ") (ALERTS{"
                + PromQl.eq("alertstate", FIRING) + ", " + PromQl.eq("cluster", cluster) + ", "
                + PromQl.matchesAny("alertname", condition.alerts()) + "})";
        Map<String, String> labels = new TreeMap<>(Map.of(GateCondition.CONDITION_LABEL, condition.label(),
                GateCondition.THRESHOLD_LABEL, FIRING));
        String alert = condition.alerts().get(0);
        Map<String, String> asset = Map.of("cluster", cluster, "alertname", alert, "team", "owners", "asset", "a");
        List<Input> inputs = List.of(
                new Input("ALERTS", new TreeMap<>(with(asset, Map.of("alertstate", FIRING, "severity", "critical",
                        "tier", "tier-1", AlertInstance.ALSO_NOTIFY_LABEL, "platform"))), 1, 0),
                new Input("ALERTS", new TreeMap<>(with(asset, Map.of("asset", "pending", "alertstate", "pending",
                        "severity", "critical", "tier", "tier-1"))), 1, 0),
                new Input("ALERTS", new TreeMap<>(with(asset, Map.of("cluster", cluster
                        + Scenarios.OTHER_CLUSTER_SUFFIX, "alertstate", FIRING))), 1, 0));
        Scenario scenario = new Scenario(inputs, List.of(Firing.of(with(asset, labels), 1)), 0);
        return new GateRule(condition, Recording.labelled(GateCondition.SERIES, expr, labels), PromDuration.ofMillis(0),
                List.of(scenario));
    }

    /**
     * Failed requests per broker now against twice the rate of the hour before (none before counts as a rate
     * of 0: a broker that starts failing blocks); owned by the platform.
     */
    private GateRule baseline(GateCondition condition, String cluster, String platformOwner) {
        MetricDef metric = condition == GateCondition.FAILED_PRODUCE_REQUESTS ? JmxMetrics.FAILED_PRODUCE_REQUESTS
                : JmxMetrics.FAILED_FETCH_REQUESTS;
        String recent = Durations.window(RECENT, timeScale);
        String selector = metric.select(PromQl.eq("cluster", cluster));
        String now = "sum by (cluster, instance) (rate(" + selector + "[" + recent + "]))";
        String before = "sum by (cluster, instance) (rate(" + selector + "[" + Durations.window(BASELINE, timeScale)
                + "] offset " + recent + "))";
        Condition c = Condition.above("(" + now + " - 2 * (" + before + " or " + now + " * 0))", 0);
        Map<String, String> labels = labels(condition, platformOwner, "> 2x last " + BASELINE);
        // Minutes are the scaled test steps. Broker 1 fails nothing for the hour, then 6 requests a minute: it
        // blocks. Broker 2 has failed 6 a minute all along, its baseline: it does not.
        int hour = (int) Durations.parse(BASELINE).value().toMinutes();
        int recentMinutes = (int) Durations.parse(RECENT).value().toMinutes();
        Map<String, String> broker1 = Map.of("cluster", cluster, "instance", "broker-1:7071");
        List<Input> inputs = List.of(
                new Input(metric.name(), new TreeMap<>(broker1), 0, 6, hour),
                new Input(metric.name(), new TreeMap<>(Map.of("cluster", cluster, "instance", "broker-2:7071")), 0, 6));
        Scenario scenario = new Scenario(inputs, List.of(Firing.of(with(broker1, labels), Firing.ANY_VALUE)),
                hour + recentMinutes - 1);
        return new GateRule(condition, Recording.labelled(GateCondition.SERIES, c.expr(), labels),
                PromDuration.ofMillis(0), List.of(scenario));
    }

    private static Map<String, String> labels(GateCondition condition, String team, String threshold) {
        return new TreeMap<>(Map.of(GateCondition.CONDITION_LABEL, condition.label(), GateCondition.TEAM_LABEL, team,
                GateCondition.THRESHOLD_LABEL, threshold));
    }

    private static Map<String, String> with(Map<String, String> a, Map<String, String> b) {
        Map<String, String> all = new TreeMap<>(a);
        all.putAll(b);
        return all;
    }
}
