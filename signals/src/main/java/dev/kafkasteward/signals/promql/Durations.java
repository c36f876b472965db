package dev.kafkasteward.signals.promql;

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

    /**
     * A range window ({@code [5m]}) times {@code scale}, to the millisecond: windows decide how long
     * an event keeps an alert firing, so a scaled test sees a dead letter resolve in seconds as
     * production sees it resolve in minutes. Millisecond precision keeps a scaled window a whole
     * number of {@link #testStep scaled test steps}, so the promtool tests stay exact.
     */
    public static PromDuration window(PromDuration window, double scale) {
        if (scale == 1.0 || window.value().isZero()) {
            return window;
        }
        return PromDuration.ofMillis(Math.max(1, Math.round(window.value().toMillis() * scale)));
    }

    /** {@link #window(PromDuration, double)} for a window written as Prometheus text, e.g. {@code 5m}. */
    public static String window(String window, double scale) {
        return window(parse(window), scale).text();
    }

    /** A duration the code writes as Prometheus text, e.g. {@code 5m}; text that is not one is a bug. */
    public static PromDuration parse(String text) {
        return PromDuration.parse(text).orElseThrow(() -> new IllegalArgumentException(
                "not a Prometheus duration: " + text));
    }

    /** The sampling and evaluation interval of scaled promtool tests: one minute, scaled. */
    public static PromDuration testStep(double scale) {
        return window(PromDuration.ofSeconds(60), scale);
    }
}
