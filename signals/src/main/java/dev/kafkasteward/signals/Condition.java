package dev.kafkasteward.signals;

import dev.kafkasteward.signals.promql.PromQl;
import java.util.Objects;

/**
 * When an alert fires: a value (PromQL) compared with a threshold. Kept apart so the alert's expression
 * and the panel that shows the same value with the threshold as a line come from one definition. A
 * condition that is not one comparison (a burn-rate combination, say) is {@link #of raw}: its panel shows
 * the expression itself.
 *
 * @param value      the measured value, e.g. {@code max by (cluster, group, topic) (lag_age{...})}
 * @param comparison {@code >}, {@code <}, {@code ==}, {@code !=}; empty for a raw condition
 * @param threshold  what {@code value} is compared with
 */
public record Condition(String value, String comparison, double threshold) {

    public Condition {
        Objects.requireNonNull(value, "value");
        if (!comparison.isEmpty() && !java.util.List.of(">", "<", "==", "!=").contains(comparison)) {
            throw new IllegalArgumentException("not a comparison: " + comparison);
        }
    }

    /** Fires while {@code value > threshold}. */
    public static Condition above(String value, double threshold) {
        return new Condition(value, ">", threshold);
    }

    /** Fires while {@code value < threshold}. */
    public static Condition below(String value, double threshold) {
        return new Condition(value, "<", threshold);
    }

    /** Fires while {@code value == threshold}. */
    public static Condition equal(String value, double threshold) {
        return new Condition(value, "==", threshold);
    }

    /** Fires while {@code value != threshold}. */
    public static Condition notEqual(String value, double threshold) {
        return new Condition(value, "!=", threshold);
    }

    /** An expression that is not one comparison; fires while it returns a series. */
    public static Condition of(String expr) {
        return new Condition(expr, "", 0);
    }

    /** Whether the condition is a value against a threshold (a panel can draw the threshold). */
    public boolean hasThreshold() {
        return !comparison.isEmpty();
    }

    /** The alerting expression. */
    public String expr() {
        return hasThreshold() ? value + " " + comparison + " " + PromQl.number(threshold) : value;
    }
}
