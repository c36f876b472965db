package dev.kafkasteward.grafana.promql;

import dev.kafkasteward.contract.catalog.MetricDef;
import dev.kafkasteward.contract.catalog.MetricType;
import dev.kafkasteward.contract.catalog.Source;
import dev.kafkasteward.signals.promql.PromQl;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Builds the PromQL our panels use from catalog metrics, scoped to the dashboard's variables ({@code $cluster},
 * {@code $job}, {@code $instance}), so no metric name is spelled here. Escaping is the signal layer's
 * {@link PromQl}, the same as in the alerting rules.
 */
public final class PanelPromQl {

    /** The matcher that scopes every exporter query to the cluster picked in {@code $cluster}. */
    public static final String CLUSTER = equal("cluster", "$cluster");
    /** Rates and increases span Grafana's {@code $__rate_interval}, as the dashboard linter asks. */
    public static final String RATE_INTERVAL = "$__rate_interval";
    /** Matchers on the target labels of jmx series: the jobs and instances picked in the dashboard. */
    private static final List<String> JOB_INSTANCE_LABELS = List.of("job", "instance");
    static final List<String> JOB_INSTANCE = List.of(matchesRegex("job", "$job"), matchesRegex("instance", "$instance"));

    private PanelPromQl() {
    }

    /** {@code job=~"$job"} and {@code instance=~"$instance"}: the scope of every jmx selector. */
    public static List<String> jobAndInstance() {
        return JOB_INSTANCE;
    }

    /** {@code label="value"}. */
    public static String equal(String label, String value) {
        return PromQl.eq(label, value);
    }

    /** {@code label=~"regex"}. */
    public static String matchesRegex(String label, String regex) {
        return PromQl.matches(label, regex);
    }

    /** {@code label!~"regex"}. */
    public static String notMatchesRegex(String label, String regex) {
        return PromQl.notMatches(label, regex);
    }

    /**
     * The selector of {@code metric} with {@code matchers}, scoped the way its source allows: exporter series
     * by {@code cluster}, jmx series (which have no cluster label) by {@code job} and {@code instance}.
     */
    public static String select(MetricDef metric, List<String> matchers) {
        return select(metric, "", matchers);
    }

    /** Like {@link #select(MetricDef, List)} for a summary's {@code _sum} or {@code _count} series. */
    public static String select(MetricDef metric, String suffix, List<String> matchers) {
        if (!suffix.isEmpty() && metric.type() != MetricType.SUMMARY) {
            throw new IllegalArgumentException(metric.name() + " is not a summary, it has no " + suffix);
        }
        for (String matcher : matchers) {
            String label = matcher.split("[=!]", 2)[0];
            if (!metric.labels().contains(label)) {
                throw new IllegalArgumentException(metric.name() + " has no label " + label);
            }
        }
        List<String> all = new ArrayList<>(metric.source() instanceof Source.JmxConfig ? JOB_INSTANCE : List.of(CLUSTER));
        all.addAll(matchers);
        return metric.name() + suffix + "{" + String.join(", ", all) + "}";
    }

    /** {@code op by (labels) (inner)}, or {@code op(inner)} without labels. */
    public static String aggregate(String op, List<String> by, String inner) {
        return by.isEmpty() ? op + "(" + inner + ")" : op + " by (" + String.join(", ", by) + ") (" + inner + ")";
    }

    /** {@code op by (labels) (metric{scope, matchers})}, checking that the metric has the grouping labels. */
    public static String aggregate(String op, List<String> by, MetricDef metric, List<String> matchers) {
        checkLabels(metric, by);
        return aggregate(op, by, select(metric, matchers));
    }

    /** {@code op by (labels) (rate(metric{...}[$__rate_interval]))}; {@code fn} is rate or increase. */
    public static String aggregateRate(String op, String fn, List<String> by, MetricDef metric, String suffix,
                                       List<String> matchers) {
        checkLabels(metric, by);
        return aggregate(op, by, fn + "(" + select(metric, suffix, matchers) + "[" + RATE_INTERVAL + "])");
    }

    /**
     * Several expressions over disjoint series (one per ownership claim), as one: {@code a or b or c}. Elements
     * are selectors, calls or comparisons, which all bind tighter than {@code or}; aggregate around the union,
     * not inside each element, so a label set shared by two claims is counted once.
     */
    public static String union(List<String> expressions) {
        if (expressions.isEmpty()) {
            throw new IllegalArgumentException("nothing to unite");
        }
        return String.join(" or ", expressions);
    }

    /** Matchers plus more matchers, as one list. */
    public static List<String> and(List<String> matchers, String... more) {
        return Stream.concat(matchers.stream(), Stream.of(more)).toList();
    }

    private static void checkLabels(MetricDef metric, List<String> by) {
        for (String label : by) {
            if (!metric.labels().contains(label) && !JOB_INSTANCE_LABELS.contains(label)) {
                throw new IllegalArgumentException(metric.name() + " has no label " + label);
            }
            if (JOB_INSTANCE_LABELS.contains(label) && !(metric.source() instanceof Source.JmxConfig)) {
                throw new IllegalArgumentException(metric.name() + " is not scraped per instance: " + label);
            }
        }
    }

}
