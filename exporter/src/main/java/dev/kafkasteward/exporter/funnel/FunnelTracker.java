package dev.kafkasteward.exporter.funnel;

import dev.kafkasteward.contract.ownership.Funnel;
import dev.kafkasteward.exporter.observation.FunnelSnapshot;
import dev.kafkasteward.exporter.observation.TopicPartitionId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Every funnel of the ownership file, fed record by record from the stage topics. Pure and
 * single-threaded: the funnel consumer owns it, time comes in as a parameter, and what it knows
 * leaves as an immutable {@link FunnelSnapshot}.
 */
public final class FunnelTracker {

    /** A stage of a funnel that reads a given topic. */
    private record StageRef(FunnelState funnel, int stage) {
    }

    private final List<FunnelState> funnels = new ArrayList<>();
    private final Map<String, List<StageRef>> byTopic = new HashMap<>();

    /** @param maxKeysPerFunnel keys tracked at most per funnel; events of further new keys count as overflow */
    public FunnelTracker(List<Funnel> definitions, int maxKeysPerFunnel) {
        for (Funnel f : definitions) {
            FunnelState state = new FunnelState(f, maxKeysPerFunnel);
            funnels.add(state);
            for (int s = 0; s < state.stages().size(); s++) {
                byTopic.computeIfAbsent(state.stages().get(s).topic(), t -> new ArrayList<>()).add(new StageRef(state, s));
            }
        }
    }

    /** The stage topics to read, sorted. */
    public Set<String> topics() {
        return new TreeSet<>(byTopic.keySet());
    }

    /** How far back to re-read a topic to rebuild state: the largest window of the funnels reading it. */
    public Duration window(String topic) {
        long seconds = byTopic.getOrDefault(topic, List.of()).stream()
                .mapToLong(r -> r.funnel().windowSeconds()).max().orElse(0);
        return Duration.ofSeconds(seconds);
    }

    /**
     * Feeds one record. {@code live} is false for records re-read to rebuild state (they were
     * counted before, by this replica or another); they update key state but no counter.
     */
    public void apply(FunnelRecord record, boolean live) {
        List<StageRef> refs = byTopic.get(record.topic());
        if (refs == null) {
            return;
        }
        for (int i = 0; i < refs.size(); i++) {
            StageRef ref = refs.get(i);
            ref.funnel().offer(ref.stage(), record, live);
        }
    }

    /** Forgets state of a partition number for the funnels that read {@code topic}. */
    public void dropPartition(String topic, int partition) {
        for (StageRef ref : byTopic.getOrDefault(topic, List.of())) {
            ref.funnel().drop(partition);
        }
    }

    /** Forgets all key state (counters stay): before rebuilding after a rebalance. */
    public void clearKeys() {
        funnels.forEach(FunnelState::clear);
    }

    /** Keys tracked now by all funnels. */
    public long trackedKeys() {
        return funnels.stream().mapToLong(FunnelState::trackedKeys).sum();
    }

    /**
     * Expires keys older than their window and counts the rest as of {@code now}. A funnel is
     * rebuilding while any of its topics is in {@code rebuildingTopics}.
     */
    public FunnelSnapshot sweep(Instant now, Set<TopicPartitionId> assigned, Set<String> rebuildingTopics) {
        List<FunnelSnapshot.FunnelStats> out = new ArrayList<>();
        for (FunnelState f : funnels) {
            boolean rebuilding = f.stages().stream().anyMatch(s -> rebuildingTopics.contains(s.topic()));
            out.add(f.sweep(now, rebuilding));
        }
        return new FunnelSnapshot(out, assigned);
    }
}
