package dev.kafkasteward.exporter.observation;

import java.util.OptionalInt;

/**
 * What a streams group's description (KIP-1071) tells beyond a consumer group's: its active tasks and
 * how far its assignment trails its membership.
 *
 * @param tasks                 active tasks of its topology: per subtopology, as many as the most partitions of
 *                              its source topics; empty when a source topic's partition count is unknown
 * @param unassignedTasks       of those, the ones no member holds or is on its way to (target assignment)
 * @param groupEpoch            bumped by the coordinator whenever membership or topology changes
 * @param targetAssignmentEpoch the group epoch the current target assignment was computed for
 */
public record StreamsGroupTasks(OptionalInt tasks, OptionalInt unassignedTasks, int groupEpoch,
                                int targetAssignmentEpoch) {

    /** Group epochs the target assignment has not caught up with: a new assignment is still to be computed. */
    public int assignmentEpochsBehind() {
        return Math.max(0, groupEpoch - targetAssignmentEpoch);
    }
}
