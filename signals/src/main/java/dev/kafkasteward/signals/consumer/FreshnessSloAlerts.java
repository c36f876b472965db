package dev.kafkasteward.signals.consumer;

import dev.kafkasteward.contract.catalog.AlertCatalog;
import dev.kafkasteward.contract.catalog.LagMetrics;
import dev.kafkasteward.contract.ownership.FreshnessObjective;
import dev.kafkasteward.contract.ownership.Ownership;
import dev.kafkasteward.contract.ownership.PromDuration;
import dev.kafkasteward.signals.ServingReplicas;
import dev.kafkasteward.signals.Inhibition;
import dev.kafkasteward.signals.promql.PromQl;
import dev.kafkasteward.signals.promql.ValueUnit;
import dev.kafkasteward.signals.Recording;
import dev.kafkasteward.signals.AlertInstance;
import dev.kafkasteward.signals.Condition;
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
import java.util.TreeSet;

/**
 * Freshness SLOs: for every consumer-group entry with a {@code freshness} objective, the SLI
 * "lag age at most X" as a recorded 0/1 error per group, its average over every burn window, and
 * multi-window multi-burn-rate alerts: a page (tier severity) and a ticket (warning).
 */
public final class FreshnessSloAlerts extends ConsumerFamily {

    public static final String PAGE = AlertCatalog.CONSUMER_FRESHNESS_BUDGET_BURN.name();
    public static final String TICKET = AlertCatalog.CONSUMER_FRESHNESS_BUDGET_BURN_SLOW.name();
    /** 1 while the group's worst lag age is above its objective's threshold, 0 while within it. */
    public static final String ERROR_SERIES = "kafka_steward:freshness_error";
    private static final int SCENARIO_MINUTES = 60;

    public FreshnessSloAlerts(ConsumerEntries entries) {
        // Never scaled: the objective's 30-day window and burn windows are what the SLO means.
        super(1.0, entries);
    }

    @Override
    public String name() {
        return "freshness-slo";
    }

    /** The average of {@link #ERROR_SERIES} over {@code window}: the error ratio the burn rate divides. */
    static String ratioSeries(PromDuration window) {
        return ERROR_SERIES + ":avg" + window.text();
    }

    @Override
    public List<Recording> recordings(Ownership ownership) {
        List<Recording> rules = new ArrayList<>();
        TreeSet<Long> windows = new TreeSet<>();
        for (ConsumerEntries.Planned p : entries(ownership)) {
            FreshnessObjective slo = p.entry().freshness().orElseThrow();
            rules.add(new Recording(ERROR_SERIES, "max by (cluster, group) (" + ServingReplicas.only(
                    LagMetrics.LAG_AGE.select(p.matchers(ownership.cluster()).toArray(String[]::new))) + ") > bool "
                    + PromQl.number(slo.lagAgeUnder().seconds())));
            for (BurnWindow w : all(slo.window())) {
                windows.add(w.longWindow().seconds());
                windows.add(w.shortWindow().seconds());
            }
        }
        for (long seconds : windows) {
            PromDuration window = PromDuration.ofSeconds(seconds);
            rules.add(new Recording(ratioSeries(window), "avg_over_time(" + ERROR_SERIES + "["
                    + window.text() + "])"));
        }
        return rules;
    }

    @Override
    void instances(ConsumerEntries.Planned p, String cluster, List<AlertInstance> instances) {
        FreshnessObjective slo = p.entry().freshness().orElseThrow();
        // Decimal arithmetic: 1 - 0.995 is 0.0050000000000000044 in doubles, and the expression shows it.
        double budget = java.math.BigDecimal.ONE.subtract(java.math.BigDecimal.valueOf(slo.objective().ratio()))
                .doubleValue();
        if (budget <= 0) {
            return; // a 100 % objective has no budget to burn; nothing to alert on
        }
        String owner = p.entry().owner();
        Recipient to = p.recipient();
        String objective = "lag age under " + slo.lagAgeUnder().text() + " for " + slo.objective().text()
                + " of " + slo.window().text();
        instances.add(to.alert(PAGE, Condition.of(expr(p, cluster, budget, BurnWindow.page(slo.window()))),
                PromDuration.ofSeconds(0), SeverityRule.TIER, text("fast", objective, owner),
                scenarios(p, cluster, slo, budget)));
        instances.add(to.alert(TICKET, Condition.of(expr(p, cluster, budget, BurnWindow.ticket(slo.window()))),
                PromDuration.ofSeconds(0), SeverityRule.WARNING, text("steadily", objective, owner),
                scenarios(p, cluster, slo, budget)));
    }

    /** Only entries with a freshness objective have an SLO to burn. */
    @Override
    List<ConsumerEntries.Planned> entries(Ownership ownership) {
        return super.entries(ownership).stream().filter(p -> p.entry().freshness().isPresent()).toList();
    }

    private static List<BurnWindow> all(PromDuration window) {
        List<BurnWindow> all = new ArrayList<>(BurnWindow.page(window));
        all.addAll(BurnWindow.ticket(window));
        return all;
    }

    /** {@code (long/budget > f and short/budget > f) or (...)}; the value is the long window's burn rate. */
    private static String expr(ConsumerEntries.Planned p, String cluster, double budget, List<BurnWindow> windows) {
        String[] matchers = p.matchers(cluster).toArray(String[]::new);
        List<String> arms = new ArrayList<>();
        for (BurnWindow w : windows) {
            String factor = PromQl.number(w.factor());
            arms.add("(" + ratioSeries(w.longWindow()) + "{" + String.join(", ", matchers) + "} / "
                    + PromQl.number(budget) + " > " + factor + " and " + ratioSeries(w.shortWindow()) + "{"
                    + String.join(", ", matchers) + "} / " + PromQl.number(budget) + " > " + factor + ")");
        }
        return String.join(" or ", arms);
    }

    private static Text text(String pace, String objective, String owner) {
        return new Text(v -> "Consumer group " + v.label("group") + " burns its freshness error budget " + pace + ".",
                v -> "Consumer group " + v.label("group") + " in cluster " + v.label("cluster") + " burns the error"
                        + " budget of its objective (" + objective + ") " + v.value(ValueUnit.NUMBER)
                        + " times faster than sustainable. Owner: " + owner + ".");
    }

    /** Lag age above the threshold for an hour fires (burn rate 1/budget); just under it stays silent. */
    private static List<Scenario> scenarios(ConsumerEntries.Planned p, String cluster, FreshnessObjective slo,
                                            double budget) {
        return p.sample().map(group -> {
            double threshold = slo.lagAgeUnder().seconds();
            List<Input> bad = List.of(
                    Input.gauge(LagMetrics.LAG_AGE, Map.of("cluster", cluster, "group", group, "topic", "orders",
                            "partition", "0"), threshold + 30),
                    Input.gauge(LagMetrics.LAG_AGE, Map.of("cluster", cluster + Scenarios.OTHER_CLUSTER_SUFFIX,
                            "group", group, "topic", "orders", "partition", "0"), threshold + 30));
            List<Input> good = List.of(Input.gauge(LagMetrics.LAG_AGE, Map.of("cluster", cluster, "group", group,
                    "topic", "orders", "partition", "0"), Math.max(0, threshold - 1)));
            return List.of(
                    new Scenario(bad, List.of(Firing.of(Map.of("cluster", cluster, "group", group), 1 / budget)),
                            SCENARIO_MINUTES),
                    new Scenario(good, List.of(), SCENARIO_MINUTES));
        }).orElse(List.of());
    }

    /** While the fast burn pages, the slow-burn ticket for the same group is noise. */
    @Override
    public List<Inhibition> inhibitions() {
        return List.of(Inhibition.of(PAGE, PromQl.eq("alertname", TICKET), List.of("cluster", "group")));
    }
}
