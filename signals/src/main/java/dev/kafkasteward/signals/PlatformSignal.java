package dev.kafkasteward.signals;

import dev.kafkasteward.contract.ownership.PromDuration;
import java.util.function.Function;

/**
 * A platform signal defined once: condition (value and threshold), severity rule, {@code for}, text and
 * promtool scenario. Every platform signal goes to {@code platform.owner} with {@code platform.tier}.
 *
 * @param alert     CamelCase alert name
 * @param severity  how the platform tier's severity applies
 * @param alertFor  how long the condition must hold before it fires (before time scaling)
 * @param condition the condition for one cluster
 * @param text      summary and description
 * @param scenario  the promtool scenario for one cluster
 */
public record PlatformSignal(String alert, SeverityRule severity, PromDuration alertFor,
                             Function<String, Condition> condition, Text text, Function<String, Scenario> scenario) {
}
