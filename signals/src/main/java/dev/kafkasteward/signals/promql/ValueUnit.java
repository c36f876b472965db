package dev.kafkasteward.signals.promql;

import java.util.function.DoubleFunction;

/**
 * What an alert's value measures, and so how its description prints it: the Prometheus template
 * function for the rule, and its Java twin for the promtool test.
 */
public enum ValueUnit {
    /** Seconds, printed as {@code 1h 2m 3s}. */
    DURATION("humanizeDuration", Humanize::duration),
    /** A count or rate, printed with SI prefixes ({@code 1.5k}). */
    NUMBER("humanize", Humanize::number),
    /** A ratio in [0, 1], printed as a percentage. */
    RATIO("humanizePercentage", Humanize::percentage);

    private final String templateFunction;
    private final DoubleFunction<String> twin;

    ValueUnit(String templateFunction, DoubleFunction<String> twin) {
        this.templateFunction = templateFunction;
        this.twin = twin;
    }

    /** The Prometheus template function. */
    public String templateFunction() {
        return templateFunction;
    }

    /** What the template function prints for {@code value}. */
    public String format(double value) {
        return twin.apply(value);
    }
}
