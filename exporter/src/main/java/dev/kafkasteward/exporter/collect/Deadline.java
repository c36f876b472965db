package dev.kafkasteward.exporter.collect;

import java.time.Duration;

/**
 * One time budget shared by all per-key futures of a request, so a request with many keys waits at
 * most its timeout in total rather than once per key. Collection is the I/O edge: it may read the
 * monotonic system clock.
 */
final class Deadline {

    private final long endNanos;

    private Deadline(long endNanos) {
        this.endNanos = endNanos;
    }

    static Deadline in(Duration budget) {
        return new Deadline(System.nanoTime() + budget.toNanos());
    }

    /** Milliseconds left, at least 1 so an expired deadline still collects futures that are already done. */
    long remainingMs() {
        return Math.max(1, (endNanos - System.nanoTime()) / 1_000_000);
    }
}
