package dev.kafkasteward.exporter.collect;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.kafkasteward.exporter.observation.StreamsGroupTasks;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.apache.kafka.clients.admin.StreamsGroupDescription;
import org.apache.kafka.clients.admin.StreamsGroupMemberAssignment;
import org.apache.kafka.clients.admin.StreamsGroupMemberDescription;
import org.apache.kafka.clients.admin.StreamsGroupSubtopologyDescription;
import org.apache.kafka.common.GroupState;
import org.apache.kafka.common.Node;
import org.junit.jupiter.api.Test;

class StreamsTaskCountTest {

    /** Subtopology 0 reads orders (6 partitions) and refunds (4); subtopology 1 a repartition topic of 3. */
    private static final List<StreamsGroupSubtopologyDescription> TOPOLOGY = List.of(
            new StreamsGroupSubtopologyDescription("0", List.of("orders", "refunds"), List.of("app-repartition"),
                    Map.of(), Map.of()),
            new StreamsGroupSubtopologyDescription("1", List.of(), List.of(), Map.of(),
                    Map.of("app-repartition", new StreamsGroupSubtopologyDescription.TopicInfo(3, 1, Map.of()))));

    private static final Map<String, Integer> PARTITIONS = Map.of("orders", 6, "refunds", 4);

    @Test
    void tasksArePerSubtopologyTheWidestSourceAndUnassignedAreThoseNoMemberHoldsOrIsGivenNext() {
        StreamsGroupDescription d = group(7, 7,
                member(tasks("0", 0, 1, 2), tasks("0", 3)),   // holds 0-2, is given 3
                member(tasks("1", 0, 1, 2), tasks()));
        StreamsGroupTasks t = StreamsTaskCount.of(d, PARTITIONS::get);
        assertEquals(OptionalInt.of(9), t.tasks(), "6 of subtopology 0, 3 of subtopology 1");
        assertEquals(OptionalInt.of(2), t.unassignedTasks(), "tasks 0_4 and 0_5");
        assertEquals(0, t.assignmentEpochsBehind());
    }

    @Test
    void anUnknownSourceTopicLeavesTheTaskCountUnknownButNotTheEpochs() {
        StreamsGroupTasks t = StreamsTaskCount.of(group(9, 7, member(tasks("0", 0), tasks())), topic -> null);
        assertEquals(OptionalInt.empty(), t.tasks());
        assertEquals(OptionalInt.empty(), t.unassignedTasks());
        assertEquals(2, t.assignmentEpochsBehind(), "group epoch 9, target assignment computed for 7");
    }

    private static StreamsGroupDescription group(int epoch, int targetEpoch, StreamsGroupMemberDescription... members) {
        return new StreamsGroupDescription("app", epoch, targetEpoch, 1, TOPOLOGY, List.of(members), GroupState.STABLE,
                Node.noNode(), java.util.Set.of());
    }

    private static StreamsGroupMemberDescription member(List<StreamsGroupMemberAssignment.TaskIds> current,
                                                        List<StreamsGroupMemberAssignment.TaskIds> target) {
        return new StreamsGroupMemberDescription("m-" + current.hashCode(), 7, Optional.empty(), Optional.empty(),
                "client", "/127.0.0.1", 1, "process", Optional.empty(), Map.of(), List.of(), List.of(),
                new StreamsGroupMemberAssignment(current, List.of(), List.of()),
                new StreamsGroupMemberAssignment(target, List.of(), List.of()), false);
    }

    private static List<StreamsGroupMemberAssignment.TaskIds> tasks(String subtopology, Integer... partitions) {
        return List.of(new StreamsGroupMemberAssignment.TaskIds(subtopology, List.of(partitions)));
    }

    private static List<StreamsGroupMemberAssignment.TaskIds> tasks() {
        return List.of();
    }
}
