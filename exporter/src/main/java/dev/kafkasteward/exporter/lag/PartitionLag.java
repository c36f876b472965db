package dev.kafkasteward.exporter.lag;

import dev.kafkasteward.exporter.observation.TopicPartitionId;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * One consumer group on one partition.
 *
 * @param records          lag in records; empty when the group never committed on the partition
 * @param age              lag age, known or explicitly unknown
 * @param recordsLost      records retention deleted before the group read them (committed below log start)
 * @param commitAgeSeconds seconds since the committed offset was last seen to move; empty without a commit
 * @param retentionHeadroomSeconds time until time-based retention may delete the oldest record the
 *                         group has not read; empty when nothing is unread, the age is unknown, or
 *                         the topic has no time-based deletion
 */
public record PartitionLag(String group, TopicPartitionId partition, OptionalLong records, LagAge age,
                           long recordsLost, OptionalDouble commitAgeSeconds, PartitionStatus status,
                           OptionalDouble retentionHeadroomSeconds) {

    public PartitionLag(String group, TopicPartitionId partition, OptionalLong records, LagAge age, long recordsLost,
                        OptionalDouble commitAgeSeconds, PartitionStatus status) {
        this(group, partition, records, age, recordsLost, commitAgeSeconds, status, OptionalDouble.empty());
    }

    /**
     * Whether this partition's lag age keeps growing after the snapshot: it is behind, its age is known,
     * and its commit stood still since the cycle before (a commit age above 0). Until the group commits
     * again the record at its committed offset stays the same, so its age grows with the clock exactly;
     * a partition whose commit just moved is likely to move again, and keeps the age measured.
     */
    public boolean ageGrowsUntilNextCommit() {
        return records.orElse(0) > 0 && age instanceof LagAge.Known && commitAgeSeconds.orElse(0) > 0;
    }

    /** This partition with a retention headroom. */
    public PartitionLag withRetentionHeadroom(double seconds) {
        return new PartitionLag(group, partition, records, age, recordsLost, commitAgeSeconds, status,
                OptionalDouble.of(seconds));
    }

    /** A partition the group has a committed offset on. */
    public static PartitionLag committed(String group, TopicPartitionId partition, long records, LagAge age,
                                         long recordsLost, double commitAgeSeconds, PartitionStatus status) {
        return new PartitionLag(group, partition, OptionalLong.of(records), age, recordsLost,
                OptionalDouble.of(commitAgeSeconds), status);
    }
}
