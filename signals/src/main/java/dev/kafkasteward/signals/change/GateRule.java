package dev.kafkasteward.signals.change;

import dev.kafkasteward.contract.gate.GateCondition;
import dev.kafkasteward.contract.ownership.PromDuration;
import dev.kafkasteward.signals.Recording;
import dev.kafkasteward.signals.Scenario;
import java.util.List;

/**
 * One recording rule of the change gate and the promtool scenarios that prove it.
 *
 * @param condition the stop condition it records
 * @param recording the rule: {@link GateCondition#SERIES} with the condition, owner and threshold labels
 * @param settle    how long the scenarios' series run before the check (the alert's {@code for}, or 0)
 * @param scenarios inputs, and the exact samples of the series expected for this rule (labels without the name)
 */
public record GateRule(GateCondition condition, Recording recording, PromDuration settle, List<Scenario> scenarios) {

    public GateRule {
        scenarios = List.copyOf(scenarios);
    }
}
