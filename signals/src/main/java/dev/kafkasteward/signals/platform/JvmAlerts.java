package dev.kafkasteward.signals.platform;

import dev.kafkasteward.contract.catalog.JmxMetrics;
import dev.kafkasteward.contract.catalog.MetricDef;
import dev.kafkasteward.signals.promql.Durations;
import dev.kafkasteward.signals.promql.PromQl;
import dev.kafkasteward.signals.promql.ValueUnit;
import dev.kafkasteward.signals.PlatformFamily;
import dev.kafkasteward.signals.PlatformSignal;
import dev.kafkasteward.signals.Scenario;
import dev.kafkasteward.signals.Scenario.Firing;
import dev.kafkasteward.signals.Scenario.Input;
import dev.kafkasteward.signals.Scenarios;
import dev.kafkasteward.signals.SeverityRule;
import dev.kafkasteward.signals.Text;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * JVM and process health of every process a jmx-config agent is attached to (brokers,
 * controllers, Connect workers), per scrape target: long GC pauses, heap pressure, deadlocks,
 * file descriptors, and broker thread-pool saturation.
 */
public final class JvmAlerts {

    public static final String LONG_GC = "KafkaJvmLongGcPauses";
    public static final String HEAP = "KafkaJvmHeapHigh";
    public static final String DEADLOCK = "KafkaJvmThreadsDeadlocked";
    public static final String FDS = "KafkaProcessFileDescriptorsHigh";
    public static final String HANDLERS = "KafkaRequestHandlersSaturated";
    public static final String NETWORK = "KafkaNetworkProcessorsSaturated";
    static final double GC_PAUSE_SECONDS = 0.5;
    static final double HEAP_RATIO = 0.9;
    static final double FDS_RATIO = 0.9;
    static final double IDLE_RATIO = 0.2;

    private JvmAlerts() {
    }

    public static PlatformFamily family(double timeScale) {
        String gcSum = JmxMetrics.JVM_GC_COLLECTION_SECONDS.name() + "_sum";
        String gcCount = JmxMetrics.JVM_GC_COLLECTION_SECONDS.name() + "_count";
        String window = Durations.window("5m", timeScale);
        return new PlatformFamily("jvm", timeScale, List.of(
                new PlatformSignal(LONG_GC, SeverityRule.WARNING, Durations.parse("5m"),
                        c -> "max by (cluster, instance) (rate(" + gcSum + "{" + PromQl.eq("cluster", c) + "}[" + window
                                + "]) / rate(" + gcCount + "{" + PromQl.eq("cluster", c) + "}[" + window + "])) > "
                                + PromQl.number(GC_PAUSE_SECONDS),
                        new Text(v -> "JVM " + v.label("instance") + " has long garbage-collection pauses.",
                                v -> "Garbage collections on " + v.label("instance") + " in cluster " + v.label("cluster")
                                        + " pause for " + v.value(ValueUnit.DURATION) + " on average (threshold "
                                        + PromQl.number(GC_PAUSE_SECONDS) + "s): sessions time out, ISRs shrink."),
                        c -> gcScenario(c, gcSum, gcCount)),
                ratio(HEAP, JmxMetrics.JVM_MEMORY_USED, JmxMetrics.JVM_MEMORY_MAX, Map.of("area", "heap"), HEAP_RATIO,
                        "heap", "of its maximum heap in use"),
                new PlatformSignal(DEADLOCK, SeverityRule.TIER, Durations.parse("5m"),
                        c -> "max by (cluster, instance) (" + JmxMetrics.JVM_THREADS_DEADLOCKED.select(
                                PromQl.eq("cluster", c)) + ") > 0",
                        new Text(v -> "JVM " + v.label("instance") + " has deadlocked threads.",
                                v -> v.value(ValueUnit.NUMBER) + " threads of " + v.label("instance") + " in cluster "
                                        + v.label("cluster") + " are deadlocked; the process will not recover alone."),
                        c -> Scenarios.gauge(JmxMetrics.JVM_THREADS_DEADLOCKED, c, List.of("instance"),
                                Map.of("instance", "broker-1:7071"), 2, Map.of("instance", "broker-2:7071"), 0)),
                ratio(FDS, JmxMetrics.PROCESS_OPEN_FDS, JmxMetrics.PROCESS_MAX_FDS, Map.of(), FDS_RATIO,
                        "file descriptors", "of its file descriptor limit open"),
                idle(HANDLERS, JmxMetrics.REQUEST_HANDLER_IDLE, "request handler threads"),
                idle(NETWORK, JmxMetrics.NETWORK_PROCESSOR_IDLE, "network processor threads")),
                List.of());
    }

    /** {@code used / max} above {@code threshold}; {@code only} picks the series both are read from. */
    private static PlatformSignal ratio(String alert, MetricDef used, MetricDef max, Map<String, String> only,
                                        double threshold, String what, String meaning) {
        return new PlatformSignal(alert, SeverityRule.WARNING, Durations.parse("15m"),
                c -> "max by (cluster, instance) (" + used.select(matchers(c, only)) + " / "
                        + max.select(matchers(c, only)) + ") > " + PromQl.number(threshold),
                new Text(v -> "JVM " + v.label("instance") + " is running out of " + what + ".",
                        v -> v.label("instance") + " in cluster " + v.label("cluster") + " has "
                                + v.value(ValueUnit.RATIO) + " " + meaning + "."),
                c -> {
                    List<Input> inputs = new ArrayList<>();
                    for (String[] target : new String[][] {{c, "broker-1:7071", "95"}, {c, "broker-2:7071", "50"},
                            {c + Scenarios.OTHER_CLUSTER_SUFFIX, "broker-1:7071", "95"}}) {
                        inputs.add(Input.gauge(used, labels(target[0], target[1], only), Double.parseDouble(target[2])));
                        inputs.add(Input.gauge(max, labels(target[0], target[1], only), 100));
                    }
                    return new Scenario(inputs, List.of(Firing.of(Map.of("cluster", c, "instance", "broker-1:7071"),
                            0.95)), 0);
                });
    }

    private static PlatformSignal idle(String alert, MetricDef metric, String what) {
        return new PlatformSignal(alert, SeverityRule.WARNING, Durations.parse("10m"),
                c -> "min by (cluster, instance) (" + metric.select(PromQl.eq("cluster", c)) + ") < "
                        + PromQl.number(IDLE_RATIO),
                new Text(v -> "The " + what + " of broker " + v.label("instance") + " are saturated.",
                        v -> "The " + what + " of broker " + v.label("instance") + " in cluster " + v.label("cluster")
                                + " are idle only " + v.value(ValueUnit.RATIO) + " of the time: requests queue up."),
                c -> {
                    List<Input> inputs = List.of(
                            Input.gauge(metric, labels(c, "broker-1:7071", Map.of()), 0.05),
                            Input.gauge(metric, labels(c, "broker-2:7071", Map.of()), 0.7),
                            Input.gauge(metric, labels(c + Scenarios.OTHER_CLUSTER_SUFFIX, "broker-1:7071", Map.of()),
                                    0.05));
                    return new Scenario(inputs, List.of(Firing.of(Map.of("cluster", c, "instance", "broker-1:7071"),
                            0.05)), 0);
                });
    }

    /**
     * Collections of 2 s each on broker-1 (fires), 10 ms on broker-2 (silent), per minute. The
     * summary's {@code _sum} and {@code _count} series have no catalog entry of their own.
     */
    private static Scenario gcScenario(String cluster, String sum, String count) {
        List<Input> inputs = new ArrayList<>();
        Map<String, String> gc = Map.of("gc", "G1 Old Generation");
        for (String[] t : new String[][] {{cluster, "broker-1:7071", "2"}, {cluster, "broker-2:7071", "0.01"},
                {cluster + Scenarios.OTHER_CLUSTER_SUFFIX, "broker-1:7071", "2"}}) {
            inputs.add(new Input(sum, labels(t[0], t[1], gc), 0, Double.parseDouble(t[2])));
            inputs.add(new Input(count, labels(t[0], t[1], gc), 0, 1));
        }
        return new Scenario(inputs, List.of(Firing.of(Map.of("cluster", cluster, "instance", "broker-1:7071"), 2)), 5);
    }

    /** {@code cluster} and the {@code only} labels (in label order), as matchers. */
    private static String[] matchers(String cluster, Map<String, String> only) {
        List<String> matchers = new ArrayList<>(List.of(PromQl.eq("cluster", cluster)));
        new TreeMap<>(only).forEach((label, value) -> matchers.add(PromQl.eq(label, value)));
        return matchers.toArray(String[]::new);
    }

    /** A scrape target's series labels, plus {@code extra}. */
    private static SortedMap<String, String> labels(String cluster, String instance, Map<String, String> extra) {
        SortedMap<String, String> labels = new TreeMap<>(Map.of("cluster", cluster, "instance", instance,
                "job", "kafka"));
        labels.putAll(extra);
        return labels;
    }
}
