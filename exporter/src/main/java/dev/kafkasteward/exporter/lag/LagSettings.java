package dev.kafkasteward.exporter.lag;

import java.time.Duration;

/**
 * @param stallAfter how long a lagging group's committed offset may stand still, with members
 *                   present, before the partition counts as stalled
 */
public record LagSettings(Duration stallAfter) {

    public static final LagSettings DEFAULTS = new LagSettings(Duration.ofMinutes(2));
}
