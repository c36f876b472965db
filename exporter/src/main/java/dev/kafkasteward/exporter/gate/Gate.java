package dev.kafkasteward.exporter.gate;

import static dev.kafkasteward.contract.promql.PromString.quote;

import dev.kafkasteward.contract.catalog.RecordedSeries;
import dev.kafkasteward.contract.catalog.SelfMetrics;
import dev.kafkasteward.contract.gate.GateCondition;
import dev.kafkasteward.exporter.gate.PrometheusClient.PrometheusException;
import dev.kafkasteward.exporter.gate.PrometheusClient.Series;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * May the next step of a change go ahead? Asks Prometheus for the change gate's series
 * ({@link GateCondition#SERIES}) until none has been recorded for a {@code stable} window (pass), or
 * {@code wait} is over (blocked). Judges only once Prometheus holds a collection that started after the
 * question and the gate's rules have been evaluated on it: a broker stopped a moment before asking is not in
 * the data yet, and an older window without it would pass. Says why it cannot answer instead of guessing:
 * Prometheus unreachable, no gate rules loaded, no data for the cluster, no fresh data in time.
 */
public final class Gate {

    static final int PASS = 0;
    static final int BLOCKED = 1;
    static final int CANNOT_TELL = 2;

    /**
     * @param cluster             the cluster to judge; may be left out when the rules cover exactly one
     * @param stable              how long no condition may have blocked
     * @param waitFor             how long to keep asking while one does (0: ask once)
     * @param poll                time between two questions while waiting
     * @param blockOnReassignment also block while a reassignment is in progress
     * @param lookback            how far back "since" is looked for, and data for the cluster must exist
     * @param freshData           longest wait for a collection started after the question
     */
    public record Settings(Optional<String> cluster, Duration stable, Duration waitFor, Duration poll,
                           boolean blockOnReassignment, Duration lookback, Duration freshData) {
    }

    /** The answer: exit code, the cluster, what blocks (with since), and one line saying it. */
    record Outcome(int exitCode, String cluster, List<Blocker> blockers, String message) {
    }

    /** How the gate waits between questions (a test passes a fake clock's). */
    interface Sleeper {
        void sleep(Duration d) throws InterruptedException;
    }

    private static final Duration FRESH_POLL = Duration.ofSeconds(1);
    private static final Pattern CLUSTER = Pattern.compile("cluster=\"((?:[^\"\\\\]|\\\\.)*)\"");
    private static final Set<String> NOT_ASSET = Set.of("__name__", "cluster", GateCondition.CONDITION_LABEL,
            GateCondition.TEAM_LABEL, GateCondition.THRESHOLD_LABEL);

    private final PrometheusClient prometheus;
    private final Clock clock;
    private final Sleeper sleeper;
    private final Consumer<String> progress;

    Gate(PrometheusClient prometheus, Clock clock, Sleeper sleeper, Consumer<String> progress) {
        this.prometheus = prometheus;
        this.clock = clock;
        this.sleeper = sleeper;
        this.progress = progress;
    }

    /**
     * Asks the Prometheus at {@code url} and prints the answer: the table of what blocks and one line to
     * {@code out}, waiting and errors to {@code err}. Returns the exit code.
     */
    public static int runAndPrint(java.net.URI url, Duration timeout, Settings settings, java.io.PrintWriter out,
                                  java.io.PrintWriter err) throws InterruptedException {
        Clock clock = Clock.systemUTC();
        Gate gate = new Gate(new PrometheusClient(url, timeout), clock, d -> Thread.sleep(d.toMillis()),
                line -> {
                    err.println("kafka-steward gate: " + line);
                    err.flush();
                });
        Outcome outcome = gate.run(settings);
        if (outcome.exitCode() == CANNOT_TELL) {
            err.println("kafka-steward gate: cannot tell: " + outcome.message());
            err.flush();
            return CANNOT_TELL;
        }
        if (!outcome.blockers().isEmpty()) {
            out.print(GateTable.render(outcome.blockers(), clock.instant()));
        }
        out.println((outcome.exitCode() == PASS ? "PASS: " : "BLOCKED: ") + outcome.message());
        out.flush();
        return outcome.exitCode();
    }

    Outcome run(Settings s) throws InterruptedException {
        String cluster;
        try {
            Instant asked = prometheus.now(); // what "after the question" means, on the clock the data is on
            PrometheusClient.RecordingRules loaded = prometheus.recordingRules(GateCondition.SERIES);
            List<String> rules = loaded.expressions();
            if (rules.isEmpty()) {
                return cannotTell("", "Prometheus has no recording rule for " + GateCondition.SERIES + ": load the"
                        + " generated rules/change-gate.rules.yml (and the other rules) into its rule_files");
            }
            Set<String> clusters = clusters(rules);
            if (s.cluster().isPresent()) {
                cluster = s.cluster().get();
                if (!clusters.contains(cluster)) {
                    return cannotTell(cluster, "Prometheus has no change-gate rules for cluster " + cluster
                            + " (it has them for: " + String.join(", ", clusters) + ")");
                }
            } else if (clusters.size() == 1) {
                cluster = clusters.iterator().next();
            } else {
                return cannotTell("", "Prometheus has change-gate rules for several clusters (" + String.join(", ",
                        clusters) + "): name one with --cluster");
            }
            String data = "max_over_time(" + SelfMetrics.SNAPSHOT_AGE.name() + "{cluster=" + quote(cluster) + "}["
                    + seconds(s.lookback()) + "])";
            if (prometheus.query(data).isEmpty()) {
                return cannotTell(cluster, "Prometheus has no Kafka Steward data for cluster " + cluster + " in the"
                        + " last " + seconds(s.lookback()) + ": is the exporter scraped?");
            }
            // The conditions read only serving replicas; without that recording every condition is silent.
            if (prometheus.query(RecordedSeries.SERVING_REPLICA + "{cluster=" + quote(cluster) + "}").isEmpty()) {
                return cannotTell(cluster, "Prometheus records no " + RecordedSeries.SERVING_REPLICA + " for cluster "
                        + cluster + ": load every generated rule file (rules/*.rules.yml), not only the change"
                        + " gate's; its conditions read the exporter's and the alerts' rules");
            }
            if (!loaded.failing().isEmpty()) {
                return cannotTell(cluster, loaded.failing().size() + " change-gate rule(s) fail to evaluate, so they"
                        + " record nothing; first: " + loaded.failing().get(0));
            }
            Optional<Outcome> stale = awaitFreshData(cluster, asked, s);
            return stale.isPresent() ? stale.get() : judge(cluster, s);
        } catch (PrometheusException e) {
            return cannotTell(s.cluster().orElse(""), e.getMessage());
        }
    }

    /**
     * Waits until every serving exporter replica of the cluster has finished a collection that started after
     * {@code asked}, and the gate's rules have been evaluated on its scrape; empty when so, else why not.
     *
     * <p>A collection that started after the question: per replica, a refresh that ended after another refresh
     * that itself ended after the question (cycles of one replica never overlap). Every serving replica, because
     * a condition takes the worst over them, and a replica not yet fresh would still report the old state.
     * Evaluated: a whole evaluation interval after that scrape, as an evaluation at the scrape's moment may not
     * have seen it.
     */
    private Optional<Outcome> awaitFreshData(String cluster, Instant asked, Settings s)
            throws PrometheusException, InterruptedException {
        String serving = SelfMetrics.LAST_SUCCESS.name() + "{cluster=" + quote(cluster) + "} and on (cluster, instance) "
                + RecordedSeries.SERVING_REPLICA;
        String everyReplica = "min(" + serving + ")";
        String newest = "max(" + serving + ")";
        String scraped = "max(timestamp(" + serving + "))";
        Instant deadline = clock.instant().plus(s.freshData());
        Optional<Instant> firstRefresh = Optional.empty(); // the newest refresh end once all ended after the question
        Optional<Instant> freshScrape = Optional.empty();
        while (true) {
            Optional<Instant> oldestRefresh = instant(prometheus.query(everyReplica));
            if (firstRefresh.isEmpty() && oldestRefresh.filter(t -> !t.isBefore(asked)).isPresent()) {
                firstRefresh = instant(prometheus.query(newest));
            }
            if (freshScrape.isEmpty() && firstRefresh.isPresent() && oldestRefresh.isPresent()
                    && oldestRefresh.get().isAfter(firstRefresh.get())) {
                freshScrape = instant(prometheus.query(scraped));
            }
            PrometheusClient.RecordingRules rules = prometheus.recordingRules(GateCondition.SERIES);
            Optional<Instant> evaluated = rules.evaluated();
            if (freshScrape.isPresent() && evaluated.isPresent()
                    && !evaluated.get().isBefore(freshScrape.get().plus(rules.interval()))) {
                return Optional.empty();
            }
            if (!clock.instant().isBefore(deadline)) {
                return Optional.of(cannotTell(cluster, (freshScrape.isPresent()
                        ? "the change-gate rules were not evaluated on data collected after " + asked
                        : "not every serving exporter replica of cluster " + cluster + " finished a collection that"
                        + " started after " + asked + " (oldest last refresh: "
                        + oldestRefresh.map(Instant::toString).orElse("none") + ")")
                        + " within " + seconds(s.freshData()) + " (--fresh-data-timeout); a change made just"
                        + " before asking would not show yet"));
            }
            progress.accept("waiting for data collected after " + asked + " (oldest last refresh of a serving replica "
                    + oldestRefresh.map(Instant::toString).orElse("none") + ", gate rules evaluated "
                    + evaluated.map(Instant::toString).orElse("not yet") + ")");
            // Fresh data is a matter of seconds (a cycle, a scrape, an evaluation): look more often than --poll.
            Duration step = s.poll().compareTo(FRESH_POLL) < 0 ? s.poll() : FRESH_POLL;
            Duration left = Duration.between(clock.instant(), deadline);
            sleeper.sleep(left.compareTo(step) < 0 ? left : step);
        }
    }

    private static Optional<Instant> instant(List<Series> answer) {
        return answer.stream().findFirst().map(a -> Instant.ofEpochMilli(Math.round(a.samples().get(0).value()
                * 1000)));
    }

    private Outcome judge(String cluster, Settings s) throws PrometheusException, InterruptedException {
        String selector = GateCondition.SERIES + "{cluster=" + quote(cluster) + (s.blockOnReassignment() ? ""
                : ", " + GateCondition.CONDITION_LABEL + "!=" + quote(GateCondition.REASSIGNMENT_IN_PROGRESS.label()))
                + "}";
        Instant deadline = clock.instant().plus(s.waitFor());
        while (true) {
            Instant now = clock.instant();
            List<Series> window = prometheus.query("max_over_time(" + selector + "[" + seconds(s.stable()) + "])");
            if (window.isEmpty()) {
                return new Outcome(PASS, cluster, List.of(), "no condition has blocked a change of cluster " + cluster
                        + " for " + seconds(s.stable()));
            }
            List<Blocker> blockers = blockers(selector, s);
            if (!now.isBefore(deadline)) {
                String message = blockers.isEmpty()
                        ? "conditions cleared in the last " + seconds(s.stable()) + ", not yet stable for cluster "
                        + cluster
                        : blockers.stream().map(Blocker::condition).distinct().count() + " condition(s) on "
                        + blockers.size() + " asset(s) block a change of cluster " + cluster;
                return new Outcome(BLOCKED, cluster, blockers, message);
            }
            progress.accept("waiting: " + (blockers.isEmpty() ? "cleared, not yet stable for " + seconds(s.stable())
                    : String.join(", ", blockers.stream().map(b -> b.condition() + " (" + b.owner() + ")")
                    .distinct().toList())));
            Duration left = Duration.between(now, deadline);
            sleeper.sleep(left.compareTo(s.poll()) < 0 ? left : s.poll());
        }
    }

    /** What blocks now, each with when it started blocking. */
    private List<Blocker> blockers(String selector, Settings s) throws PrometheusException {
        List<Series> current = prometheus.query(selector);
        if (current.isEmpty()) {
            return List.of();
        }
        Instant now = prometheus.now();
        Duration step = Duration.ofSeconds(Math.max(1, Math.min(15, s.stable().toSeconds() / 4)));
        Instant from = now.minus(s.lookback());
        // Prometheus answers at most 11,000 points per series.
        if (Duration.between(from, now).toSeconds() / step.toSeconds() > 10_000) {
            from = now.minus(step.multipliedBy(10_000));
        }
        List<Series> history = prometheus.queryRange(selector, from, now, step);
        List<Blocker> out = new ArrayList<>();
        for (Series c : current) {
            Map<String, String> labels = c.labels();
            Optional<Instant> since = history.stream().filter(h -> h.labels().equals(labels)).findFirst()
                    .flatMap(h -> Streaks.start(h.samples().stream().map(PrometheusClient.Sample::at).toList(), step));
            out.add(new Blocker(labels.getOrDefault(GateCondition.CONDITION_LABEL, "?"), asset(labels),
                    c.samples().get(0).value(), labels.getOrDefault(GateCondition.THRESHOLD_LABEL, "?"),
                    labels.getOrDefault(GateCondition.TEAM_LABEL, "?"), since));
        }
        out.sort(Comparator.comparing(Blocker::condition).thenComparing(Blocker::asset));
        return out;
    }

    private static String asset(Map<String, String> labels) {
        List<String> pairs = new ArrayList<>();
        labels.forEach((k, v) -> {
            if (!NOT_ASSET.contains(k)) {
                pairs.add(k + "=" + v);
            }
        });
        return String.join(",", pairs);
    }

    /** The clusters the loaded rules are for: every {@code cluster="..."} their expressions select. */
    static Set<String> clusters(List<String> ruleExpressions) {
        Set<String> out = new TreeSet<>();
        for (String expr : ruleExpressions) {
            Matcher m = CLUSTER.matcher(expr);
            while (m.find()) {
                out.add(m.group(1).replace("\\\"", "\"").replace("\\\\", "\\"));
            }
        }
        return out;
    }

    private static Outcome cannotTell(String cluster, String message) {
        return new Outcome(CANNOT_TELL, cluster, List.of(), message);
    }

    private static String seconds(Duration d) {
        return Math.max(1, d.toSeconds()) + "s";
    }
}
