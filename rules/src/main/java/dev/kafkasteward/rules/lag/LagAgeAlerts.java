package dev.kafkasteward.rules.lag;

import dev.kafkasteward.contract.ownership.Ownership;
import dev.kafkasteward.rules.alertmanager.AlertmanagerConfig.InhibitRule;
import dev.kafkasteward.rules.prom.PromQl;
import dev.kafkasteward.rules.prometheus.RuleFile.AlertingRule;
import dev.kafkasteward.rules.prometheus.RuleTestFile.Test;
import dev.kafkasteward.rules.signal.AlertFamily;
import dev.kafkasteward.rules.signal.InstanceRenderer;
import dev.kafkasteward.rules.signal.Links;
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

    private final InstanceRenderer renderer;
    private final LagAgePlanner planner;

    public LagAgeAlerts(Links links, double timeScale, ConsumerEntries entries) {
        this.renderer = new InstanceRenderer(links);
        this.planner = new LagAgePlanner(entries, timeScale);
    }

    @Override
    public String name() {
        return "consumer-lag-age";
    }

    @Override
    public List<AlertingRule> rules(Ownership ownership) {
        return planner.plan(ownership).stream().map(a -> renderer.render(a.instance(ownership.cluster()))).toList();
    }

    @Override
    public List<Test> tests(Ownership ownership) {
        return new LagAgeTests(ownership, renderer).tests(planner.plan(ownership));
    }

    /** While the critical alert fires for a group and topic, its warning is muted. */
    @Override
    public List<InhibitRule> inhibitRules() {
        return List.of(InhibitRule.of(CRITICAL_ALERT, PromQl.eq("alertname", WARNING_ALERT), LagAgeAlert.BY));
    }
}
