package dev.kafkasteward.signals;

import dev.kafkasteward.signals.promql.PromQl;
import java.util.List;

/**
 * While an alert matching {@code sourceMatchers} fires, alerts matching {@code targetMatchers} with the
 * same {@code equal} labels are muted. Matchers use Alertmanager's {@code label="value"} syntax.
 */
public record Inhibition(List<String> sourceMatchers, List<String> targetMatchers, List<String> equal) {

    public Inhibition {
        sourceMatchers = List.copyOf(sourceMatchers);
        targetMatchers = List.copyOf(targetMatchers);
        equal = List.copyOf(equal);
    }

    /**
     * While alert {@code source} fires, mutes the alerts {@code targets} selects, e.g.
     * {@code alertname="KafkaDiskUsageWarning"}, that share the {@code equal} labels.
     */
    public static Inhibition of(String source, String targets, List<String> equal) {
        return new Inhibition(List.of(PromQl.eq("alertname", source)), List.of(targets), equal);
    }
}
