package dev.kafkasteward.signals;

import dev.kafkasteward.contract.ownership.PromDuration;
import dev.kafkasteward.signals.promql.Durations;

/**
 * Base of the families: the time scale they apply to their {@code for} and range windows (end-to-end
 * tests run production rules with minutes shrunk to seconds).
 */
public abstract class InstanceFamily implements SignalFamily {

    private final double timeScale;

    /** @param timeScale the factor the family applies to its {@code for} and range windows */
    protected InstanceFamily(double timeScale) {
        this.timeScale = timeScale;
    }

    @Override
    public final double timeScale() {
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
}
