package dev.kafkasteward.exporter.funnel.kafka;

import dev.kafkasteward.contract.ownership.Funnel;
import dev.kafkasteward.exporter.observation.FunnelSnapshot;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The funnel reader for the funnels in use. A reload that changes them closes the reader and starts
 * another, which rebuilds its state from the stage topics like a restarted exporter does; a reload
 * that leaves them alone keeps the reader and its state.
 */
public final class FunnelReaders implements AutoCloseable {

    private final Function<List<Funnel>, Optional<FunnelReader>> factory;
    private List<Funnel> funnels;
    private Optional<FunnelReader> reader;
    private boolean closed;

    /** @param factory a reader for the given funnels, none when there are no funnels */
    public FunnelReaders(List<Funnel> funnels, Function<List<Funnel>, Optional<FunnelReader>> factory) {
        this.factory = factory;
        this.funnels = List.copyOf(funnels);
        this.reader = factory.apply(this.funnels);
    }

    /**
     * Uses {@code next} from now on. The old reader is closed outside the lock {@link #snapshot}
     * takes: closing waits for its consumer thread (seconds), and the collection thread must not
     * wait with it. Until the new reader is there, the funnels have no state, as after a restart;
     * if it cannot be made, none is in use and the same funnels are tried again by the next call.
     */
    public void use(List<Funnel> next) {
        Optional<FunnelReader> old;
        synchronized (this) {
            if (closed || next.equals(funnels)) {
                return;
            }
            old = reader;
            reader = Optional.empty();
            funnels = null; // in use only once the new reader is there
        }
        old.ifPresent(FunnelReader::close); // before the new one joins the same consumer group
        Optional<FunnelReader> fresh = factory.apply(List.copyOf(next));
        synchronized (this) {
            if (closed) {
                fresh.ifPresent(FunnelReader::close);
            } else {
                reader = fresh;
                funnels = List.copyOf(next);
            }
        }
    }

    /** The current reader's state; see {@link FunnelReader#snapshot}. */
    public synchronized FunnelSnapshot snapshot(Collection<String> existingTopics) {
        return reader.map(r -> r.snapshot(existingTopics)).orElse(FunnelSnapshot.EMPTY);
    }

    @Override
    public synchronized void close() {
        closed = true;
        reader.ifPresent(FunnelReader::close);
    }
}
