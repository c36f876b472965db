package dev.kafkasteward.demo;

import dev.kafkasteward.demo.stack.DemoInbox;
import dev.kafkasteward.demo.stack.GrafanaServer;
import dev.kafkasteward.demo.stack.MonitoringStack;
import dev.kafkasteward.demo.stack.StackBinaries;
import dev.kafkasteward.rules.RulesGenerator;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the demo runs around the exporter: the teams' webhook receivers (the example's teams are
 * reached at 127.0.0.1:9095, and each alert that reaches one is printed), Prometheus and
 * Alertmanager on the generated rules and routing, and Grafana on the generated dashboards when it
 * is installed. A part that is missing or cannot start (a port in use, say) is left out, and the
 * banner says why.
 */
final class DemoStack implements AutoCloseable {

    /** Ports of the parts; 0 picks a free one. */
    record Ports(int prometheus, int alertmanager, int grafana) {
    }

    /** Where examples/ownership.yml reaches every team: {@code http://127.0.0.1:9095/hooks/<team>}. */
    static final int WEBHOOK_PORT = 9095;

    private final Optional<DemoInbox> inbox;
    private final Optional<MonitoringStack> stack;
    private final Optional<GrafanaServer> grafana;
    private final List<String> lines;

    private DemoStack(Optional<DemoInbox> inbox, Optional<MonitoringStack> stack, Optional<GrafanaServer> grafana,
                      List<String> lines) {
        this.inbox = inbox;
        this.stack = stack;
        this.grafana = grafana;
        this.lines = lines;
    }

    static DemoStack start(Demo demo, Path out, Duration interval, Ports ports, PrintWriter alerts)
            throws InterruptedException {
        List<String> lines = new ArrayList<>();
        Path abs = out.toAbsolutePath();
        Optional<DemoInbox> inbox;
        try {
            inbox = Optional.of(DemoInbox.start(WEBHOOK_PORT, alerts));
            lines.add(line("Team webhooks", "http://127.0.0.1:" + inbox.get().port() + "/hooks/<team>"
                    + "   (alerts reaching a team are printed below)"));
        } catch (IOException e) {
            inbox = Optional.empty();
            lines.add(line("Team webhooks", "not started: " + e.getMessage()));
        }
        Optional<StackBinaries> binaries = StackBinaries.onPath();
        if (binaries.isEmpty()) {
            lines.add(line("Prometheus, Alertmanager", "not on PATH; to see the alerts fire: "
                    + StackBinaries.INSTALL_HINT + " (bin/demo installs them)"));
            return new DemoStack(inbox, Optional.empty(), Optional.empty(), lines);
        }
        MonitoringStack stack;
        try {
            stack = MonitoringStack.start(new MonitoringStack.Settings(binaries.get(),
                    abs.resolve("stack"), List.of("127.0.0.1:" + demo.exporterPort()),
                    List.of(abs.resolve(RulesGenerator.RULES_GLOB)), abs.resolve(RulesGenerator.ALERTMANAGER_FILE),
                    interval, ports.prometheus(), ports.alertmanager(), List.of()));
        } catch (IOException | IllegalStateException e) {
            lines.add(line("Prometheus, Alertmanager", "not started: "
                    + e.getMessage().lines().findFirst().orElse("") + " (logs in " + abs.resolve("stack") + ")"));
            return new DemoStack(inbox, Optional.empty(), Optional.empty(), lines);
        }
        lines.add(line("Prometheus UI (alerts)", stack.prometheusUrl() + "/alerts"));
        lines.add(line("Alertmanager UI", stack.alertmanagerUrl().toString()));
        lines.add(line("Their configs and logs", abs.resolve("stack").toString()));
        Optional<GrafanaServer> grafana = Optional.empty();
        Optional<GrafanaServer.Installation> installed = GrafanaServer.Installation.onPath();
        if (installed.isEmpty()) {
            lines.add(line("Grafana", "not on PATH (or no conf/defaults.ini beside it); the dashboards are in "
                    + abs.resolve("grafana/dashboards")));
        } else {
            try {
                grafana = Optional.of(GrafanaServer.start(installed.get(), abs.resolve("stack/grafana"),
                        abs.resolve("grafana/dashboards"), stack.prometheusUrl(), ports.grafana()));
                lines.add(line("Grafana (anonymous)", grafana.get().url() + "/dashboards"));
            } catch (IOException | IllegalStateException e) {
                lines.add(line("Grafana", "not started: " + e.getMessage().lines().findFirst().orElse("")
                        + " (log in " + abs.resolve("stack/grafana") + ")"));
            }
        }
        return new DemoStack(inbox, Optional.of(stack), grafana, lines);
    }

    /** One row of the demo's banner, aligned with the rows above it. */
    static String line(String label, String value) {
        return String.format("  %-24s %s", label, value);
    }

    /** What to print about the stack: its URLs, or why a part is not running. */
    String describe() {
        return String.join("\n", lines);
    }

    boolean alertsFlow() {
        return inbox.isPresent() && stack.isPresent();
    }

    @Override
    public void close() {
        grafana.ifPresent(GrafanaServer::close);
        stack.ifPresent(MonitoringStack::close);
        inbox.ifPresent(DemoInbox::close);
    }
}
