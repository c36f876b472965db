package dev.kafkasteward.exporter.disk;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * A line fitted to a series by a long-baseline Theil–Sen estimator: the slope is the median of the
 * slopes between all pairs of samples at least half the series' span apart, and the level the median
 * residual. Outliers and noise move a median little; and because every pair spans many deletion
 * periods, the saw-tooth of segment deletion (slow rise, sudden drop) adds at most its amplitude
 * divided by half the span to any one pair's slope, and about nothing to the median. Plain Theil–Sen
 * over all pairs would instead follow the rising edges of the teeth.
 *
 * @param slope per second
 * @param level value of the line at {@code at}, the time of the newest sample
 */
record RobustTrend(double slope, double level, Instant at) {

    static <T> RobustTrend fit(List<T> samples, ToDoubleFunction<T> value, java.util.function.Function<T, Instant> time) {
        int n = samples.size();
        if (n < 2) {
            throw new IllegalArgumentException("a trend needs two samples");
        }
        Instant last = time.apply(samples.get(n - 1));
        double[] t = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = Duration.between(last, time.apply(samples.get(i))).toMillis() / 1000.0; // <= 0
            y[i] = value.applyAsDouble(samples.get(i));
        }
        double minBaseline = (t[n - 1] - t[0]) / 2;
        double[] slopes = new double[n * (n - 1) / 2];
        int k = 0;
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                double dt = t[j] - t[i];
                if (dt > 0 && dt >= minBaseline) {
                    slopes[k++] = (y[j] - y[i]) / dt;
                }
            }
        }
        double slope = median(slopes, k);
        double[] residuals = new double[n];
        for (int i = 0; i < n; i++) {
            residuals[i] = y[i] - slope * t[i];
        }
        return new RobustTrend(slope, median(residuals, n), last);
    }

    private static double median(double[] values, int count) {
        double[] v = Arrays.copyOf(values, count);
        Arrays.sort(v);
        return count % 2 == 1 ? v[count / 2] : (v[count / 2 - 1] + v[count / 2]) / 2;
    }
}
