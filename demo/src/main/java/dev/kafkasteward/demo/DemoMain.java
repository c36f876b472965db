package dev.kafkasteward.demo;

import dev.kafkasteward.contract.ownership.Ownership;
import dev.kafkasteward.contract.ownership.OwnershipException;
import dev.kafkasteward.contract.ownership.OwnershipLoader;
import dev.kafkasteward.contract.ownership.PromDuration;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code bin/demo}: run the order platform with Kafka Steward watching it, until Ctrl-C or --duration. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Run an embedded Kafka cluster with the order platform, the exporter, and the generated rules"
                + " and dashboards.")
public final class DemoMain implements Callable<Integer> {

    @Option(names = "--ownership", defaultValue = "examples/ownership.yml", description = "Default: ${DEFAULT-VALUE}.")
    Path ownership;

    @Option(names = "--out", defaultValue = "target/demo", description = "Where generated files go. Default: ${DEFAULT-VALUE}.")
    Path out;

    @Option(names = "--port", defaultValue = "9340", description = "Exporter port. Default: ${DEFAULT-VALUE}.")
    int port;

    @Option(names = "--interval", defaultValue = "5s", description = "Collection interval. Default: ${DEFAULT-VALUE}.")
    String interval;

    @Option(names = "--duration", description = "Stop after this long (e.g. 2m); default: run until Ctrl-C.")
    String duration;

    // Free ports by default: installing Debian's packages starts their own services on 9090 and 9093.
    @Option(names = "--prometheus-port", defaultValue = "0",
            description = "Prometheus port, when prometheus is on PATH; 0 picks a free one. Default: ${DEFAULT-VALUE}.")
    int prometheusPort;

    @Option(names = "--alertmanager-port", defaultValue = "0",
            description = "Alertmanager port, when alertmanager is on PATH; 0 picks a free one. Default: ${DEFAULT-VALUE}.")
    int alertmanagerPort;

    @Option(names = "--grafana-port", defaultValue = "0",
            description = "Grafana port, when grafana is on PATH; 0 picks a free one. Default: ${DEFAULT-VALUE}.")
    int grafanaPort;

    @Option(names = "--time-scale", defaultValue = "0.25",
            description = "Demo setting: multiplies every 'for', range window and Alertmanager timer of the generated"
                    + " rules, so alerts fire within minutes (1 is production's pace). Default: ${DEFAULT-VALUE}.")
    double timeScale;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter outWriter = spec.commandLine().getOut();
        Ownership model;
        try {
            model = new OwnershipLoader().load(ownership);
        } catch (OwnershipException e) {
            spec.commandLine().getErr().println(e.getMessage());
            return CommandLine.ExitCode.USAGE;
        }
        outWriter.println("Starting a 3-broker KRaft cluster and the order platform...");
        outWriter.flush();
        Duration every = parse("--interval", interval);
        if (!(timeScale > 0 && timeScale <= 1)) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "invalid --time-scale " + timeScale + ": expected a factor above 0 and at most 1");
        }
        Demo demo = Demo.start(new Demo.Options(model, "127.0.0.1", port, out, every, timeScale));
        DemoStack stack = DemoStack.start(demo, out, every,
                new DemoStack.Ports(prometheusPort, alertmanagerPort, grafanaPort), outWriter);
        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            stack.close();
            close(demo);
            stopped.countDown();
        }, "demo-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        Path abs = out.toAbsolutePath();
        outWriter.printf("""

                Kafka Steward demo — cluster %s is running.
                  Kafka bootstrap servers  %s
                  Exporter metrics         http://127.0.0.1:%d/metrics   (readiness: /readyz)
                  Alerting rules           %s
                  Rule unit tests          %s
                  Alertmanager routing     %s
                  Grafana dashboards       %s
                  Grafana provisioning     %s
                %s
                Demo settings (not production's): rule timers x%s (--time-scale); disk forecast from 3 samples
                over 20 s in a 10-minute window, log dirs read every 5 s (production: 10 samples, 15 min, 6 h, 30 s).
                Groups to watch: fulfillment-service falls behind on purpose; customer-timeline-service keeps up.
                %s
                Try:  curl -s http://127.0.0.1:%d/metrics | grep -E 'lag_age_seconds|time_to_exhaustion'
                Stop with Ctrl-C.
                """, model.cluster(), demo.bootstrapServers(), demo.exporterPort(),
                abs.resolve("rules/*.rules.yml"), abs.resolve("rules/*.rules.test.yml"),
                abs.resolve("alertmanager/alertmanager.yml"), abs.resolve("grafana/dashboards"),
                abs.resolve("grafana/provisioning"), stack.describe(), timeScale,
                stack.alertsFlow() ? "Within about two minutes fulfillment's dead-letter and lag-age alerts reach its"
                        + " webhook; each alert reaching a team prints an [alert] line." : "",
                demo.exporterPort());
        outWriter.flush();
        if (duration != null) {
            if (!stopped.await(parse("--duration", duration).toMillis(), TimeUnit.MILLISECONDS)) {
                outWriter.println("--duration reached, stopping.");
                outWriter.flush();
                Runtime.getRuntime().removeShutdownHook(hook);
                stack.close();
                close(demo);
                return 0;
            }
        }
        stopped.await();
        return 0;
    }

    private void close(Demo demo) {
        try {
            demo.close();
        } catch (Exception e) {
            spec.commandLine().getErr().println("demo shutdown: " + e);
        }
    }

    private Duration parse(String option, String text) {
        return PromDuration.parse(text).map(PromDuration::value).filter(d -> !d.isZero())
                .orElseThrow(() -> new CommandLine.ParameterException(spec.commandLine(),
                        "invalid " + option + " '" + text + "': expected a duration such as 30s or 2m"));
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new DemoMain()).execute(args));
    }
}
