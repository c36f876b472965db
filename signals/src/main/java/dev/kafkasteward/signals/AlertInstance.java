package dev.kafkasteward.signals;

import dev.kafkasteward.contract.ownership.PromDuration;
import dev.kafkasteward.contract.ownership.Severity;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One alert of a signal for one asset (or for the platform): the rule, who it goes to, and the
 * promtool scenario that proves it. Families build these; {@link InstanceRenderer} and
 * {@link InstanceTests} turn them into YAML records.
 *
 * @param alert       CamelCase alert name
 * @param expr        PromQL built from catalog {@code MetricDef}s
 * @param alertFor    how long the condition must hold (already time-scaled)
 * @param severity    from the signal's {@link SeverityRule} and the asset's tier
 * @param team        the owner, who receives it
 * @param tier        the asset's tier
 * @param cluster     the ownership cluster
 * @param extraLabels labels the rule adds besides cluster/team/severity/tier, e.g. the funnel stage a
 *                    conversion alert is about when the expression does not keep it
 * @param text        summary and description
 * @param scenarios   the promtool tests: each states exactly what fires (possibly nothing)
 */
public record AlertInstance(String alert, String expr, PromDuration alertFor, Severity severity, String team,
                            String tier, String cluster, Map<String, String> extraLabels, Text text,
                            List<Scenario> scenarios) {

    /** Monitoring-mixins convention: alert names stay readable in notifications. */
    public static final int MAX_NAME_LENGTH = 40;

    public AlertInstance {
        if (!alert.matches("[A-Z][A-Za-z0-9]*") || alert.length() > MAX_NAME_LENGTH) {
            throw new IllegalArgumentException("alert name must be CamelCase, at most " + MAX_NAME_LENGTH
                    + " characters: " + alert);
        }
        extraLabels = Collections.unmodifiableSortedMap(new TreeMap<>(extraLabels));
        scenarios = List.copyOf(scenarios);
    }

    /** The labels the rule sets. */
    public SortedMap<String, String> labels() {
        SortedMap<String, String> labels = new TreeMap<>(extraLabels);
        labels.put("cluster", cluster);
        labels.put("team", team);
        labels.put("severity", severity.label());
        labels.put("tier", tier);
        return labels;
    }
}
