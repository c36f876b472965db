package dev.kafkasteward.rules.signal;

import dev.kafkasteward.contract.ownership.Ownership;
import dev.kafkasteward.contract.ownership.Platform;
import dev.kafkasteward.rules.alertmanager.AlertmanagerConfig.InhibitRule;
import java.util.List;

/**
 * A family of {@link PlatformSignal}s: one alert per signal per cluster, routed to the platform
 * owner with the severity its rule gives the platform tier.
 */
public class PlatformFamily extends InstanceFamily {

    private final String name;
    private final java.util.function.Function<Ownership, List<PlatformSignal>> signals;
    private final List<InhibitRule> inhibitRules;

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
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public List<AlertInstance> instances(Ownership ownership) {
        Platform platform = ownership.platform();
        String cluster = ownership.cluster();
        Recipient to = new Recipient(platform.owner(), ownership.tier(platform.tier()), cluster);
        return signals.apply(ownership).stream().map(s -> to.alert(s.alert(), s.expr().apply(cluster),
                scaled(s.alertFor()), s.severity(), s.text(), List.of(s.scenario().apply(cluster)))).toList();
    }

    @Override
    public List<InhibitRule> inhibitRules() {
        return inhibitRules;
    }
}
