package dev.kafkasteward.exporter.lag;

import java.util.Locale;

/**
 * What a group is doing about one partition (DESIGN.md, "partition status").
 * <ul>
 *   <li>{@code ok}: caught up;</li>
 *   <li>{@code lagging}: behind, and the committed offset moves;</li>
 *   <li>{@code stalled}: behind, members exist, but the committed offset has not moved for a while;</li>
 *   <li>{@code stopped}: behind, and nobody in the group consumes the partition's topic (no members,
 *       or members no longer subscribed to it);</li>
 *   <li>{@code unassigned}: the group has members consuming the topic, but none owns this partition;</li>
 *   <li>{@code beyond_log_end}: the committed offset is past the log end (the topic was deleted and
 *       recreated under the same name, or its log truncated): the consumer will reset to wherever its
 *       {@code auto.offset.reset} says, so how far behind it is cannot be known.</li>
 * </ul>
 */
public enum PartitionStatus {
    OK, LAGGING, STALLED, STOPPED, UNASSIGNED, BEYOND_LOG_END;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
