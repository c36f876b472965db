package dev.kafkasteward.signals.apps;

import dev.kafkasteward.contract.catalog.AlertCatalog;
import dev.kafkasteward.contract.catalog.FunnelMetrics;
import dev.kafkasteward.contract.ownership.Funnel;
import dev.kafkasteward.contract.ownership.Ownership;
import dev.kafkasteward.contract.ownership.PromDuration;
import dev.kafkasteward.contract.ownership.ResponsibilityArea;
import dev.kafkasteward.signals.ServingReplicas;
import dev.kafkasteward.signals.Condition;
import dev.kafkasteward.contract.ownership.Tier;
import dev.kafkasteward.signals.promql.PromQl;
import dev.kafkasteward.signals.promql.ValueUnit;
import dev.kafkasteward.signals.AlertInstance;
import dev.kafkasteward.signals.InstanceFamily;
import dev.kafkasteward.signals.Recipient;
import dev.kafkasteward.signals.Scenario;
import dev.kafkasteward.signals.Scenario.Firing;
import dev.kafkasteward.signals.Scenario.Input;
import dev.kafkasteward.signals.Scenarios;
import dev.kafkasteward.signals.SeverityRule;
import dev.kafkasteward.signals.Text;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Business funnels, to the funnel's owner: keys overdue in a stage (waiting longer than its
 * {@code max_wait}), and the conversion from one stage to the next dropping below a ratio over the
 * funnel's window while every broker looks healthy.
 */
public final class FunnelAlerts extends InstanceFamily {

    public static final String KEYS_OVERDUE = AlertCatalog.FUNNEL_KEYS_OVERDUE.name();
    public static final String CONVERSION_LOW = AlertCatalog.FUNNEL_CONVERSION_LOW.name();
    public static final String KEYS_DROPPED = AlertCatalog.FUNNEL_KEYS_DROPPED.name();
    public static final String CORRELATION_MISSES = AlertCatalog.FUNNEL_CORRELATION_MISSES.name();
    public static final String NOT_COPARTITIONED = AlertCatalog.FUNNEL_NOT_COPARTITIONED.name();
    /** Built-in: fewer than half the events of a stage reaching the next one is a broken flow, not a dip. */
    static final double MIN_CONVERSION = 0.5;

    public FunnelAlerts(double timeScale) {
        super(timeScale);
    }

    @Override
    public String name() {
        return "funnels";
    }

    @Override
    public List<AlertInstance> instances(Ownership ownership) {
        String cluster = ownership.cluster();
        List<AlertInstance> instances = new ArrayList<>();
        for (Funnel funnel : ownership.funnels()) {
            Tier tier = ownership.tier(funnel.tier());
            String owner = funnel.owner();
            Recipient recipient = Recipient.of(ownership, ResponsibilityArea.BUSINESS_COMPLETION, owner,
                    funnel.alsoNotify(), funnel.tier(), funnel.alerts());
            String c = PromQl.eq("cluster", cluster);
            String f = PromQl.eq("funnel", funnel.name());
            List<Funnel.Stage> overdueStages = funnel.overdueStages();
            if (!overdueStages.isEmpty()) {
                Funnel.Stage stage = overdueStages.get(0);
                // Summed: replicas split the stage partitions between them, each reports its share.
                instances.add(recipient.alert(KEYS_OVERDUE, Condition.above("sum by (cluster, funnel, stage) ("
                        + ServingReplicas.only(FunnelMetrics.KEYS_OVERDUE.select(c, f)) + ")", 0), scaled(tier.alertFor()),
                        SeverityRule.TIER,
                        new Text(v -> "Keys are overdue in stage " + v.label("stage") + " of funnel " + v.label("funnel")
                                + ".", v -> v.value(ValueUnit.NUMBER) + " keys of funnel " + v.label("funnel")
                                + " in cluster " + v.label("cluster") + " wait in stage " + v.label("stage")
                                + " longer than its max_wait. Owner: " + owner + "."),
                        List.of(Scenarios.gauge(FunnelMetrics.KEYS_OVERDUE, cluster, List.of("funnel", "stage"),
                                Map.of("funnel", funnel.name(), "stage", stage.name()), 3,
                                Map.of("funnel", funnel.name(), "stage", stage.name() + "-quiet"), 0))));
            }
            PromDuration window = window(funnel.window());
            if (funnel.correlation().isPresent()) {
                instances.add(keysDropped(recipient, funnel, cluster, window, tier));
                instances.add(correlationMisses(recipient, funnel, cluster, window));
                instances.add(notCopartitioned(recipient, funnel, cluster, window));
            }
            for (int i = 0; i + 1 < funnel.stages().size(); i++) {
                String from = funnel.stages().get(i).name();
                String to = funnel.stages().get(i + 1).name();
                Condition condition = Condition.below("sum by (cluster, funnel) (" + ServingReplicas.only("increase("
                        + FunnelMetrics.STAGE_EVENTS.select(c, f, PromQl.eq("stage", to)) + "[" + window.text() + "])")
                        + ") / sum by (cluster, funnel) (" + ServingReplicas.only("increase("
                        + FunnelMetrics.STAGE_EVENTS.select(c, f, PromQl.eq("stage", from)) + "[" + window.text() + "])")
                        + ")", MIN_CONVERSION);
                instances.add(recipient.alert(CONVERSION_LOW, condition, scaled(PromDuration.ofSeconds(900)),
                        SeverityRule.WARNING, Map.of("stage", to),
                        new Text(v -> "Few events of funnel " + v.label("funnel") + " reach stage " + v.text(to) + ".",
                                v -> "Only " + v.value(ValueUnit.RATIO) + " of the events that reached stage "
                                        + v.text(from) + " of funnel " + v.label("funnel") + " in cluster "
                                        + v.label("cluster") + " reached stage " + v.text(to) + " within " + window.text() + " (threshold "
                                        + PromQl.number(MIN_CONVERSION * 100) + "%). Owner: " + owner + "."),
                        conversionScenarios(cluster, funnel.name(), from, to, (int) (funnel.window().seconds() / 60))));
            }
        }
        return instances;
    }

    /**
     * Keys that expired unfinished over the window (seed 000: "payment events that never produce
     * fulfillment actions"), above the funnel's {@code max_dropped_keys}.
     */
    private AlertInstance keysDropped(Recipient recipient, Funnel funnel, String cluster, PromDuration window,
                                      Tier tier) {
        String c = PromQl.eq("cluster", cluster);
        String f = PromQl.eq("funnel", funnel.name());
        int max = funnel.truth().maxDroppedKeys();
        String stage = funnel.stages().get(0).name();
        return recipient.alert(KEYS_DROPPED, Condition.above("sum by (cluster, funnel, stage) ("
                        + ServingReplicas.only("increase(" + FunnelMetrics.KEYS_EXPIRED.select(c, f) + "["
                        + window.text() + "])") + ")", max), scaled(tier.alertFor()), SeverityRule.TIER,
                new Text(v -> "Keys of funnel " + v.label("funnel") + " were dropped in stage " + v.label("stage")
                        + " without finishing.", v -> v.value(ValueUnit.NUMBER) + " keys of funnel "
                        + v.label("funnel") + " in cluster " + v.label("cluster") + " waited in stage "
                        + v.label("stage") + " longer than the funnel window (" + funnel.window() + ") and were"
                        + " dropped unfinished within " + window.text() + " (allowed: " + max + "). Owner: "
                        + funnel.owner() + "."),
                // In test steps (a minute, scaled like the window): the window's increase is exactly steps x rate.
                List.of(Scenarios.counter(FunnelMetrics.KEYS_EXPIRED, cluster, List.of("funnel", "stage"),
                        Map.of("funnel", funnel.name(), "stage", stage), max + 2,
                        Map.of("funnel", funnel.name(), "stage", stage + "-quiet"), 0,
                        (max + 2) * windowSteps(funnel), windowSteps(funnel))));
    }

    /** Events whose correlation key cannot be read, as a share of the stage's events, above the funnel's ratio. */
    private AlertInstance correlationMisses(Recipient recipient, Funnel funnel, String cluster, PromDuration window) {
        String c = PromQl.eq("cluster", cluster);
        String f = PromQl.eq("funnel", funnel.name());
        double max = funnel.truth().maxCorrelationMissRatio().ratio();
        String stage = funnel.stages().get(0).name();
        Condition condition = Condition.above("sum by (cluster, funnel, stage) (" + ServingReplicas.only("increase("
                + FunnelMetrics.CORRELATION_MISSES.select(c, f) + "[" + window.text() + "])")
                + ") / sum by (cluster, funnel, stage) (" + ServingReplicas.only("increase("
                + FunnelMetrics.STAGE_EVENTS.select(c, f) + "[" + window.text() + "])") + ")", max);
        List<Scenario> scenarios = new ArrayList<>();
        int minutes = windowSteps(funnel);
        for (double missed : new double[] {5, 0}) {
            List<Input> inputs = new ArrayList<>();
            inputs.add(Input.counter(FunnelMetrics.STAGE_EVENTS, Map.of("cluster", cluster, "funnel", funnel.name(),
                    "stage", stage), 10));
            inputs.add(Input.counter(FunnelMetrics.CORRELATION_MISSES, Map.of("cluster", cluster, "funnel",
                    funnel.name(), "stage", stage, "reason", "missing"), missed));
            List<Firing> firing = missed / 10 > max
                    ? List.of(Firing.of(Map.of("cluster", cluster, "funnel", funnel.name(), "stage", stage), missed / 10))
                    : List.of();
            scenarios.add(new Scenario(inputs, firing, minutes));
        }
        return recipient.alert(CORRELATION_MISSES, condition, scaled(PromDuration.ofSeconds(900)), SeverityRule.WARNING,
                new Text(v -> "Events of funnel " + v.label("funnel") + " in stage " + v.label("stage")
                        + " carry no readable correlation key.", v -> v.value(ValueUnit.RATIO) + " of the events of"
                        + " stage " + v.label("stage") + " of funnel " + v.label("funnel") + " in cluster "
                        + v.label("cluster") + " had no readable correlation key within " + window.text()
                        + " (allowed: " + funnel.truth().maxCorrelationMissRatio().text() + "): they cannot be"
                        + " followed, so the funnel's waiting and dropped counts miss them. Owner: " + funnel.owner()
                        + "."),
                scenarios);
    }

    /**
     * Keys that turn up on two partition numbers: the stage topics are not keyed (or partitioned) alike,
     * so the waiting and dropped counts are not the truth (docs/dead-letters-and-funnels.md).
     */
    private AlertInstance notCopartitioned(Recipient recipient, Funnel funnel, String cluster, PromDuration window) {
        String c = PromQl.eq("cluster", cluster);
        String f = PromQl.eq("funnel", funnel.name());
        int steps = windowSteps(funnel);
        List<Scenario> scenarios = new ArrayList<>();
        for (double misplaced : new double[] {2, 0}) {
            List<Input> inputs = List.of(Input.counter(FunnelMetrics.KEYS_MISPLACED, Map.of("cluster", cluster,
                    "funnel", funnel.name(), "stage", funnel.stages().get(1).name()), misplaced));
            List<Firing> firing = misplaced > 0
                    ? List.of(Firing.of(Map.of("cluster", cluster, "funnel", funnel.name()), misplaced * steps))
                    : List.of();
            scenarios.add(new Scenario(inputs, firing, steps));
        }
        return recipient.alert(NOT_COPARTITIONED, Condition.above("sum by (cluster, funnel) (" + ServingReplicas.only(
                        "increase(" + FunnelMetrics.KEYS_MISPLACED.select(c, f) + "[" + window.text() + "])") + ")", 0),
                scaled(PromDuration.ofSeconds(300)), SeverityRule.WARNING,
                new Text(v -> "The stage topics of funnel " + v.label("funnel") + " are not co-partitioned.",
                        v -> v.value(ValueUnit.NUMBER) + " keys of funnel " + v.label("funnel") + " in cluster "
                                + v.label("cluster") + " arrived on a partition number other than the one they were"
                                + " followed on within " + window.text() + ": the stage topics are not keyed or"
                                + " partitioned alike, so its waiting, overdue and dropped counts are inflated."
                                + " Owner: " + funnel.owner() + "."),
                scenarios);
    }

    /** The funnel's window in promtool test steps: minutes at time scale 1, scaled as the window is otherwise. */
    private static int windowSteps(Funnel funnel) {
        return (int) Math.max(1, funnel.window().seconds() / 60);
    }

    /** 10 events a minute enter, 2 move on (20 %, fires); with 8 moving on (80 %) it stays silent. */
    private static List<Scenario> conversionScenarios(String cluster, String funnel, String from, String to,
                                                      int windowMinutes) {
        List<Scenario> scenarios = new ArrayList<>();
        for (double next : new double[] {2, 8}) {
            List<Input> inputs = new ArrayList<>();
            for (String c : List.of(cluster, cluster + Scenarios.OTHER_CLUSTER_SUFFIX)) {
                inputs.add(Input.counter(FunnelMetrics.STAGE_EVENTS, Map.of("cluster", c, "funnel", funnel, "stage",
                        from), 10));
                inputs.add(Input.counter(FunnelMetrics.STAGE_EVENTS, Map.of("cluster", c, "funnel", funnel, "stage",
                        to), next));
            }
            List<Firing> firing = next / 10 < MIN_CONVERSION
                    ? List.of(Firing.of(Map.of("cluster", cluster, "funnel", funnel), next / 10)) : List.of();
            scenarios.add(new Scenario(inputs, firing, windowMinutes));
        }
        return scenarios;
    }
}
