package dev.kafkasteward.signals;

import dev.kafkasteward.contract.ownership.Ownership;
import java.util.List;

/**
 * One signal family (lag age, dead letters, disk, ...) for an ownership: its alerts, the recording
 * rules they read, and the inhibitions between its alerts. The rules module renders these as rule
 * files, promtool tests and Alertmanager inhibitions; the grafana module as panels and alert lists.
 * Adding a signal means adding it to a family here, and nowhere else.
 */
public interface SignalFamily {

    /** Kebab-case name used in rule-group and file names, e.g. {@code consumer-lag-age}. */
    String name();

    /** Every alert of this family for {@code ownership}, in a stable order. */
    List<AlertInstance> instances(Ownership ownership);

    /** Recording rules the alerts read, in the order Prometheus must evaluate them. */
    default List<Recording> recordings(Ownership ownership) {
        return List.of();
    }

    /** Inhibitions among this family's alerts, e.g. critical mutes warning for the same asset. */
    default List<Inhibition> inhibitions() {
        return List.of();
    }

    /** The factor this family applied to its {@code for} and range windows; its promtool tests sample at it. */
    double timeScale();
}
