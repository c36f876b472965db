package dev.kafkasteward.rules.render;

import dev.kafkasteward.signals.AlertInstance;
import dev.kafkasteward.signals.Links;
import dev.kafkasteward.signals.promql.TemplateVars;
import dev.kafkasteward.rules.prometheus.RuleFile.AlertingRule;
import java.util.SortedMap;
import java.util.TreeMap;

/** Renders an {@link AlertInstance} as an alerting rule, and its annotations for any {@link TemplateVars}. */
public final class InstanceRenderer {

    private final Links links;

    public InstanceRenderer(Links links) {
        this.links = links;
    }

    public AlertingRule render(AlertInstance instance) {
        return new AlertingRule(instance.alert(), instance.expr(), instance.alertFor().text(), instance.labels(),
                annotations(instance, TemplateVars.prometheus()));
    }

    public SortedMap<String, String> annotations(AlertInstance instance, TemplateVars vars) {
        SortedMap<String, String> annotations = new TreeMap<>();
        annotations.put("summary", instance.text().summary().apply(vars));
        annotations.put("description", instance.text().description().apply(vars));
        annotations.put("runbook_url", links.runbook(instance.alert()));
        annotations.put("dashboard_url", links.dashboard(instance.cluster(), instance.team()));
        return annotations;
    }
}
