package dev.kafkasteward.rules.alertmanager;

import dev.kafkasteward.signals.promql.Durations;
import java.time.Duration;

/**
 * How long Alertmanager waits before the first notification of a group, between updates, and
 * before repeating an unchanged one. Critical alerts notify sooner and repeat more often;
 * info alerts are batched and repeat daily.
 */
record Timings(String groupWait, String groupInterval, String repeatInterval) {

    static Timings warning(double scale) {
        return of(Duration.ofSeconds(30), Duration.ofMinutes(5), Duration.ofHours(4), scale);
    }

    /** Info alerts are for the next working day: batched, and repeated once a day. */
    static Timings info(double scale) {
        return of(Duration.ofMinutes(1), Duration.ofMinutes(30), Duration.ofHours(24), scale);
    }

    static Timings critical(double scale) {
        return of(Duration.ofSeconds(10), Duration.ofMinutes(1), Duration.ofHours(1), scale);
    }

    private static Timings of(Duration wait, Duration interval, Duration repeat, double scale) {
        return new Timings(Durations.scale(wait, scale).text(), Durations.scale(interval, scale).text(),
                Durations.scale(repeat, scale).text());
    }
}
