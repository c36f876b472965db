package dev.kafkasteward.rules.signal;

import dev.kafkasteward.contract.ownership.Ownership;
import dev.kafkasteward.rules.alertmanager.AlertmanagerConfig.InhibitRule;
import dev.kafkasteward.rules.prometheus.RuleFile.Rule;
import dev.kafkasteward.rules.prometheus.RuleTestFile.Test;
import java.util.List;

/**
 * One signal (lag age, dead letters, disk, ...) turned into alerting rules, the promtool tests that
 * prove them, and the inhibitions between its severities. Adding a signal means adding a family.
 */
public interface AlertFamily {

    /** Kebab-case name used in rule-group names, e.g. {@code consumer-lag-age}. */
    String name();

    /** The rules (alerting, and recording rules they read), in a stable order. */
    List<? extends Rule> rules(Ownership ownership);

    /** promtool tests covering every rule returned by {@link #rules}. */
    List<Test> tests(Ownership ownership);

    /** Inhibitions among this family's alerts, e.g. critical mutes warning for the same asset. */
    List<InhibitRule> inhibitRules();
}
