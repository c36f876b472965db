package dev.kafkasteward.exporter.lag;

import dev.kafkasteward.exporter.observation.CycleAnalyzer;
import dev.kafkasteward.exporter.observation.GroupDescription;
import dev.kafkasteward.exporter.observation.Observation;
import dev.kafkasteward.exporter.observation.Stage;
import dev.kafkasteward.exporter.observation.TopicPartitionId;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Rebalances per consumer group since first seen. A consumer-protocol group (KIP-848) bumps its group epoch at
 * every rebalance, so the count is exact. A classic group does not report its generation: a rebalance counts
 * when a cycle finds the group rebalancing after one that did not, or finds its members or assignment changed
 * between two cycles that saw it settled. Several rebalances between two cycles count as one; one that leaves
 * members and assignment as they were (a rejoin with the same member ids) is not seen at all.
 */
public final class RebalanceCounter implements CycleAnalyzer<SortedMap<String, Long>> {

    /** What the last cycle saw of a group. */
    private record Seen(OptionalInt epoch, boolean rebalancing, Set<String> members, Set<TopicPartitionId> assigned) {

        static Seen of(GroupDescription d) {
            return new Seen(d.groupEpoch(), d.state().contains("rebalance"), d.memberIds(), d.assigned());
        }
    }

    private final Map<String, Seen> seen = new HashMap<>();
    private final Map<String, Long> counts = new HashMap<>();

    @Override
    public SortedMap<String, Long> analyze(Observation observation) {
        for (GroupDescription d : observation.descriptions().values()) {
            Seen now = Seen.of(d);
            if (hasEpochs(d.protocol()) && now.epoch().isEmpty()) {
                // Listed empty, not described: nothing to compare. The epoch seen last (if any) stays the one the
                // next description is compared with, so it counts every rebalance in between.
                counts.putIfAbsent(d.groupId(), 0L);
                continue;
            }
            Seen before = seen.put(d.groupId(), now);
            counts.merge(d.groupId(), before == null ? 0 : rebalancesBetween(before, now), Long::sum);
        }
        if (!observation.errors().containsKey(Stage.LIST_GROUPS.label())
                && !observation.errors().containsKey(Stage.DESCRIBE_GROUPS.label())) {
            // Every group listed was described: one no longer described is gone (or out of scope), and if it
            // comes back it counts from 0 again.
            seen.keySet().retainAll(observation.descriptions().keySet());
            counts.keySet().retainAll(observation.descriptions().keySet());
        }
        return new TreeMap<>(counts);
    }

    private static boolean hasEpochs(GroupDescription.GroupProtocol protocol) {
        return protocol == GroupDescription.GroupProtocol.CONSUMER || protocol == GroupDescription.GroupProtocol.STREAMS;
    }

    private static long rebalancesBetween(Seen before, Seen now) {
        if (now.epoch().isPresent() && before.epoch().isPresent()) {
            return Math.max(0, now.epoch().getAsInt() - before.epoch().getAsInt());
        }
        if (now.epoch().isPresent() || before.epoch().isPresent()) {
            return 0; // the group changed protocol (KIP-848's migration): nothing to compare with
        }
        if (now.rebalancing()) {
            return before.rebalancing() ? 0 : 1; // one rebalance, however many cycles see it
        }
        boolean changed = !now.members().equals(before.members()) || !now.assigned().equals(before.assigned());
        return !before.rebalancing() && changed ? 1 : 0;
    }
}
