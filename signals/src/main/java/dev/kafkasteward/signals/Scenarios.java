package dev.kafkasteward.signals;

import dev.kafkasteward.contract.catalog.MetricDef;
import dev.kafkasteward.signals.Scenario.Firing;
import dev.kafkasteward.signals.Scenario.Input;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The usual promtool scenarios: one asset above the threshold, one below, the same in another cluster. */
public final class Scenarios {

    /** Suffix of the cluster whose identical series must not fire. */
    public static final String OTHER_CLUSTER_SUFFIX = "-other";

    private Scenarios() {
    }

    /**
     * A gauge: {@code fire} labels hold {@code above} and must fire, {@code quiet} labels hold
     * {@code below} and must not, and {@code fire} in another cluster must not.
     *
     * @param by the labels the alert keeps (besides {@code cluster})
     */
    public static Scenario gauge(MetricDef metric, String cluster, List<String> by, Map<String, String> fire,
                                 double above, Map<String, String> quiet, double below) {
        return scenario(metric, cluster, by, fire, above, 0, quiet, below, 0, above, 0);
    }

    /**
     * A counter: {@code fire} grows by {@code perMinuteAbove} and must fire with {@code value},
     * {@code quiet} grows by {@code perMinuteBelow} and must not.
     */
    public static Scenario counter(MetricDef metric, String cluster, List<String> by, Map<String, String> fire,
                                   double perMinuteAbove, Map<String, String> quiet, double perMinuteBelow,
                                   double value, int rangeMinutes) {
        return scenario(metric, cluster, by, fire, 0, perMinuteAbove, quiet, 0, perMinuteBelow, value, rangeMinutes);
    }

    private static Scenario scenario(MetricDef metric, String cluster, List<String> by, Map<String, String> fire,
                                     double fireStart, double fireStep, Map<String, String> quiet, double quietStart,
                                     double quietStep, double value, int rangeMinutes) {
        List<Input> inputs = new ArrayList<>();
        inputs.add(Input.of(metric, with(fire, cluster), fireStart, fireStep));
        if (quiet != null) {
            inputs.add(Input.of(metric, with(quiet, cluster), quietStart, quietStep));
        }
        inputs.add(Input.of(metric, with(fire, cluster + OTHER_CLUSTER_SUFFIX), fireStart, fireStep));
        Map<String, String> kept = new TreeMap<>();
        kept.put("cluster", cluster);
        by.forEach(l -> kept.put(l, fire.get(l)));
        return new Scenario(inputs, List.of(Firing.of(kept, value)), rangeMinutes);
    }

    /** {@code labels} plus {@code cluster}. */
    private static Map<String, String> with(Map<String, String> labels, String cluster) {
        Map<String, String> all = new TreeMap<>(labels);
        all.put("cluster", cluster);
        return all;
    }
}
