package dev.kafkasteward.signals;

import dev.kafkasteward.contract.ownership.PromDuration;
import dev.kafkasteward.contract.ownership.ResponsibilityArea;
import dev.kafkasteward.contract.ownership.Severity;
import dev.kafkasteward.signals.promql.TemplateVars;
import dev.kafkasteward.signals.promql.ValueUnit;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One alert of a signal for one asset (or for the platform): the condition, who it goes to, and the
 * promtool scenario that proves it. Families build these; the rules module renders them as rules and
 * tests, the grafana module as panels.
 *
 * @param alert       CamelCase alert name
 * @param condition   the value (PromQL built from catalog {@code MetricDef}s) and its threshold
 * @param alertFor    how long the condition must hold (already time-scaled)
 * @param severity    from the signal's {@link SeverityRule} and the asset's tier
 * @param team        the owner, who receives it
 * @param alsoNotify  teams that receive it too (shared responsibility), sorted, never {@code team}
 * @param area        the row of seed 000's ownership table the alert belongs to
 * @param tier        the asset's tier
 * @param cluster     the ownership cluster
 * @param extraLabels labels the rule adds besides cluster/team/severity/tier, e.g. the funnel stage a
 *                    conversion alert is about when the expression does not keep it
 * @param text        summary and description
 * @param scenarios   the promtool tests: each states exactly what fires (possibly nothing)
 * @param enabled     false when the entry turned the alert off ({@code alerts:}): it is planned, not generated
 */
public record AlertInstance(String alert, Condition condition, PromDuration alertFor, Severity severity, String team,
                            List<String> alsoNotify, ResponsibilityArea area, String tier, String cluster,
                            Map<String, String> extraLabels, Text text, List<Scenario> scenarios, boolean enabled) {

    /** Monitoring-mixins convention: alert names stay readable in notifications. */
    public static final int MAX_NAME_LENGTH = 40;
    /** The label listing {@link #alsoNotify}, comma-separated; Alertmanager routes each team on it. */
    public static final String ALSO_NOTIFY_LABEL = "also_notify";

    public AlertInstance {
        if (!alert.matches("[A-Z][A-Za-z0-9]*") || alert.length() > MAX_NAME_LENGTH) {
            throw new IllegalArgumentException("alert name must be CamelCase, at most " + MAX_NAME_LENGTH
                    + " characters: " + alert);
        }
        alsoNotify = List.copyOf(new java.util.TreeSet<>(alsoNotify));
        if (alsoNotify.contains(team)) {
            throw new IllegalArgumentException(alert + ": the owner " + team + " is not also notified");
        }
        extraLabels = Collections.unmodifiableSortedMap(new TreeMap<>(extraLabels));
        scenarios = List.copyOf(scenarios);
    }

    /** The alerting expression. */
    public String expr() {
        return condition.expr();
    }

    /**
     * What the alert's value measures: the unit its description prints the value in (read from the text
     * itself, so text and panels cannot disagree); {@link ValueUnit#NUMBER} when the text prints no value.
     */
    public ValueUnit unit() {
        ValueUnit[] printed = {ValueUnit.NUMBER};
        text.description().apply(new TemplateVars() {
            @Override
            public String label(String name) {
                return name;
            }

            @Override
            public String value(ValueUnit unit) {
                printed[0] = unit;
                return "";
            }
        });
        return printed[0];
    }

    /** The summary with each label shown as {@code <label>}: what the alert says, for any asset. */
    public String genericSummary() {
        return text.summary().apply(new TemplateVars() {
            @Override
            public String label(String name) {
                return "<" + name + ">";
            }

            @Override
            public String value(ValueUnit unit) {
                return "<value>";
            }
        });
    }

    /** Every team the alert reaches: the owner first, then the others. */
    public List<String> teams() {
        List<String> teams = new java.util.ArrayList<>(List.of(team));
        teams.addAll(alsoNotify);
        return teams;
    }

    /** The labels the rule sets. */
    public SortedMap<String, String> labels() {
        SortedMap<String, String> labels = new TreeMap<>(extraLabels);
        labels.put("cluster", cluster);
        labels.put("team", team);
        labels.put("severity", severity.label());
        labels.put("tier", tier);
        if (!alsoNotify.isEmpty()) {
            labels.put(ALSO_NOTIFY_LABEL, String.join(",", alsoNotify));
        }
        return labels;
    }
}
