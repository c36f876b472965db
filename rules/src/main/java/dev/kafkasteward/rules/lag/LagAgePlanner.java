package dev.kafkasteward.rules.lag;

import dev.kafkasteward.contract.ownership.NameSelector;
import dev.kafkasteward.contract.ownership.Ownership;
import dev.kafkasteward.rules.prom.Durations;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns consumer-group entries into planned alerts, enforcing the ownership rule that the first
 * entry in file order owns a group: each entry excludes the earlier entries that could claim the
 * same groups, and an exact entry wholly claimed by an earlier one gets no alerts at all.
 */
public final class LagAgePlanner {

    private final double timeScale;

    LagAgePlanner(double timeScale) {
        this.timeScale = timeScale;
    }

    List<LagAgeAlert> plan(Ownership ownership) {
        List<LagAgeAlert> alerts = new ArrayList<>();
        for (ConsumerEntries.Planned p : ConsumerEntries.plan(ownership)) {
            var alertFor = Durations.scale(p.tier().alertFor(), timeScale);
            for (LagAgeAlert.Level level : LagAgeAlert.Level.values()) {
                alerts.add(new LagAgeAlert(p.entry(), level, p.tier(), p.excluded(), alertFor));
            }
        }
        return alerts;
    }

    /**
     * The earlier selectors that may claim groups {@code selector} also claims. Overlap is decided
     * exactly when one side is a name; two patterns are assumed to overlap.
     */
    public static List<NameSelector> overlapping(NameSelector selector, List<NameSelector> earlier) {
        return earlier.stream().filter(e -> {
            if (!selector.isPattern()) {
                return e.matches(selector.name());
            }
            return e.isPattern() || selector.matches(e.name());
        }).toList();
    }
}
