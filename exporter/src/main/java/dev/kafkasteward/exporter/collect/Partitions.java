package dev.kafkasteward.exporter.collect;

import dev.kafkasteward.exporter.observation.TopicPartitionId;
import org.apache.kafka.common.TopicPartition;

/** Between Kafka's {@link TopicPartition} and the exporter's own key, which stays free of client types. */
final class Partitions {

    private Partitions() {
    }

    static TopicPartitionId id(TopicPartition tp) {
        return new TopicPartitionId(tp.topic(), tp.partition());
    }

    static TopicPartition kafka(TopicPartitionId id) {
        return new TopicPartition(id.topic(), id.partition());
    }
}
