package dev.kafkasteward.exporter.share;

import dev.kafkasteward.exporter.lag.PartitionStatus;
import dev.kafkasteward.exporter.observation.TopicPartitionId;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * What the exporter serves about share groups after one cycle: per share-partition, and per group and topic.
 * {@code answerAgeSeconds}: how long before the snapshot the oldest answer it serves was asked (brokers answer
 * share-group offsets slowly, so a cycle may serve an earlier cycle's answer); empty without share groups.
 */
public record ShareGroupSnapshot(List<Partition> partitions, List<Group> groups, OptionalDouble answerAgeSeconds) {

    public static final ShareGroupSnapshot EMPTY = new ShareGroupSnapshot(List.of(), List.of(), OptionalDouble.empty());

    public ShareGroupSnapshot {
        partitions = List.copyOf(partitions);
        groups = List.copyOf(groups);
    }

    /**
     * One share-partition of a group.
     *
     * @param backlog    records not acknowledged yet
     * @param ageSeconds age of the record at the start offset at the snapshot's time; 0 without backlog; empty
     *                   while its timestamp is unknown
     */
    public record Partition(String group, TopicPartitionId partition, long startOffset, long backlog,
                            OptionalDouble ageSeconds, PartitionStatus status) {

        /** Until the start offset moves, the oldest record not acknowledged stays the same one: its age grows. */
        public boolean ageGrows() {
            return backlog > 0;
        }
    }

    /** A group's state, members and totals; topics by name. */
    public record Group(String group, String state, int members, Map<String, Totals> topics, Totals totals) {
        public Group {
            topics = Map.copyOf(topics);
        }
    }

    /** Backlog summed over partitions, and the largest known age at the snapshot's time. */
    public record Totals(long backlog, OptionalDouble maxAgeSeconds) {

        /** The largest age {@code elapsedSeconds} after the snapshot (every age in it grows while its backlog stays). */
        public OptionalDouble maxAgeSecondsAfter(double elapsedSeconds) {
            return maxAgeSeconds.isPresent() && backlog > 0
                    ? OptionalDouble.of(maxAgeSeconds.getAsDouble() + elapsedSeconds) : maxAgeSeconds;
        }
    }
}
