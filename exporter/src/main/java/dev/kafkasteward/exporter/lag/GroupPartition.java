package dev.kafkasteward.exporter.lag;

import dev.kafkasteward.exporter.observation.TopicPartitionId;

/** A consumer group's position on one partition: the key of per-group state. */
record GroupPartition(String group, TopicPartitionId partition) {
}
