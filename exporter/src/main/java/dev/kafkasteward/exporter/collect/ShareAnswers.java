package dev.kafkasteward.exporter.collect;

import dev.kafkasteward.exporter.observation.ShareGroupObservation;
import dev.kafkasteward.exporter.observation.TopicPartitionId;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Each share group's last answer, and which to serve: a group's last answer is served until a newer one
 * arrives, and when reading it fails, for up to {@code carried} answers in a row; a group gone (its
 * coordinator says so) or no longer listed by a complete listing is dropped. No I/O: {@link ShareGroupReader}
 * turns the Admin client's answers into {@link #answered}, {@link #gone} and {@link #failed}.
 */
final class ShareAnswers {

    private final int carried;
    private final Map<String, ShareGroupObservation> last = new HashMap<>();
    private final Map<String, Integer> failures = new HashMap<>();

    ShareAnswers(int carried) {
        this.carried = carried;
    }

    void answered(ShareGroupObservation group) {
        last.put(group.groupId(), group);
        failures.remove(group.groupId());
    }

    void gone(String groupId) {
        last.remove(groupId);
        failures.remove(groupId);
    }

    /** Reading {@code groupId} failed: its last answer is served on, up to {@code carried} failures in a row. */
    void failed(String groupId) {
        if (failures.merge(groupId, 1, Integer::sum) > carried) {
            last.remove(groupId);
        }
    }

    /** The share-partitions of the answers kept. */
    Set<TopicPartitionId> partitions() {
        Set<TopicPartitionId> out = new HashSet<>();
        last.values().forEach(g -> out.addAll(g.partitions().keySet()));
        return out;
    }

    /** What to serve now; after a {@code completeListing}, groups it did not list are forgotten first. */
    SortedMap<String, ShareGroupObservation> served(Collection<String> listed, boolean completeListing) {
        if (completeListing) {
            Set<String> keep = Set.copyOf(listed);
            last.keySet().retainAll(keep);
            failures.keySet().retainAll(keep);
        }
        return new TreeMap<>(last);
    }
}
