package dev.kafkasteward.exporter.collect;

import dev.kafkasteward.contract.ownership.DeadLetterTopic;
import dev.kafkasteward.exporter.funnel.FunnelSnapshot;
import java.util.List;
import java.util.function.Supplier;
import org.apache.kafka.clients.admin.Admin;

/**
 * One whole cycle: the Admin part ({@link KafkaCollector}), then the dead-letter offsets and headers
 * for the topics it listed, plus the funnel consumer's latest published state.
 */
public final class FullCollector implements Supplier<Observation> {

    private final KafkaCollector kafka;
    private final DeadLetterCollector deadLetters;
    private final Supplier<FunnelSnapshot> funnels;

    public FullCollector(KafkaCollector kafka, Admin admin, DeadLetterRecordReader reader,
                         List<DeadLetterTopic> deadLetterTopics, CollectorSettings settings,
                         DeadLetterSettings deadLetterSettings, Supplier<FunnelSnapshot> funnels) {
        this.kafka = kafka;
        this.deadLetters = new DeadLetterCollector(admin, reader, deadLetterTopics, settings, deadLetterSettings);
        this.funnels = funnels;
    }

    @Override
    public Observation get() {
        Observation base = kafka.collect();
        CycleErrors errors = new CycleErrors();
        DeadLetterObservation dead = base.errors().containsKey(Stage.LIST_TOPICS.label())
                ? DeadLetterObservation.EMPTY : deadLetters.collect(base.topics(), errors);
        return base.with(dead, funnels.get(), errors.byLabel());
    }
}
