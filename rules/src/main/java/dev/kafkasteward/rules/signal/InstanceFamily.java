package dev.kafkasteward.rules.signal;

import dev.kafkasteward.contract.ownership.Ownership;
import dev.kafkasteward.contract.ownership.PromDuration;
import dev.kafkasteward.rules.alertmanager.AlertmanagerConfig.InhibitRule;
import dev.kafkasteward.rules.prom.Durations;
import dev.kafkasteward.rules.prometheus.RuleFile.Rule;
import dev.kafkasteward.rules.prometheus.RuleTestFile.Test;
import java.util.List;

/**
 * A family whose alerts are {@link AlertInstance}s: rules and promtool tests both derive from the
 * same instances, so a rule without a test cannot be written.
 */
public abstract class InstanceFamily implements AlertFamily {

    private final InstanceRenderer renderer;
    private final double timeScale;
    /** {@link #instances}, computed once for rules and tests of the same ownership. */
    private final OwnershipMemo<List<AlertInstance>> planned = new OwnershipMemo<>(o -> List.copyOf(instances(o)));

    /** @param timeScale the factor the family applied to its {@code for} and range windows */
    protected InstanceFamily(Links links, double timeScale) {
        this.renderer = new InstanceRenderer(links);
        this.timeScale = timeScale;
    }

    /** Every alert of this family for {@code ownership}, in a stable order. */
    public abstract List<AlertInstance> instances(Ownership ownership);

    /** None by default: most families have no severities or causes that explain one another. */
    @Override
    public List<InhibitRule> inhibitRules() {
        return List.of();
    }

    /** The factor this family applies to its {@code for} and range windows. */
    protected final double timeScale() {
        return timeScale;
    }

    /** A {@code for} duration, time-scaled. */
    protected final PromDuration scaled(PromDuration alertFor) {
        return Durations.scale(alertFor, timeScale);
    }

    /** A range window, time-scaled. */
    protected final PromDuration window(PromDuration window) {
        return Durations.window(window, timeScale);
    }

    /** A range window written as Prometheus text, e.g. {@code 5m}, time-scaled. */
    protected final String window(String window) {
        return Durations.window(window, timeScale);
    }

    @Override
    public List<? extends Rule> rules(Ownership ownership) {
        return planned.get(ownership).stream().map(renderer::render).toList();
    }

    @Override
    public List<Test> tests(Ownership ownership) {
        InstanceTests tests = new InstanceTests(renderer, timeScale);
        return planned.get(ownership).stream().flatMap(i -> i.scenarios().stream().map(s -> tests.test(i, s))).toList();
    }
}
