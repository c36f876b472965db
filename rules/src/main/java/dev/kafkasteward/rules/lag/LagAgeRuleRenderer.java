package dev.kafkasteward.rules.lag;

import dev.kafkasteward.contract.catalog.LagMetrics;
import dev.kafkasteward.contract.catalog.MetricDef;
import dev.kafkasteward.rules.prom.PromQl;
import dev.kafkasteward.rules.prom.TemplateVars;
import dev.kafkasteward.rules.prometheus.RuleFile.AlertingRule;
import dev.kafkasteward.rules.signal.DashboardLinks;
import java.util.List;
import java.util.Locale;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Renders a planned lag-age alert as a Prometheus alerting rule. The expression is built from the
 * catalog's {@link LagMetrics#LAG_AGE}; annotations are written once against {@link TemplateVars}
 * so the promtool tests can expand them for concrete series.
 */
final class LagAgeRuleRenderer {

    static final MetricDef METRIC = LagMetrics.LAG_AGE;
    /** The labels an alert keeps from the series: one alert per group and topic, not per partition. */
    static final List<String> BY = List.of("cluster", "group", "topic");

    private final String cluster;
    private final String runbookBaseUrl;
    private final String dashboardBaseUrl;

    LagAgeRuleRenderer(String cluster, String runbookBaseUrl, String dashboardBaseUrl) {
        this.cluster = cluster;
        this.runbookBaseUrl = runbookBaseUrl;
        this.dashboardBaseUrl = dashboardBaseUrl;
    }

    AlertingRule render(LagAgeAlert alert) {
        return new AlertingRule(alert.alertName(), expression(alert), alert.alertFor().text(), labels(alert),
                annotations(alert, TemplateVars.prometheus()));
    }

    String expression(LagAgeAlert alert) {
        return "max by (" + String.join(", ", BY) + ") (" + METRIC.select(alert.planned().matchers(cluster)
                .toArray(String[]::new)) + ") > "
                + PromQl.number(alert.thresholdSeconds());
    }

    /** The labels the rule adds; {@code group} and {@code topic} come from the series. */
    SortedMap<String, String> labels(LagAgeAlert alert) {
        SortedMap<String, String> labels = new TreeMap<>();
        labels.put("cluster", cluster);
        labels.put("team", alert.entry().owner());
        labels.put("severity", alert.severity().label());
        labels.put("tier", alert.tier().name());
        return labels;
    }

    /** Annotations; templates see only the series' labels, so rule labels are written in directly. */
    SortedMap<String, String> annotations(LagAgeAlert alert, TemplateVars v) {
        String threshold = alert.threshold().text();
        SortedMap<String, String> annotations = new TreeMap<>();
        annotations.put("summary", "Consumer group " + v.label("group") + " is more than " + threshold
                + " behind on topic " + v.label("topic") + ".");
        annotations.put("description", "The oldest record consumer group " + v.label("group")
                + " has not consumed from topic " + v.label("topic") + " in cluster " + v.label("cluster")
                + " is " + v.valueAsDuration() + " old, above the " + alert.level().word() + " threshold of "
                + threshold + " for " + alert.tier().name() + ". Owner: " + alert.entry().owner() + ".");
        annotations.put("runbook_url", runbookBaseUrl + "/" + alert.alertName().toLowerCase(Locale.ROOT) + ".md");
        annotations.put("dashboard_url", DashboardLinks.overview(dashboardBaseUrl, cluster, alert.entry().owner()));
        return annotations;
    }
}
