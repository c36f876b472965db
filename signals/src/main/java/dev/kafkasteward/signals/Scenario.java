package dev.kafkasteward.signals;

import dev.kafkasteward.contract.catalog.MetricDef;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The promtool test of one alert: input series (some that must fire, some just below the threshold
 * or in another cluster that must not) and the exact alerts expected once {@code for} has passed.
 *
 * @param inputs        series, each {@code start + step * minute}
 * @param firing        the alerts expected, by the labels they keep from the series, with their value
 * @param rangeMinutes  the longest range the expression reads; evaluation waits for it to fill
 */
public record Scenario(List<Input> inputs, List<Firing> firing, int rangeMinutes) {

    public Scenario {
        inputs = List.copyOf(inputs);
        firing = List.copyOf(firing);
    }

    /**
     * One input series: a metric name, labels, and a linear value per minute, absent for its first
     * {@code startsAt} minutes (a series that appears: a new failure, a new broker).
     */
    public record Input(String metric, SortedMap<String, String> labels, double start, double step, int startsAt) {

        public Input {
            labels = Collections.unmodifiableSortedMap(new TreeMap<>(labels));
        }

        /** A series present from the first minute. */
        public Input(String metric, SortedMap<String, String> labels, double start, double step) {
            this(metric, labels, start, step, 0);
        }

        static Input of(MetricDef metric, Map<String, String> labels, double start, double step) {
            return new Input(metric.name(), new TreeMap<>(labels), start, step);
        }

        /** A gauge holding {@code value}. */
        public static Input gauge(MetricDef metric, Map<String, String> labels, double value) {
            return of(metric, labels, value, 0);
        }

        /** A counter growing by {@code perMinute}. */
        public static Input counter(MetricDef metric, Map<String, String> labels, double perMinute) {
            return of(metric, labels, 0, perMinute);
        }
    }

    /** An expected alert: the labels it keeps from the series, and its value ({@link #ANY_VALUE}: present). */
    public record Firing(SortedMap<String, String> labels, double value) {

        /** The value is whatever it computes (a rate's extrapolation, say): only that the series is there counts. */
        public static final double ANY_VALUE = Double.NaN;

        public Firing {
            labels = Collections.unmodifiableSortedMap(new TreeMap<>(labels));
        }

        public static Firing of(Map<String, String> labels, double value) {
            return new Firing(new TreeMap<>(labels), value);
        }

        public boolean anyValue() {
            return Double.isNaN(value);
        }
    }
}
