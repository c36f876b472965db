package dev.kafkasteward.exporter.disk;

import java.time.Duration;

/**
 * How the disk forecaster looks at history.
 *
 * @param window     how far back the regression and the topic byte rates look; it should span several
 *                   segment-deletion periods so their saw-tooth averages out
 * @param maxSamples most samples kept per log dir; older samples are thinned to window / maxSamples apart
 * @param minSamples fewer samples than this give no estimate
 * @param minSpan    samples spanning less time than this give no estimate
 */
public record ForecastSettings(Duration window, int maxSamples, int minSamples, Duration minSpan) {

    public static final ForecastSettings DEFAULTS =
            new ForecastSettings(Duration.ofHours(6), 240, 10, Duration.ofMinutes(15));

    public ForecastSettings {
        if (window.isNegative() || window.isZero() || maxSamples < 3 || minSamples < 3) {
            throw new IllegalArgumentException("forecast needs a positive window and at least 3 samples");
        }
    }

    /** Samples closer together than this (except the newest) are thinned out. */
    Duration minSpacing() {
        return window.dividedBy(maxSamples);
    }
}
