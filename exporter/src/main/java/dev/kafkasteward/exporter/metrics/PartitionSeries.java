package dev.kafkasteward.exporter.metrics;

import java.util.Locale;

/**
 * How many per-partition series to expose. Group and group/topic totals are always there; on huge
 * clusters per-partition series can be limited to the partitions that need attention.
 */
public enum PartitionSeries {
    /** Every partition of every group. */
    ALL,
    /** Only partitions whose status is not ok. */
    NOT_OK,
    /** None: group and group/topic totals only. */
    NONE;

    public static PartitionSeries parse(String text) {
        return valueOf(text.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
    }
}
