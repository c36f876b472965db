package dev.kafkasteward.exporter.collect;

import dev.kafkasteward.exporter.observation.TopicMetadata;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.apache.kafka.common.internals.Topic;
import org.apache.kafka.common.utils.Utils;

/**
 * The {@code __consumer_offsets} partitions without a leader in a cycle's metadata. A group lives in
 * partition {@code abs(hash(group id)) % partitions} (Kafka's own mapping); while that partition has no
 * leader no broker lists the group, so a listing that lacks it does not mean it was deleted.
 */
record OfflineCoordinators(int partitions, Set<Integer> offline) {

    static final OfflineCoordinators NONE = new OfflineCoordinators(0, Set.of());

    OfflineCoordinators {
        offline = Set.copyOf(offline);
    }

    /** From the unfiltered metadata: the offsets topic is looked at even when no topic filter admits it. */
    static OfflineCoordinators of(List<TopicMetadata> topics) {
        return topics.stream().filter(t -> t.name().equals(Topic.GROUP_METADATA_TOPIC_NAME)).findFirst()
                .map(t -> {
                    Set<Integer> offline = new TreeSet<>();
                    t.partitions().stream().filter(p -> p.leader().isEmpty())
                            .forEach(p -> offline.add(p.id().partition()));
                    return new OfflineCoordinators(t.partitions().size(), offline);
                }).orElse(NONE);
    }

    /**
     * A group of {@code known} (the last complete listing) whose partition is offline, if any; with
     * nothing known yet, any offline partition may hold a group in scope, so the answer is "unknown".
     */
    Optional<String> affected(Collection<String> known) {
        if (offline.isEmpty()) {
            return Optional.empty();
        }
        if (known.isEmpty()) {
            return Optional.of("(groups not listed yet)");
        }
        return known.stream().filter(g -> offline.contains(Utils.abs(g.hashCode()) % partitions)).findFirst();
    }
}
