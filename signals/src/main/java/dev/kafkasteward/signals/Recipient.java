package dev.kafkasteward.signals;

import dev.kafkasteward.contract.ownership.PromDuration;
import dev.kafkasteward.contract.ownership.Tier;
import java.util.List;
import java.util.Map;

/**
 * Who an asset's alerts go to: its owner and tier in one cluster. Every alert of the asset carries
 * the same routing labels, so families build them here.
 *
 * @param team    the owner, who receives the alerts
 * @param tier    the asset's tier, which gives each signal's {@link SeverityRule} its severity
 * @param cluster the ownership cluster
 */
public record Recipient(String team, Tier tier, String cluster) {

    public AlertInstance alert(String alert, String expr, PromDuration alertFor, SeverityRule severity, Text text,
                               List<Scenario> scenarios) {
        return alert(alert, expr, alertFor, severity, Map.of(), text, scenarios);
    }

    /** @param extraLabels labels the rule adds besides the routing labels */
    public AlertInstance alert(String alert, String expr, PromDuration alertFor, SeverityRule severity,
                               Map<String, String> extraLabels, Text text, List<Scenario> scenarios) {
        return new AlertInstance(alert, expr, alertFor, severity.apply(tier), team, tier.name(), cluster, extraLabels,
                text, scenarios);
    }
}
