package dev.kafkasteward.rules.signal;

import dev.kafkasteward.contract.ownership.Ownership;
import dev.kafkasteward.contract.ownership.Platform;
import dev.kafkasteward.contract.ownership.Tier;
import dev.kafkasteward.rules.alertmanager.AlertmanagerConfig.InhibitRule;
import dev.kafkasteward.rules.prom.Durations;
import java.util.List;
import java.util.Map;

/**
 * A family of {@link PlatformSignal}s: one alert per signal per cluster, routed to the platform
 * owner with the severity its rule gives the platform tier.
 */
public class PlatformFamily extends InstanceFamily {

    private final String name;
    private final java.util.function.Function<Ownership, List<PlatformSignal>> signals;
    private final List<InhibitRule> inhibitRules;
    private final double timeScale;

    public PlatformFamily(String name, Links links, double timeScale, List<PlatformSignal> signals,
                          List<InhibitRule> inhibitRules) {
        this(name, links, timeScale, o -> signals, inhibitRules);
    }

    /** Signals whose thresholds come from ownership.yml (for instance {@code platform.disk}). */
    public PlatformFamily(String name, Links links, double timeScale,
                          java.util.function.Function<Ownership, List<PlatformSignal>> signals,
                          List<InhibitRule> inhibitRules) {
        super(links, timeScale);
        this.name = name;
        this.signals = signals;
        this.inhibitRules = List.copyOf(inhibitRules);
        this.timeScale = timeScale;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public List<AlertInstance> instances(Ownership ownership) {
        Platform platform = ownership.platform();
        Tier tier = ownership.tier(platform.tier());
        String cluster = ownership.cluster();
        return signals.apply(ownership).stream().map(s -> new AlertInstance(s.alert(), s.expr().apply(cluster),
                Durations.scale(s.alertFor(), timeScale), s.severity().apply(tier), platform.owner(), tier.name(),
                cluster, Map.of(), s.text(), List.of(s.scenario().apply(cluster)))).toList();
    }

    @Override
    public List<InhibitRule> inhibitRules() {
        return inhibitRules;
    }
}
