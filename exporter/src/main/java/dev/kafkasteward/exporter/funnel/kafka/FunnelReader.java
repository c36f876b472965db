package dev.kafkasteward.exporter.funnel.kafka;

import dev.kafkasteward.exporter.observation.FunnelSnapshot;
import java.util.Collection;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Starts the funnel consumer once a stage topic exists, and hands out its latest state. Until then
 * the exporter joins no group: no coordinator lookups, no {@code __consumer_offsets} created on a
 * cluster that does not have the funnel's topics (yet).
 */
public final class FunnelReader implements AutoCloseable {

    private final Set<String> stageTopics;
    private final Supplier<FunnelConsumer> start;
    private FunnelConsumer consumer;
    private boolean closed;

    public FunnelReader(Set<String> stageTopics, Supplier<FunnelConsumer> start) {
        this.stageTopics = Set.copyOf(stageTopics);
        this.start = start;
    }

    /** The latest published state; starts the consumer first if one of {@code existingTopics} is a stage topic. */
    public synchronized FunnelSnapshot snapshot(Collection<String> existingTopics) {
        if (consumer == null && !closed && existingTopics.stream().anyMatch(stageTopics::contains)) {
            consumer = start.get();
        }
        return consumer == null ? FunnelSnapshot.EMPTY : consumer.snapshot();
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (consumer != null) {
            consumer.close();
        }
    }
}
