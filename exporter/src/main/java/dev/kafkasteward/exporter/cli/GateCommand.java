package dev.kafkasteward.exporter.cli;

import dev.kafkasteward.contract.ownership.PromDuration;
import dev.kafkasteward.exporter.gate.Gate;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code kafka-steward gate}: may the next step of a change go ahead? Asks Prometheus; exit code says. */
@Command(name = "gate", mixinStandardHelpOptions = true,
        description = {
                "Asks Prometheus whether any of seed 000's stop conditions blocks a change to the cluster, as the"
                        + " generated rules/change-gate.rules.yml record them (offline, under-min-ISR or"
                        + " under-replicated partitions; a broker down; an unstable KRaft quorum; failed requests above"
                        + " their baseline; lag age alerts of owned groups; failed connectors; long JVM pauses; unsafe"
                        + " disks; stale exporter data; and, with --block-on-reassignment, reassignments in progress).",
                "Run it between the steps of a rolling restart or upgrade, or between reassignment batches:",
                "  for b in 1 2 3; do restart $b; kafka-steward gate --prometheus http://prometheus:9090 --wait 30m"
                        + " || exit 1; done",
                "Prints every blocking condition: condition, asset, value, threshold, owner, since when."},
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {
                "0:no condition has blocked for the --stable window: go ahead",
                "1:a condition still blocks after --wait: stop, and look at the table",
                "2:cannot tell: bad arguments, Prometheus unreachable, no change-gate rules, no data for the cluster,"
                        + " no data collected after the question within --fresh-data-timeout"})
public final class GateCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--prometheus", required = true, paramLabel = "URL",
            description = "Prometheus' base URL, e.g. http://prometheus:9090.")
    URI prometheus;

    @Option(names = "--cluster", paramLabel = "NAME",
            description = "The cluster (ownership.yml's cluster); needed when the rules cover several.")
    String cluster;

    @Option(names = "--stable", defaultValue = "5m", paramLabel = "DURATION",
            description = "How long no condition may have blocked to pass (default: ${DEFAULT-VALUE}).")
    String stable;

    @Option(names = "--wait", defaultValue = "0s", paramLabel = "DURATION",
            description = "How long to keep asking while a condition blocks; 0s asks once (default: ${DEFAULT-VALUE}).")
    String waitFor;

    @Option(names = "--poll", defaultValue = "15s", paramLabel = "DURATION",
            description = "Time between two questions while waiting (default: ${DEFAULT-VALUE}).")
    String poll;

    @Option(names = "--block-on-reassignment",
            description = "Also block while a partition reassignment is in progress (for rolling restarts).")
    boolean blockOnReassignment;

    @Option(names = "--lookback", defaultValue = "1h", paramLabel = "DURATION",
            description = "How far back to look for when a condition started, and for the cluster's data"
                    + " (default: ${DEFAULT-VALUE}).")
    String lookback;

    @Option(names = "--fresh-data-timeout", defaultValue = "5m", paramLabel = "DURATION",
            description = "Longest wait for a collection that started after the question (a change made just"
                    + " before asking is not in Prometheus yet); none by then: exit 2 (default: ${DEFAULT-VALUE}).")
    String freshData;

    @Option(names = "--timeout", defaultValue = "10s", paramLabel = "DURATION",
            description = "Longest wait for one answer from Prometheus (default: ${DEFAULT-VALUE}).")
    String timeout;

    @Override
    public Integer call() throws InterruptedException {
        String scheme = prometheus.getScheme();
        if (scheme == null || !(scheme.equals("http") || scheme.equals("https")) || prometheus.getHost() == null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "invalid --prometheus '" + prometheus
                    + "': expected an http(s) URL such as http://prometheus:9090");
        }
        Gate.Settings settings = new Gate.Settings(Optional.ofNullable(cluster), duration("--stable", stable, false),
                duration("--wait", waitFor, true), duration("--poll", poll, false), blockOnReassignment,
                duration("--lookback", lookback, false), duration("--fresh-data-timeout", freshData, false));
        return Gate.runAndPrint(prometheus, duration("--timeout", timeout, false), settings, spec.commandLine().getOut(),
                spec.commandLine().getErr());
    }

    private Duration duration(String option, String text, boolean zeroAllowed) {
        return PromDuration.parse(text).map(PromDuration::value).filter(d -> zeroAllowed || !d.isZero())
                .orElseThrow(() -> new CommandLine.ParameterException(spec.commandLine(),
                        "invalid " + option + " '" + text + "': expected a Prometheus duration such as 30s or 5m"));
    }
}
