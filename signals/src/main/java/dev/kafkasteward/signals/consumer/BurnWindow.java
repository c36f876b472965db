package dev.kafkasteward.signals.consumer;

import dev.kafkasteward.contract.ownership.PromDuration;
import java.util.List;

/**
 * One multi-window burn-rate condition (Google SRE workbook, as sloth and pyrra generate it): the
 * error budget burns faster than {@code factor} over both a long and a short window. For a 30-day
 * objective: page at 14.4x over 1h/5m or 6x over 6h/30m, ticket at 3x over 1d/2h or 1x over 3d/6h.
 * Windows scale with the objective's window, so the share of budget each condition stands for stays.
 */
record BurnWindow(double factor, PromDuration longWindow, PromDuration shortWindow) {

    /** Long windows as fractions of a 30-day objective window: 1h, 6h, 1d, 3d. */
    private static final long[] LONG_DIVISORS = {720, 120, 30, 10};
    private static final double[] FACTORS = {14.4, 6, 3, 1};

    static List<BurnWindow> page(PromDuration objectiveWindow) {
        return List.of(of(0, objectiveWindow), of(1, objectiveWindow));
    }

    static List<BurnWindow> ticket(PromDuration objectiveWindow) {
        return List.of(of(2, objectiveWindow), of(3, objectiveWindow));
    }

    private static BurnWindow of(int i, PromDuration window) {
        long longSeconds = Math.max(60, window.seconds() / LONG_DIVISORS[i]);
        long shortSeconds = Math.max(60, longSeconds / 12);
        return new BurnWindow(FACTORS[i], PromDuration.ofSeconds(longSeconds), PromDuration.ofSeconds(shortSeconds));
    }
}
