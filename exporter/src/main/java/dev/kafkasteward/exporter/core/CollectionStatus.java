package dev.kafkasteward.exporter.core;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * How collection is going, kept apart from the data so that a failing cycle updates it while the
 * last good snapshot stays served.
 *
 * @param startedAt    when the exporter started
 * @param lastSuccess  end of the last cycle that completed without error
 * @param lastDuration wall time of the last cycle
 * @param successes    cycles without error
 * @param failures     cycles with at least one error
 * @param errors       errors since start, by stage label
 */
public record CollectionStatus(Instant startedAt, Optional<Instant> lastSuccess, Optional<Duration> lastDuration,
                               long successes, long failures, SortedMap<String, Long> errors) {

    public CollectionStatus {
        errors = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(errors));
    }

    public static CollectionStatus startingAt(Instant startedAt) {
        return new CollectionStatus(startedAt, Optional.empty(), Optional.empty(), 0, 0, new TreeMap<>());
    }

    /** The status after one more cycle ending at {@code end} with {@code cycleErrors}. */
    public CollectionStatus after(Instant end, Duration took, Map<String, Integer> cycleErrors) {
        TreeMap<String, Long> all = new TreeMap<>(errors);
        cycleErrors.forEach((stage, n) -> all.merge(stage, (long) n, Long::sum));
        boolean ok = cycleErrors.isEmpty();
        return new CollectionStatus(startedAt, ok ? Optional.of(end) : lastSuccess, Optional.of(took),
                successes + (ok ? 1 : 0), failures + (ok ? 0 : 1), all);
    }

    /** Seconds the served data lags behind {@code now}; since start when nothing succeeded yet. */
    public double stalenessSeconds(Instant now) {
        Instant since = lastSuccess.orElse(startedAt);
        return Math.max(0, Duration.between(since, now).toMillis() / 1000.0);
    }
}
