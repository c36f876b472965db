package dev.kafkasteward.signals.platform;

import com.google.re2j.Pattern;
import dev.kafkasteward.contract.catalog.AlertCatalog;
import dev.kafkasteward.contract.catalog.JmxMetrics;
import dev.kafkasteward.contract.catalog.MetricDef;
import dev.kafkasteward.contract.ownership.ClientApp;
import dev.kafkasteward.contract.ownership.Ownership;
import dev.kafkasteward.contract.ownership.ResponsibilityArea;
import dev.kafkasteward.signals.AlertInstance;
import dev.kafkasteward.signals.Condition;
import dev.kafkasteward.signals.InstanceFamily;
import dev.kafkasteward.signals.Recipient;
import dev.kafkasteward.signals.Scenario;
import dev.kafkasteward.signals.Scenario.Firing;
import dev.kafkasteward.signals.Scenario.Input;
import dev.kafkasteward.signals.Scenarios;
import dev.kafkasteward.signals.SeverityRule;
import dev.kafkasteward.signals.Text;
import dev.kafkasteward.signals.claim.RegexSample;
import dev.kafkasteward.signals.promql.Durations;
import dev.kafkasteward.signals.promql.PromQl;
import dev.kafkasteward.signals.promql.ValueUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * JVM and process health of every process a jmx-config agent is attached to, per scrape target: long GC
 * pauses, heap pressure, deadlocks, file descriptors. Seed 000 gives JVM health to the service owner: the
 * JVMs of a client app with a {@code jvm_job} (a Connect worker cluster is declared the same way) alert its
 * owner; every other job (brokers, controllers) the platform owner, who also gets the broker thread pools'
 * saturation.
 */
public final class JvmAlerts extends InstanceFamily {

    public static final String LONG_GC = AlertCatalog.JVM_LONG_GC_PAUSES.name();
    public static final String HEAP = AlertCatalog.JVM_HEAP_HIGH.name();
    public static final String DEADLOCK = AlertCatalog.JVM_THREADS_DEADLOCKED.name();
    public static final String FDS = AlertCatalog.PROCESS_FILE_DESCRIPTORS_HIGH.name();
    public static final String HANDLERS = AlertCatalog.REQUEST_HANDLERS_SATURATED.name();
    public static final String NETWORK = AlertCatalog.NETWORK_PROCESSORS_SATURATED.name();
    static final double GC_PAUSE_SECONDS = 0.5;
    static final double HEAP_RATIO = 0.9;
    static final double FDS_RATIO = 0.9;
    static final double IDLE_RATIO = 0.2;
    /** Jobs the platform's own scenarios use, the first no app claims. */
    private static final List<String> PLATFORM_SAMPLE_JOBS = List.of("kafka", "kafka-broker", "kafka-platform-0");
    private static final List<String> BY = List.of("cluster", "job", "instance");

    /** Which JVMs an alert is about: the matchers on their series, and a job that is one of them. */
    private record Jvms(List<String> matchers, Optional<String> sampleJob) {
    }

    /** One JVM signal: its condition over the selected JVMs, severity, for, text and scenario. */
    private record JvmSignal(String alert, SeverityRule severity, String alertFor, Function<Jvms, Condition> condition,
                             Text text, ScenarioOf scenario) {
    }

    private interface ScenarioOf {
        Scenario of(String cluster, String job);
    }

    public JvmAlerts(double timeScale) {
        super(timeScale);
    }

    @Override
    public String name() {
        return "jvm";
    }

    @Override
    public List<AlertInstance> instances(Ownership ownership) {
        String cluster = ownership.cluster();
        List<AlertInstance> instances = new ArrayList<>();
        List<ClientApp> apps = ownership.clientApps().stream().filter(a -> a.jvmJob().isPresent()).toList();
        List<String> earlier = new ArrayList<>();
        for (ClientApp app : apps) {
            Recipient to = Recipient.of(ownership, ResponsibilityArea.JVM_HEALTH, app.owner(), app.alsoNotify(),
                    app.tier(), app.alerts());
            String job = app.jvmJob().orElseThrow();
            // The first app in file order owns a job, as with every other entry.
            List<String> matchers = new ArrayList<>(List.of(PromQl.eq("cluster", cluster), PromQl.matches("job", job)));
            if (!earlier.isEmpty()) {
                matchers.add(PromQl.notMatches("job", PromQl.anyOf(earlier)));
            }
            Optional<String> sample = RegexSample.of(Pattern.compile(job))
                    .filter(j -> earlier.stream().noneMatch(e -> Pattern.matches(e, j)));
            Jvms jvms = new Jvms(matchers, sample);
            jvmSignals(" of " + app.name()).forEach(s -> instances.add(instance(to, s, jvms, cluster)));
            earlier.add(job);
        }
        List<String> platformMatchers = new ArrayList<>(List.of(PromQl.eq("cluster", cluster)));
        if (!apps.isEmpty()) {
            platformMatchers.add(PromQl.notMatches("job", PromQl.anyOf(apps.stream()
                    .map(a -> a.jvmJob().orElseThrow()).toList())));
        }
        Optional<String> platformJob = PLATFORM_SAMPLE_JOBS.stream().filter(j -> apps.stream()
                .noneMatch(a -> Pattern.matches(a.jvmJob().orElseThrow(), j))).findFirst();
        Jvms platformJvms = new Jvms(platformMatchers, platformJob);
        Recipient platform = Recipient.platform(ownership, ResponsibilityArea.BROKERS_AND_CONTROLLERS);
        jvmSignals("").forEach(s -> instances.add(instance(platform, s, platformJvms, cluster)));
        threadPoolSignals().forEach(s -> instances.add(instance(platform, s, platformJvms, cluster)));
        return instances;
    }

    private AlertInstance instance(Recipient to, JvmSignal s, Jvms jvms, String cluster) {
        return to.alert(s.alert(), s.condition().apply(jvms), scaled(Durations.parse(s.alertFor())), s.severity(),
                s.text(), jvms.sampleJob().map(job -> List.of(s.scenario().of(cluster, job))).orElse(List.of()));
    }

    /** The JVM signals, for the JVMs of an app ({@code of} names it) or the platform's. */
    private List<JvmSignal> jvmSignals(String of) {
        String gcSum = JmxMetrics.JVM_GC_COLLECTION_SECONDS.name() + "_sum";
        String gcCount = JmxMetrics.JVM_GC_COLLECTION_SECONDS.name() + "_count";
        String window = window("5m");
        return List.of(
                new JvmSignal(LONG_GC, SeverityRule.WARNING, "5m",
                        j -> Condition.above(by("max") + "(rate(" + gcSum + "{" + String.join(", ", j.matchers())
                                + "}[" + window + "]) / rate(" + gcCount + "{" + String.join(", ", j.matchers()) + "}["
                                + window + "]))", GC_PAUSE_SECONDS),
                        new Text(v -> "JVM " + v.label("instance") + of + " has long garbage-collection pauses.",
                                v -> "Garbage collections on " + v.label("instance") + " (job " + v.label("job")
                                        + ") in cluster " + v.label("cluster") + " pause for "
                                        + v.value(ValueUnit.DURATION) + " on average (threshold "
                                        + PromQl.number(GC_PAUSE_SECONDS) + "s): sessions time out, ISRs shrink,"
                                        + " consumers are evicted."),
                        (c, job) -> gcScenario(c, job, gcSum, gcCount)),
                ratio(HEAP, JmxMetrics.JVM_MEMORY_USED, JmxMetrics.JVM_MEMORY_MAX, Map.of("area", "heap"), HEAP_RATIO,
                        "heap", "of its maximum heap in use", of),
                new JvmSignal(DEADLOCK, SeverityRule.TIER, "5m",
                        j -> Condition.above(by("max") + "(" + JmxMetrics.JVM_THREADS_DEADLOCKED.select(
                                j.matchers().toArray(String[]::new)) + ")", 0),
                        new Text(v -> "JVM " + v.label("instance") + of + " has deadlocked threads.",
                                v -> v.value(ValueUnit.NUMBER) + " threads of " + v.label("instance") + " (job "
                                        + v.label("job") + ") in cluster " + v.label("cluster") + " are deadlocked;"
                                        + " the process will not recover alone."),
                        (c, job) -> Scenarios.gauge(JmxMetrics.JVM_THREADS_DEADLOCKED, c, List.of("job", "instance"),
                                Map.of("job", job, "instance", "jvm-1:7071"), 2,
                                Map.of("job", job, "instance", "jvm-2:7071"), 0)),
                ratio(FDS, JmxMetrics.PROCESS_OPEN_FDS, JmxMetrics.PROCESS_MAX_FDS, Map.of(), FDS_RATIO,
                        "file descriptors", "of its file descriptor limit open", of));
    }

    /** Broker thread pools: only brokers report them. */
    private static List<JvmSignal> threadPoolSignals() {
        return List.of(idle(HANDLERS, JmxMetrics.REQUEST_HANDLER_IDLE, "request handler threads"),
                idle(NETWORK, JmxMetrics.NETWORK_PROCESSOR_IDLE, "network processor threads"));
    }

    /** {@code used / max} above {@code threshold}; {@code only} picks the series both are read from. */
    private static JvmSignal ratio(String alert, MetricDef used, MetricDef max, Map<String, String> only,
                                   double threshold, String what, String meaning, String of) {
        return new JvmSignal(alert, SeverityRule.WARNING, "15m",
                j -> Condition.above(by("max") + "(" + used.select(matchers(j, only)) + " / "
                        + max.select(matchers(j, only)) + ")", threshold),
                new Text(v -> "JVM " + v.label("instance") + of + " is running out of " + what + ".",
                        v -> v.label("instance") + " (job " + v.label("job") + ") in cluster " + v.label("cluster")
                                + " has " + v.value(ValueUnit.RATIO) + " " + meaning + "."),
                (c, job) -> {
                    List<Input> inputs = new ArrayList<>();
                    for (String[] target : new String[][] {{c, "jvm-1:7071", "95"}, {c, "jvm-2:7071", "50"},
                            {c + Scenarios.OTHER_CLUSTER_SUFFIX, "jvm-1:7071", "95"}}) {
                        inputs.add(Input.gauge(used, labels(target[0], job, target[1], only),
                                Double.parseDouble(target[2])));
                        inputs.add(Input.gauge(max, labels(target[0], job, target[1], only), 100));
                    }
                    return new Scenario(inputs, List.of(Firing.of(Map.of("cluster", c, "job", job,
                            "instance", "jvm-1:7071"), 0.95)), 0);
                });
    }

    private static JvmSignal idle(String alert, MetricDef metric, String what) {
        return new JvmSignal(alert, SeverityRule.WARNING, "10m",
                j -> Condition.below(by("min") + "(" + metric.select(j.matchers().toArray(String[]::new)) + ")",
                        IDLE_RATIO),
                new Text(v -> "The " + what + " of broker " + v.label("instance") + " are saturated.",
                        v -> "The " + what + " of broker " + v.label("instance") + " in cluster " + v.label("cluster")
                                + " are idle only " + v.value(ValueUnit.RATIO) + " of the time: requests queue up."),
                (c, job) -> new Scenario(List.of(
                        Input.gauge(metric, labels(c, job, "broker-1:7071", Map.of()), 0.05),
                        Input.gauge(metric, labels(c, job, "broker-2:7071", Map.of()), 0.7),
                        Input.gauge(metric, labels(c + Scenarios.OTHER_CLUSTER_SUFFIX, job, "broker-1:7071", Map.of()),
                                0.05)),
                        List.of(Firing.of(Map.of("cluster", c, "job", job, "instance", "broker-1:7071"), 0.05)), 0));
    }

    /**
     * Collections of 2 s each on jvm-1 (fires), 10 ms on jvm-2 (silent), per minute. The summary's
     * {@code _sum} and {@code _count} series have no catalog entry of their own.
     */
    private static Scenario gcScenario(String cluster, String job, String sum, String count) {
        List<Input> inputs = new ArrayList<>();
        Map<String, String> gc = Map.of("gc", "G1 Old Generation");
        for (String[] t : new String[][] {{cluster, "jvm-1:7071", "2"}, {cluster, "jvm-2:7071", "0.01"},
                {cluster + Scenarios.OTHER_CLUSTER_SUFFIX, "jvm-1:7071", "2"}}) {
            inputs.add(new Input(sum, labels(t[0], job, t[1], gc), 0, Double.parseDouble(t[2])));
            inputs.add(new Input(count, labels(t[0], job, t[1], gc), 0, 1));
        }
        return new Scenario(inputs, List.of(Firing.of(Map.of("cluster", cluster, "job", job, "instance", "jvm-1:7071"),
                2)), 5);
    }

    /** {@code op by (cluster, job, instance) }: one alert per scrape target. */
    private static String by(String op) {
        return op + " by (" + String.join(", ", BY) + ") ";
    }

    /** The JVMs' matchers and the {@code only} labels (in label order). */
    private static String[] matchers(Jvms jvms, Map<String, String> only) {
        List<String> matchers = new ArrayList<>(jvms.matchers());
        new TreeMap<>(only).forEach((label, value) -> matchers.add(PromQl.eq(label, value)));
        return matchers.toArray(String[]::new);
    }

    /** A scrape target's series labels, plus {@code extra}. */
    private static SortedMap<String, String> labels(String cluster, String job, String instance,
                                                    Map<String, String> extra) {
        SortedMap<String, String> labels = new TreeMap<>(Map.of("cluster", cluster, "instance", instance, "job", job));
        labels.putAll(extra);
        return labels;
    }
}
