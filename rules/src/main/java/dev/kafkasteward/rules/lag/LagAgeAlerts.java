package dev.kafkasteward.rules.lag;

import dev.kafkasteward.contract.ownership.Ownership;
import dev.kafkasteward.rules.alertmanager.AlertmanagerConfig.InhibitRule;
import dev.kafkasteward.rules.prom.PromQl;
import dev.kafkasteward.rules.prometheus.RuleFile.AlertingRule;
import dev.kafkasteward.rules.prometheus.RuleTestFile.Test;
import dev.kafkasteward.rules.signal.AlertFamily;
import java.util.List;

/**
 * Consumer lag age: for every consumer-group entry, a warning and a critical alert on the age of
 * the oldest unconsumed record per group and topic, routed to the entry's owner.
 */
public final class LagAgeAlerts implements AlertFamily {

    /** Alert name of the lower threshold. */
    public static final String WARNING_ALERT = LagAgeAlert.Level.WARNING.alertName();
    /** Alert name of the higher threshold. */
    public static final String CRITICAL_ALERT = LagAgeAlert.Level.CRITICAL.alertName();

    private final String runbookBaseUrl;
    private final String dashboardBaseUrl;
    private final LagAgePlanner planner;

    public LagAgeAlerts(String runbookBaseUrl, String dashboardBaseUrl, double timeScale, ConsumerEntries entries) {
        this.runbookBaseUrl = runbookBaseUrl;
        this.dashboardBaseUrl = dashboardBaseUrl;
        this.planner = new LagAgePlanner(entries, timeScale);
    }

    @Override
    public String name() {
        return "consumer-lag-age";
    }

    @Override
    public List<AlertingRule> rules(Ownership ownership) {
        LagAgeRuleRenderer renderer = renderer(ownership);
        return planner.plan(ownership).stream().map(renderer::render).toList();
    }

    @Override
    public List<Test> tests(Ownership ownership) {
        return new LagAgeTests(ownership, renderer(ownership)).tests(planner.plan(ownership));
    }

    /** While the critical alert fires for a group and topic, its warning is muted. */
    @Override
    public List<InhibitRule> inhibitRules() {
        return List.of(new InhibitRule(List.of(PromQl.eq("alertname", CRITICAL_ALERT)),
                List.of(PromQl.eq("alertname", WARNING_ALERT)), LagAgeRuleRenderer.BY));
    }

    private LagAgeRuleRenderer renderer(Ownership ownership) {
        return new LagAgeRuleRenderer(ownership.cluster(), runbookBaseUrl, dashboardBaseUrl);
    }
}
