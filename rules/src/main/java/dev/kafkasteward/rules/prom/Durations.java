package dev.kafkasteward.rules.prom;

import dev.kafkasteward.contract.ownership.PromDuration;
import java.time.Duration;

/** Applies {@code RulesOptions.timeScale} to durations, the one place that rounding rule lives. */
public final class Durations {

    private Durations() {
    }

    /**
     * {@code duration} times {@code scale}. Unscaled durations keep the owner's text; a scaled
     * non-zero duration is rounded to whole seconds, at least 1s; zero stays zero.
     */
    public static PromDuration scale(PromDuration duration, double scale) {
        if (scale == 1.0 || duration.value().isZero()) {
            return duration;
        }
        long seconds = Math.max(1, Math.round(duration.value().toMillis() * scale / 1000.0));
        return PromDuration.ofSeconds(seconds);
    }

    public static PromDuration scale(Duration duration, double scale) {
        return scale(PromDuration.ofSeconds(duration.toSeconds()), scale);
    }
}
