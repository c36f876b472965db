package dev.kafkasteward.exporter.metrics;

import java.util.Locale;

/**
 * Which per-partition consumer series to expose, and at most how many partitions. Group and
 * group/topic totals are always there; on huge clusters per-partition series can be limited to the
 * partitions that need attention, and a hard cap keeps one runaway group from flooding Prometheus.
 *
 * @param mode which partitions qualify
 * @param max    most partitions exposed per scrape; past it, ok partitions are left out before
 *               partitions that need attention, and {@code kafka_steward_omitted_series} says how many
 * @param owners also the member each of those partitions is assigned to, as an info series (opt in: its
 *               labels change at every rebalance)
 */
public record PartitionSeries(Mode mode, int max, boolean owners) {

    /** Which partitions qualify for per-partition series. */
    public enum Mode {
        /** Every partition of every group. */
        ALL,
        /** Only partitions whose status is not ok. */
        NOT_OK,
        /** None: group and group/topic totals only. */
        NONE
    }

    /** Default cap: 100,000 partitions are ~500,000 series, as much as one target should send. */
    public static final int DEFAULT_MAX = 100_000;

    public static final PartitionSeries ALL = new PartitionSeries(Mode.ALL, DEFAULT_MAX);
    public static final PartitionSeries NOT_OK = new PartitionSeries(Mode.NOT_OK, DEFAULT_MAX);
    public static final PartitionSeries NONE = new PartitionSeries(Mode.NONE, 0);

    /** Without owner series. */
    public PartitionSeries(Mode mode, int max) {
        this(mode, max, false);
    }

    public PartitionSeries {
        if (max < 0) {
            throw new IllegalArgumentException("max must not be negative, got " + max);
        }
    }

    /** {@code all}, {@code not-ok} or {@code none}, with the default cap. */
    public static PartitionSeries parse(String text) {
        Mode mode = Mode.valueOf(text.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
        return mode == Mode.NONE ? NONE : new PartitionSeries(mode, DEFAULT_MAX);
    }

    /**
     * Which of {@code size} partitions get per-partition series: those the mode admits, and past the cap the
     * ones that need attention ({@code ok} false) before healthy ones.
     */
    boolean[] select(int size, java.util.function.IntPredicate ok) {
        boolean[] shown = new boolean[size];
        int budget = max;
        for (boolean attention : new boolean[] {true, false}) {
            for (int i = 0; i < size && budget > 0; i++) {
                boolean healthy = ok.test(i);
                boolean admitted = switch (mode) {
                    case ALL -> true;
                    case NOT_OK -> !healthy;
                    case NONE -> false;
                };
                if (admitted && healthy != attention) {
                    shown[i] = true;
                    budget--;
                }
            }
        }
        return shown;
    }

    public PartitionSeries withMax(int max) {
        return new PartitionSeries(mode, max, owners);
    }

    public PartitionSeries withOwners(boolean owners) {
        return new PartitionSeries(mode, max, owners);
    }
}
