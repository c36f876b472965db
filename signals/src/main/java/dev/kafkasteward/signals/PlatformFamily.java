package dev.kafkasteward.signals;

import dev.kafkasteward.contract.ownership.Ownership;
import dev.kafkasteward.contract.ownership.ResponsibilityArea;
import java.util.List;
import java.util.function.Function;

/**
 * A family of {@link PlatformSignal}s: one alert per signal per cluster, routed to the platform
 * owner (and the area's shared owners) with the severity its rule gives the platform tier.
 */
public class PlatformFamily extends InstanceFamily {

    private final String name;
    private final ResponsibilityArea area;
    private final Function<Ownership, List<PlatformSignal>> signals;
    private final List<Inhibition> inhibitions;
    private final Function<String, List<Recording>> recordings;

    public PlatformFamily(String name, ResponsibilityArea area, double timeScale, List<PlatformSignal> signals,
                          List<Inhibition> inhibitions) {
        this(name, area, timeScale, o -> signals, inhibitions);
    }

    /** Signals whose thresholds come from ownership.yml (for instance {@code platform.disk}). */
    public PlatformFamily(String name, ResponsibilityArea area, double timeScale,
                          Function<Ownership, List<PlatformSignal>> signals, List<Inhibition> inhibitions) {
        this(name, area, timeScale, signals, inhibitions, cluster -> List.of());
    }

    /** With recording rules (per cluster) that this family's, or other families', alerts read. */
    public PlatformFamily(String name, ResponsibilityArea area, double timeScale,
                          Function<Ownership, List<PlatformSignal>> signals, List<Inhibition> inhibitions,
                          Function<String, List<Recording>> recordings) {
        super(timeScale);
        this.name = name;
        this.area = area;
        this.signals = signals;
        this.inhibitions = List.copyOf(inhibitions);
        this.recordings = recordings;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public List<AlertInstance> instances(Ownership ownership) {
        String cluster = ownership.cluster();
        Recipient to = Recipient.platform(ownership, area);
        return signals.apply(ownership).stream().map(s -> to.alert(s.alert(), s.condition().apply(cluster),
                scaled(s.alertFor()), s.severity(), s.text(), List.of(s.scenario().apply(cluster)))).toList();
    }

    @Override
    public List<Recording> recordings(Ownership ownership) {
        return recordings.apply(ownership.cluster());
    }

    @Override
    public List<Inhibition> inhibitions() {
        return inhibitions;
    }
}
