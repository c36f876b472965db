package dev.kafkasteward.rules.lag;

import dev.kafkasteward.contract.ownership.Ownership;
import dev.kafkasteward.rules.prom.Durations;
import java.util.ArrayList;
import java.util.List;

/** Turns the planned consumer-group entries into lag-age alerts: a warning and a critical level each. */
final class LagAgePlanner {

    private final ConsumerEntries entries;
    private final double timeScale;

    LagAgePlanner(ConsumerEntries entries, double timeScale) {
        this.entries = entries;
        this.timeScale = timeScale;
    }

    List<LagAgeAlert> plan(Ownership ownership) {
        List<LagAgeAlert> alerts = new ArrayList<>();
        for (ConsumerEntries.Planned p : entries.plan(ownership)) {
            var alertFor = Durations.scale(p.tier().alertFor(), timeScale);
            for (LagAgeAlert.Level level : LagAgeAlert.Level.values()) {
                alerts.add(new LagAgeAlert(p, level, alertFor));
            }
        }
        return alerts;
    }
}
