package dev.kafkasteward.signals;

import dev.kafkasteward.contract.ownership.Severity;
import dev.kafkasteward.contract.ownership.Tier;

/**
 * How a signal derives its {@code severity} from the asset's tier (the asset's own {@code tier:}
 * overrides the default tier). A lower threshold never pages louder than the tier allows.
 */
public enum SeverityRule {
    /** The tier's severity: the signal pages as loudly as the asset matters. */
    TIER,
    /** {@code warning}, or {@code info} when the tier's severity is {@code info}. */
    WARNING,
    /** Always {@code info}: worth seeing, never worth waking anyone. */
    INFO;

    public Severity apply(Tier tier) {
        return switch (this) {
            case TIER -> tier.severity();
            case WARNING -> tier.severity() == Severity.INFO ? Severity.INFO : Severity.WARNING;
            case INFO -> Severity.INFO;
        };
    }
}
