package dev.kafkasteward.exporter.funnel.kafka;

import dev.kafkasteward.contract.ownership.Funnel;
import dev.kafkasteward.exporter.funnel.FunnelSnapshot;
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

    /** Uses {@code next} from now on; true when that replaced the reader. */
    public synchronized boolean use(List<Funnel> next) {
        if (closed || next.equals(funnels)) {
            return false;
        }
        reader.ifPresent(FunnelReader::close);
        funnels = List.copyOf(next);
        reader = factory.apply(funnels);
        return true;
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
