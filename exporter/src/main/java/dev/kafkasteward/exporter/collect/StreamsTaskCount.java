package dev.kafkasteward.exporter.collect;

import dev.kafkasteward.exporter.observation.StreamsGroupTasks;
import java.util.HashSet;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.Function;
import org.apache.kafka.clients.admin.StreamsGroupDescription;
import org.apache.kafka.clients.admin.StreamsGroupMemberAssignment;
import org.apache.kafka.clients.admin.StreamsGroupMemberDescription;
import org.apache.kafka.clients.admin.StreamsGroupSubtopologyDescription;

/**
 * A streams group's active tasks from its description: Kafka Streams makes one task per partition
 * number of a subtopology, up to the most partitions among its source topics — user topics (their
 * counts from the cluster's metadata) and repartition topics (their counts in the description).
 */
final class StreamsTaskCount {

    private StreamsTaskCount() {
    }

    /** A task: subtopology and partition number. */
    private record Task(String subtopology, int partition) {
    }

    /** @param partitions partition count of a topic in scope, or null when unknown */
    static StreamsGroupTasks of(StreamsGroupDescription d, Function<String, Integer> partitions) {
        Set<Task> all = new HashSet<>();
        boolean known = true;
        for (StreamsGroupSubtopologyDescription s : d.subtopologies()) {
            int most = 0;
            for (String topic : s.sourceTopics()) {
                Integer n = partitions.apply(topic);
                if (n == null) {
                    known = false;
                } else {
                    most = Math.max(most, n);
                }
            }
            for (Map.Entry<String, StreamsGroupSubtopologyDescription.TopicInfo> r : s.repartitionSourceTopics().entrySet()) {
                most = Math.max(most, r.getValue().partitions());
            }
            for (int p = 0; p < most; p++) {
                all.add(new Task(s.subtopologyId(), p));
            }
        }
        Set<Task> held = new HashSet<>();
        for (StreamsGroupMemberDescription m : d.members()) {
            addAll(held, m.assignment());
            addAll(held, m.targetAssignment());
        }
        OptionalInt tasks = known ? OptionalInt.of(all.size()) : OptionalInt.empty();
        OptionalInt unassigned = known ? OptionalInt.of((int) all.stream().filter(t -> !held.contains(t)).count())
                : OptionalInt.empty();
        return new StreamsGroupTasks(tasks, unassigned, d.groupEpoch(), d.targetAssignmentEpoch());
    }

    private static void addAll(Set<Task> held, StreamsGroupMemberAssignment assignment) {
        for (StreamsGroupMemberAssignment.TaskIds ids : assignment.activeTasks()) {
            ids.partitions().forEach(p -> held.add(new Task(ids.subtopologyId(), p)));
        }
    }
}
