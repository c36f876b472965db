package dev.kafkasteward.exporter.collect;

import dev.kafkasteward.contract.ownership.DeadLetterTopic;
import dev.kafkasteward.exporter.observation.DeadLetterObservation;
import dev.kafkasteward.exporter.observation.FunnelSnapshot;
import dev.kafkasteward.exporter.observation.Observation;
import dev.kafkasteward.exporter.observation.RecordPosition;
import dev.kafkasteward.exporter.observation.TopicMetadata;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.kafka.clients.admin.Admin;

/**
 * One whole cycle: the Admin part ({@link KafkaCollector}, which reads the dead-letter partitions'
 * log offsets with the lag's), then the dead letters' newest timestamps and headers, plus the funnel
 * consumer's latest published state (read on its own thread; {@code funnels} gets the names of the
 * topics that exist); record timestamps stay with the Kafka collector.
 */
public final class FullCollector implements Collector {

    private final KafkaCollector kafka;
    private final Admin admin;
    private final DeadLetterRecordReader reader;
    private final DeadLetterCollector deadLetters;
    private final Function<List<String>, FunnelSnapshot> funnels;
    private final boolean everyPartition;

    public FullCollector(KafkaCollector kafka, Admin admin, DeadLetterRecordReader reader,
                         Supplier<List<DeadLetterTopic>> deadLetterTopics, CollectorSettings settings,
                         DeadLetterSettings deadLetterSettings,
                         Function<List<String>, FunnelSnapshot> funnels) {
        this(kafka, admin, reader, deadLetterTopics, settings, deadLetterSettings, funnels, false);
    }

    /**
     * @param everyPartition also read the log offsets of every partition with a leader, not only those
     *                       groups commit on: what the kafka_exporter profile serves per partition
     */
    public FullCollector(KafkaCollector kafka, Admin admin, DeadLetterRecordReader reader,
                         Supplier<List<DeadLetterTopic>> deadLetterTopics, CollectorSettings settings,
                         DeadLetterSettings deadLetterSettings, Function<List<String>, FunnelSnapshot> funnels,
                         boolean everyPartition) {
        this.everyPartition = everyPartition;
        this.kafka = kafka;
        this.admin = admin;
        this.reader = reader;
        this.deadLetters = new DeadLetterCollector(admin, reader, deadLetterTopics, settings, deadLetterSettings);
        this.funnels = funnels;
    }

    @Override
    public Observation collect() {
        Observation base = kafka.collect(deadLetters::partitions, everyPartition);
        // A cycle that did not reach the cluster is thrown away; reading dead letters in it would move
        // the reader past records whose reasons would then never be counted.
        if (!base.reachedCluster()) {
            return base.with(DeadLetterObservation.EMPTY, funnels.apply(List.of()), Map.of(), Map.of());
        }
        CycleErrors errors = new CycleErrors();
        long adminBefore = RequestCounter.total(admin.metrics());
        long consumerBefore = reader.requestCount();
        DeadLetterObservation dead = deadLetters.collect(base.logOffsets(), errors);
        Map<String, Long> requests = Map.of("admin", RequestCounter.total(admin.metrics()) - adminBefore,
                "consumer", reader.requestCount() - consumerBefore);
        List<String> names = base.topics().stream().map(TopicMetadata::name).toList();
        return base.with(dead, funnels.apply(names), requests, errors.byLabel());
    }

    @Override
    public Observation readTimestamps(Observation observation, Collection<RecordPosition> positions) {
        return kafka.readTimestamps(observation, positions);
    }
}
