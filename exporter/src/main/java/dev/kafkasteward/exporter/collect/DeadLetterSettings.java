package dev.kafkasteward.exporter.collect;

import java.time.Duration;

/**
 * Bounds of the dead-letter header reads of one cycle; what is left is read next cycle.
 *
 * @param maxRecordsPerCycle most records whose headers are read per cycle, over all topics
 * @param readTime           longest time spent reading per cycle
 */
public record DeadLetterSettings(int maxRecordsPerCycle, Duration readTime) {

    public static final DeadLetterSettings DEFAULTS = new DeadLetterSettings(10_000, Duration.ofSeconds(2));
}
