package dev.kafkasteward.exporter.core;

import dev.kafkasteward.exporter.collect.Collector;
import dev.kafkasteward.exporter.observation.Observation;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs collection cycles in the background and publishes what scrapes serve. A cycle that could
 * not reach the cluster keeps the previous snapshot and only updates the status, so staleness is
 * visible as a metric while no series flaps to zero. The loop never dies on an error: a cycle that throws
 * anything, {@link Error}s included, counts as failed and the next one runs (a throwable escaping a periodic
 * task would silently end every future cycle). Should the loop still stop or hang, {@link #stuck()} says so, and
 * {@code /healthz} with it, so a liveness probe restarts an exporter that is alive but not collecting.
 */
public final class CollectionLoop implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(CollectionLoop.class);

    private final Collector collector;
    private final Analysis analysis;
    private final Clock clock;
    private final Duration interval;
    private final AtomicReference<ServedState> state;
    private final ScheduledExecutorService executor;
    private final Duration stuckAfter;
    private volatile Consumer<ServedState> beforePublish = s -> { };
    /** Start of the cycle running now, null between cycles. */
    private volatile Instant cycleStarted;
    /** End of the last cycle, or the loop's creation before the first. */
    private volatile Instant lastCycleEnded;

    /** With {@code stuckAfter} two intervals plus two minutes. */
    public CollectionLoop(Collector collector, Analysis analysis, Clock clock, Duration interval) {
        this(collector, analysis, clock, interval, interval.multipliedBy(2).plusMinutes(2));
    }

    /**
     * @param stuckAfter how long a cycle may run, or the loop go without starting one, before {@link #stuck()}
     *                   reports it; longer than the interval plus the longest a healthy cycle takes
     */
    public CollectionLoop(Collector collector, Analysis analysis, Clock clock, Duration interval,
                          Duration stuckAfter) {
        this.collector = collector;
        this.analysis = analysis;
        this.clock = clock;
        this.interval = interval;
        this.stuckAfter = stuckAfter;
        this.lastCycleEnded = clock.instant();
        this.state = new AtomicReference<>(new ServedState(Optional.empty(), CollectionStatus.startingAt(clock.instant())));
        this.executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "steward-collector");
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Runs {@code hook} on each new state in the collection thread just before scrapes can see it,
     * e.g. to render the exposition once per cycle instead of in the first scrape after it.
     */
    public void beforePublish(Consumer<ServedState> hook) {
        this.beforePublish = hook;
    }

    public void start() {
        executor.scheduleWithFixedDelay(this::runOnce, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** One cycle: collect, analyze, publish. Exposed for tests that drive cycles by hand. */
    public void runOnce() {
        Instant start = clock.instant();
        cycleStarted = start;
        Map<String, Integer> errors;
        Optional<Snapshot> snapshot = state.get().snapshot();
        boolean refreshed = false;
        try {
            Observation adminPhase = collector.collect();
            errors = adminPhase.errors();
            if (adminPhase.reachedCluster()) {
                Observation complete = collector.readTimestamps(adminPhase, analysis.plan(adminPhase));
                errors = complete.errors();
                snapshot = Optional.of(analysis.analyze(complete));
                refreshed = true;
            }
        } catch (Throwable e) { // Errors too: see the class comment
            LOG.error("collection cycle failed", e);
            errors = Map.of("cycle", 1);
        }
        Instant end = clock.instant();
        CollectionStatus status = state.get().status().after(end, Duration.between(start, end), errors, refreshed);
        ServedState next = new ServedState(snapshot, status);
        if (refreshed) {
            try {
                beforePublish.accept(next);
            } catch (Throwable e) {
                LOG.warn("preparing the exposition failed; scrapes will render it", e);
            }
        }
        state.set(next);
        lastCycleEnded = clock.instant();
        cycleStarted = null;
    }

    /**
     * Why the loop is not collecting, if it is not: a cycle running for longer than {@code stuckAfter}, or no
     * cycle started for that long after the last one ended.
     */
    public Optional<String> stuck() {
        Instant now = clock.instant();
        Instant running = cycleStarted;
        Duration quiet = Duration.between(running != null ? running : lastCycleEnded, now);
        if (quiet.compareTo(stuckAfter) <= 0) {
            return Optional.empty();
        }
        return Optional.of(running != null
                ? "a collection cycle has been running for " + quiet.toSeconds() + " s"
                : "no collection cycle has started for " + quiet.toSeconds() + " s");
    }

    public ServedState state() {
        return state.get();
    }

    /** Ready once a snapshot exists to serve. */
    public boolean ready() {
        return state.get().snapshot().isPresent();
    }

    @Override
    public void close() {
        executor.shutdownNow();
        try {
            if (!executor.awaitTermination(15, TimeUnit.SECONDS)) {
                LOG.warn("collector thread did not stop within 15 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
