package dev.kafkasteward.signals;

import dev.kafkasteward.contract.ownership.AlertOverride;
import dev.kafkasteward.contract.ownership.OwnedSelection;
import dev.kafkasteward.contract.ownership.Ownership;
import dev.kafkasteward.contract.ownership.PromDuration;
import dev.kafkasteward.contract.ownership.ResponsibilityArea;
import dev.kafkasteward.contract.ownership.Tier;
import java.util.List;
import java.util.Map;

/**
 * Who an asset's alerts of one area go to: its owner, the teams that share the responsibility, and the
 * asset's tier in one cluster. Every alert of the asset carries the same routing labels, so families build
 * them here.
 *
 * @param team       the owner, who receives the alerts
 * @param alsoNotify teams that receive them too
 * @param area       the area of seed 000's ownership table
 * @param tier       the asset's tier, which gives each signal's {@link SeverityRule} its severity
 * @param cluster    the ownership cluster
 * @param overrides  what the entry changes about its alerts, by alert name ({@code alerts:} in ownership.yml)
 */
public record Recipient(String team, List<String> alsoNotify, ResponsibilityArea area, Tier tier, String cluster,
                        Map<String, AlertOverride> overrides) {

    public Recipient {
        alsoNotify = List.copyOf(alsoNotify);
        overrides = Map.copyOf(overrides);
    }

    /**
     * The recipient of an entry's alerts in {@code area}: its owner, its own {@code also_notify} and the
     * area's shared owners, with what the entry changes about its alerts.
     */
    public static Recipient of(Ownership ownership, ResponsibilityArea area, String owner, List<String> alsoNotify,
                               String tier, Map<String, AlertOverride> overrides) {
        return new Recipient(owner, ownership.alsoNotify(area, owner, alsoNotify), area, ownership.tier(tier),
                ownership.cluster(), overrides);
    }

    /** The recipient of an entry's alerts in {@code area}. */
    public static Recipient of(Ownership ownership, ResponsibilityArea area, OwnedSelection entry) {
        return of(ownership, area, entry.owner(), entry.alsoNotify(), entry.tier(), entry.alerts());
    }

    /** The platform owner, for the platform's own signals in {@code area}. */
    public static Recipient platform(Ownership ownership, ResponsibilityArea area) {
        return of(ownership, area, ownership.platform().owner(), List.of(), ownership.platform().tier(),
                ownership.platform().alerts());
    }

    private static final AlertOverride NONE = new AlertOverride(true, java.util.Optional.empty());

    public AlertInstance alert(String alert, Condition condition, PromDuration alertFor, SeverityRule severity,
                               Text text, List<Scenario> scenarios) {
        return alert(alert, condition, alertFor, severity, Map.of(), text, scenarios);
    }

    /** @param extraLabels labels the rule adds besides the routing labels */
    public AlertInstance alert(String alert, Condition condition, PromDuration alertFor, SeverityRule severity,
                               Map<String, String> extraLabels, Text text, List<Scenario> scenarios) {
        AlertOverride override = overrides.getOrDefault(alert, NONE);
        return new AlertInstance(alert, condition, alertFor, override.severity().orElse(severity.apply(tier)), team,
                alsoNotify, area, tier.name(), cluster, extraLabels, text, scenarios, override.enabled());
    }
}
