package dev.kafkasteward.exporter.lag;

import dev.kafkasteward.exporter.observation.GroupDescription;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.SortedMap;

/**
 * A group as a whole: its description (when it could be read), total lag, worst known lag age,
 * the same per topic, and how many of its lagging partitions have an unknown age, by reason.
 * {@code maxStillLagAgeSeconds}: the worst age among partitions whose commit stood still, which
 * keeps growing after the snapshot (see {@link PartitionLag#ageGrowsUntilNextCommit}).
 */
public record GroupLag(String group, Optional<GroupDescription> description, long lagRecords,
                       OptionalDouble maxLagAgeSeconds, SortedMap<String, TopicLag> topics,
                       SortedMap<String, Integer> unknownAges, OptionalDouble maxStillLagAgeSeconds) {

    /** Without partitions whose commit stood still. */
    public GroupLag(String group, Optional<GroupDescription> description, long lagRecords,
                    OptionalDouble maxLagAgeSeconds, SortedMap<String, TopicLag> topics,
                    SortedMap<String, Integer> unknownAges) {
        this(group, description, lagRecords, maxLagAgeSeconds, topics, unknownAges, OptionalDouble.empty());
    }

    /** The worst lag age {@code elapsedSeconds} after the snapshot. */
    public OptionalDouble maxLagAgeSecondsAfter(double elapsedSeconds) {
        return after(maxLagAgeSeconds, maxStillLagAgeSeconds, elapsedSeconds);
    }

    /** Sum of lag and worst known lag age over one topic's partitions. */
    public record TopicLag(long lagRecords, OptionalDouble maxLagAgeSeconds, OptionalDouble maxStillLagAgeSeconds) {

        public TopicLag(long lagRecords, OptionalDouble maxLagAgeSeconds) {
            this(lagRecords, maxLagAgeSeconds, OptionalDouble.empty());
        }

        public OptionalDouble maxLagAgeSecondsAfter(double elapsedSeconds) {
            return after(maxLagAgeSeconds, maxStillLagAgeSeconds, elapsedSeconds);
        }
    }

    /** The larger of the worst age and the worst still age grown by {@code elapsed}. */
    private static OptionalDouble after(OptionalDouble max, OptionalDouble still, double elapsed) {
        if (still.isEmpty()) {
            return max;
        }
        double grown = still.getAsDouble() + elapsed;
        return OptionalDouble.of(max.isPresent() ? Math.max(max.getAsDouble(), grown) : grown);
    }
}
