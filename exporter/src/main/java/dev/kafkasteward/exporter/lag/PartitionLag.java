package dev.kafkasteward.exporter.lag;

import dev.kafkasteward.exporter.collect.TopicPartitionId;

/** Lag of one consumer group on one partition. */
public record PartitionLag(String group, TopicPartitionId partition, long records, LagAge age) {
}
