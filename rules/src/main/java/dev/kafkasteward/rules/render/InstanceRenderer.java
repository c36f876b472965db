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
        // Prometheus expands an alerting rule's label values as templates too: print each as written.
        TemplateVars prometheus = TemplateVars.prometheus();
        SortedMap<String, String> labels = new TreeMap<>();
        instance.labels().forEach((name, value) -> labels.put(name, prometheus.text(value)));
        return new AlertingRule(instance.alert(), instance.expr(), instance.alertFor().text(), labels,
                annotations(instance, prometheus));
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
