package dev.kafkasteward.contract.ownership;

import java.util.Locale;

/** Alert severities, limited to the three the monitoring-mixins conventions allow. */
public enum Severity {
    CRITICAL, WARNING, INFO;

    /** The label value used in alerts and routing. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
