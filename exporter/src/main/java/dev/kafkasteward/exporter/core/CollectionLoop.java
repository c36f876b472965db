package dev.kafkasteward.exporter.core;

import dev.kafkasteward.exporter.collect.Collector;
import dev.kafkasteward.exporter.collect.Observation;
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
 * visible as a metric while no series flaps to zero. The loop never dies on an error.
 */
public final class CollectionLoop implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(CollectionLoop.class);

    private final Collector collector;
    private final Analysis analysis;
    private final Clock clock;
    private final Duration interval;
    private final AtomicReference<ServedState> state;
    private final ScheduledExecutorService executor;
    private volatile Consumer<ServedState> beforePublish = s -> { };

    public CollectionLoop(Collector collector, Analysis analysis, Clock clock, Duration interval) {
        this.collector = collector;
        this.analysis = analysis;
        this.clock = clock;
        this.interval = interval;
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
        Map<String, Integer> errors;
        Optional<Snapshot> snapshot = state.get().snapshot();
        boolean refreshed = false;
        try {
            Observation adminPhase = collector.collect();
            errors = adminPhase.errors();
            if (adminPhase.reachedCluster()) {
                Observation complete = collector.readTimestamps(adminPhase, analysis.plan(adminPhase));
                errors = complete.errors();
                snapshot = Optional.of(analysis.analyze(complete, snapshot));
                refreshed = true;
            }
        } catch (RuntimeException e) {
            LOG.error("collection cycle failed", e);
            errors = Map.of("cycle", 1);
        }
        Instant end = clock.instant();
        CollectionStatus status = state.get().status().after(end, Duration.between(start, end), errors, refreshed);
        ServedState next = new ServedState(snapshot, status);
        if (refreshed) {
            try {
                beforePublish.accept(next);
            } catch (RuntimeException e) {
                LOG.warn("preparing the exposition failed; scrapes will render it", e);
            }
        }
        state.set(next);
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
