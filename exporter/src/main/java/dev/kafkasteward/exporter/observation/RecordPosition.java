package dev.kafkasteward.exporter.observation;

/** An offset in a partition, used as the key of a record-timestamp lookup. */
public record RecordPosition(TopicPartitionId partition, long offset) {
}
