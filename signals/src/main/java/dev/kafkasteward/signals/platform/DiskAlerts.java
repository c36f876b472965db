package dev.kafkasteward.signals.platform;

import dev.kafkasteward.contract.catalog.AlertCatalog;
import dev.kafkasteward.contract.catalog.DiskMetrics;
import dev.kafkasteward.contract.ownership.Ownership;
import dev.kafkasteward.contract.ownership.Percent;
import dev.kafkasteward.contract.ownership.Platform;
import dev.kafkasteward.contract.ownership.PromDuration;
import dev.kafkasteward.contract.ownership.ResponsibilityArea;
import dev.kafkasteward.signals.ServingReplicas;
import dev.kafkasteward.signals.Condition;
import dev.kafkasteward.signals.Inhibition;
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
import java.util.List;
import java.util.Map;

/**
 * Disk headroom per broker and log dir, with the horizons and ratios of {@code platform.disk}:
 * time to exhaustion (the exporter's forecast, which already accounts for retention), usage, and
 * failed log dirs. Critical levels inhibit their warnings for the same log dir.
 */
public final class DiskAlerts {

    public static final String EXHAUSTION_WARNING = AlertCatalog.DISK_EXHAUSTION_WARNING.name();
    public static final String EXHAUSTION_CRITICAL = AlertCatalog.DISK_EXHAUSTION_CRITICAL.name();
    public static final String USAGE_WARNING = AlertCatalog.DISK_USAGE_WARNING.name();
    public static final String USAGE_CRITICAL = AlertCatalog.DISK_USAGE_CRITICAL.name();
    public static final String LOG_DIR_OFFLINE = AlertCatalog.LOG_DIR_OFFLINE.name();
    private static final List<String> LOG_DIR = List.of("cluster", "broker", "log_dir");

    private DiskAlerts() {
    }

    public static PlatformFamily family(double timeScale) {
        return new PlatformFamily("disk", ResponsibilityArea.HOST_AND_DISK, timeScale, DiskAlerts::signals, List.of(
                Inhibition.of(EXHAUSTION_CRITICAL, PromQl.eq("alertname", EXHAUSTION_WARNING), LOG_DIR),
                Inhibition.of(USAGE_CRITICAL, PromQl.eq("alertname", USAGE_WARNING), LOG_DIR)));
    }

    private static List<PlatformSignal> signals(Ownership ownership) {
        Platform.Disk disk = ownership.platform().disk();
        return List.of(
                exhaustion(EXHAUSTION_WARNING, SeverityRule.WARNING, disk.exhaustionWarning(), Durations.parse("15m")),
                exhaustion(EXHAUSTION_CRITICAL, SeverityRule.TIER, disk.exhaustionCritical(), Durations.parse("5m")),
                usage(USAGE_WARNING, SeverityRule.WARNING, disk.usageWarning(), Durations.parse("15m")),
                usage(USAGE_CRITICAL, SeverityRule.TIER, disk.usageCritical(), Durations.parse("5m")),
                new PlatformSignal(LOG_DIR_OFFLINE, SeverityRule.TIER, Durations.parse("1m"),
                        c -> Condition.above("max by (cluster, broker, log_dir) (" + ServingReplicas.only(
                                DiskMetrics.LOG_DIR_OFFLINE.select(PromQl.eq("cluster", c))) + ")", 0),
                        new Text(v -> "Log dir " + v.label("log_dir") + " on broker " + v.label("broker") + " is offline.",
                                v -> "Broker " + v.label("broker") + " in cluster " + v.label("cluster")
                                        + " reports log dir " + v.label("log_dir") + " as failed: its replicas are"
                                        + " offline on that broker."),
                        c -> Scenarios.gauge(DiskMetrics.LOG_DIR_OFFLINE, c, List.of("broker", "log_dir"),
                                Map.of("broker", "1", "log_dir", "/data/a"), 1, Map.of("broker", "2", "log_dir",
                                        "/data/a"), 0)));
    }

    private static PlatformSignal exhaustion(String alert, SeverityRule severity, PromDuration horizon,
                                             PromDuration alertFor) {
        long seconds = horizon.seconds();
        return new PlatformSignal(alert, severity, alertFor,
                c -> Condition.below("min by (cluster, broker, log_dir) (" + ServingReplicas.only(
                        DiskMetrics.LOG_DIR_TIME_TO_EXHAUSTION.select(PromQl.eq("cluster", c))) + ")", seconds),
                new Text(v -> "Disk of broker " + v.label("broker") + " fills up within " + horizon.text() + ".",
                        v -> "At the current growth, log dir " + v.label("log_dir") + " of broker " + v.label("broker")
                                + " in cluster " + v.label("cluster") + " is full in " + v.value(ValueUnit.DURATION)
                                + " (horizon " + horizon.text() + "), retention included."),
                c -> Scenarios.gauge(DiskMetrics.LOG_DIR_TIME_TO_EXHAUSTION, c, List.of("broker", "log_dir"),
                        Map.of("broker", "1", "log_dir", "/data/a"), seconds / 2,
                        Map.of("broker", "2", "log_dir", "/data/a"), seconds * 2));
    }

    private static PlatformSignal usage(String alert, SeverityRule severity, Percent ratio, PromDuration alertFor) {
        return new PlatformSignal(alert, severity, alertFor,
                c -> Condition.above("max by (cluster, broker, log_dir) (" + ServingReplicas.only("1 - "
                        + DiskMetrics.LOG_DIR_USABLE.select(PromQl.eq("cluster", c)) + " / "
                        + DiskMetrics.LOG_DIR_TOTAL.select(PromQl.eq("cluster", c))) + ")", ratio.ratio()),
                new Text(v -> "Disk of broker " + v.label("broker") + " is more than " + ratio.text() + " full.",
                        v -> "Log dir " + v.label("log_dir") + " of broker " + v.label("broker") + " in cluster "
                                + v.label("cluster") + " is " + v.value(ValueUnit.RATIO) + " full (threshold "
                                + ratio.text() + ")."),
                c -> usageScenario(c, ratio.ratio()));
    }

    /** A 100-byte volume: 3 usable bytes more than the threshold leaves fires, the other one does not. */
    private static Scenario usageScenario(String cluster, double ratio) {
        double fullUsable = Math.max(0, Math.floor((1 - ratio) * 100) - 3);
        double fineUsable = Math.min(100, Math.ceil((1 - ratio) * 100) + 3);
        List<Input> inputs = new java.util.ArrayList<>();
        for (String c : List.of(cluster, cluster + Scenarios.OTHER_CLUSTER_SUFFIX)) {
            inputs.add(Input.gauge(DiskMetrics.LOG_DIR_TOTAL, Map.of("cluster", c, "broker", "1", "log_dir", "/d"), 100));
            inputs.add(Input.gauge(DiskMetrics.LOG_DIR_USABLE, Map.of("cluster", c, "broker", "1", "log_dir", "/d"),
                    fullUsable));
        }
        inputs.add(Input.gauge(DiskMetrics.LOG_DIR_TOTAL, Map.of("cluster", cluster, "broker", "2", "log_dir", "/d"), 100));
        inputs.add(Input.gauge(DiskMetrics.LOG_DIR_USABLE, Map.of("cluster", cluster, "broker", "2", "log_dir", "/d"),
                fineUsable));
        return new Scenario(inputs, List.of(Firing.of(Map.of("cluster", cluster, "broker", "1", "log_dir", "/d"),
                1 - fullUsable / 100)), 0);
    }
}
