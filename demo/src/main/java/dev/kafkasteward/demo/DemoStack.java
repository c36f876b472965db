package dev.kafkasteward.demo;

import dev.kafkasteward.demo.stack.MonitoringStack;
import dev.kafkasteward.demo.stack.StackBinaries;
import dev.kafkasteward.rules.RulesGenerator;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The demo's Prometheus and Alertmanager, when they are installed: they load the files the demo
 * generated, so a newcomer sees the real rules evaluate and alerts reach Alertmanager. When they
 * are missing, or fail to start (a port in use, say), the demo runs without them and says why.
 */
final class DemoStack implements AutoCloseable {

    private final Optional<MonitoringStack> stack;
    private final String description;

    private DemoStack(Optional<MonitoringStack> stack, String description) {
        this.stack = stack;
        this.description = description;
    }

    static DemoStack start(Demo demo, Path out, Duration interval, int prometheusPort, int alertmanagerPort)
            throws InterruptedException {
        Optional<StackBinaries> binaries = StackBinaries.onPath();
        if (binaries.isEmpty()) {
            return new DemoStack(Optional.empty(), line("Prometheus, Alertmanager", "not on PATH; to see the alerts"
                    + " fire in their UIs: " + StackBinaries.INSTALL_HINT));
        }
        Path abs = out.toAbsolutePath();
        try {
            MonitoringStack stack = MonitoringStack.start(new MonitoringStack.Settings(binaries.get(),
                    abs.resolve("stack"), List.of("127.0.0.1:" + demo.exporterPort()),
                    List.of(abs.resolve(RulesGenerator.RULES_GLOB)), abs.resolve(RulesGenerator.ALERTMANAGER_FILE),
                    interval, prometheusPort, alertmanagerPort, List.of()));
            return new DemoStack(Optional.of(stack), line("Prometheus UI (alerts)", stack.prometheusUrl() + "/alerts")
                    + "\n" + line("Alertmanager UI", stack.alertmanagerUrl().toString())
                    + "\n" + line("Their configs and logs", abs.resolve("stack").toString())
                    + "\nfulfillment-service's KafkaConsumerLagAgeWarning fires after about 3 minutes (30s of lag"
                    + " age, then for: 2m),\nand Alertmanager routes it to the fulfillment team's receivers.");
        } catch (java.io.IOException | IllegalStateException e) {
            return new DemoStack(Optional.empty(), line("Prometheus, Alertmanager", "not started: "
                    + e.getMessage().lines().findFirst().orElse("") + " (logs in " + abs.resolve("stack") + ")"));
        }
    }

    /** One row of the demo's banner, aligned with the rows above it. */
    private static String line(String label, String value) {
        return String.format("  %-24s %s", label, value);
    }

    /** What to print about the stack: its URLs, or why it is not running. */
    String describe() {
        return description;
    }

    @Override
    public void close() {
        stack.ifPresent(MonitoringStack::close);
    }
}
