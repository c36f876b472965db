package dev.kafkasteward.exporter.lag;

import dev.kafkasteward.exporter.collect.TopicPartitionId;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * One consumer group on one partition.
 *
 * @param records          lag in records; empty when the group never committed on the partition
 * @param age              lag age, known or explicitly unknown
 * @param recordsLost      records retention deleted before the group read them (committed below log start)
 * @param commitAgeSeconds seconds since the committed offset was last seen to move; empty without a commit
 */
public record PartitionLag(String group, TopicPartitionId partition, OptionalLong records, LagAge age,
                           long recordsLost, OptionalDouble commitAgeSeconds, PartitionStatus status) {

    /** A partition the group has a committed offset on. */
    public static PartitionLag committed(String group, TopicPartitionId partition, long records, LagAge age,
                                         long recordsLost, double commitAgeSeconds, PartitionStatus status) {
        return new PartitionLag(group, partition, OptionalLong.of(records), age, recordsLost,
                OptionalDouble.of(commitAgeSeconds), status);
    }
}
