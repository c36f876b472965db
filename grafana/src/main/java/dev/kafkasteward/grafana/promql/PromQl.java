package dev.kafkasteward.grafana.promql;

import dev.kafkasteward.contract.catalog.MetricDef;
import java.util.List;

/**
 * Builds the PromQL our panels use from catalog metrics, so no metric name is spelled here and
 * every string literal is escaped the same way.
 */
public final class PromQl {

    /** The matcher that scopes every dashboard query to the cluster picked in {@code $cluster}. */
    public static final String CLUSTER = equal("cluster", "$cluster");

    private PromQl() {
    }

    /** {@code label="value"}. */
    public static String equal(String label, String value) {
        return label + "=" + literal(value);
    }

    /** {@code label=~"regex"}. */
    public static String matchesRegex(String label, String regex) {
        return label + "=~" + literal(regex);
    }

    /** {@code op by (labels) (metric{matchers})}, or {@code op(metric{matchers})} without labels. */
    public static String aggregate(String op, List<String> by, MetricDef metric, String... matchers) {
        for (String label : by) {
            if (!metric.labels().contains(label)) {
                throw new IllegalArgumentException(metric.name() + " has no label " + label);
            }
        }
        String selector = metric.select(matchers);
        return by.isEmpty() ? op + "(" + selector + ")" : op + " by (" + String.join(", ", by) + ") (" + selector + ")";
    }

    /** A double-quoted PromQL string literal. */
    static String literal(String value) {
        return '"' + value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + '"';
    }
}
