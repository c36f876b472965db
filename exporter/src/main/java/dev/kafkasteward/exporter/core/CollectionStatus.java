package dev.kafkasteward.exporter.core;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * How collection is going, kept apart from the data so that a failing cycle updates it while the
 * last snapshot stays served.
 *
 * <p>A cycle either refreshed the served data — completely ({@code successes}) or partly, with
 * some stage failing ({@code partials}; the snapshot is flagged partial) — or did not reach Kafka
 * and left the data as it was ({@code failures}). Staleness counts from the last refresh, so a
 * permanent partial failure (a missing ACL on one group) shows as errors and partial snapshots,
 * not as ever-growing staleness of data that is in fact fresh.
 *
 * @param startedAt    when the exporter started
 * @param lastRefresh  end of the last cycle that refreshed the served data
 * @param lastDuration wall time of the last cycle
 * @param successes    cycles that refreshed the data without error
 * @param partials     cycles that refreshed the data with some stage failing
 * @param failures     cycles that could not reach Kafka
 * @param errors       errors since start, by stage label
 */
public record CollectionStatus(Instant startedAt, Optional<Instant> lastRefresh, Optional<Duration> lastDuration,
                               long successes, long partials, long failures, SortedMap<String, Long> errors) {

    public CollectionStatus {
        errors = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(errors));
    }

    public static CollectionStatus startingAt(Instant startedAt) {
        return new CollectionStatus(startedAt, Optional.empty(), Optional.empty(), 0, 0, 0, new TreeMap<>());
    }

    /** The status after one more cycle ending at {@code end}; {@code refreshed} when it published a snapshot. */
    public CollectionStatus after(Instant end, Duration took, Map<String, Integer> cycleErrors, boolean refreshed) {
        TreeMap<String, Long> all = new TreeMap<>(errors);
        cycleErrors.forEach((stage, n) -> all.merge(stage, (long) n, Long::sum));
        boolean complete = refreshed && cycleErrors.isEmpty();
        boolean partial = refreshed && !cycleErrors.isEmpty();
        return new CollectionStatus(startedAt, refreshed ? Optional.of(end) : lastRefresh, Optional.of(took),
                successes + (complete ? 1 : 0), partials + (partial ? 1 : 0), failures + (refreshed ? 0 : 1), all);
    }

    /** Seconds the served data lags behind {@code now}; since start when nothing was collected yet. */
    public double stalenessSeconds(Instant now) {
        Instant since = lastRefresh.orElse(startedAt);
        return Math.max(0, Duration.between(since, now).toMillis() / 1000.0);
    }
}
