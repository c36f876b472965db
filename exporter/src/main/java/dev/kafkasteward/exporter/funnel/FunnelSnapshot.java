package dev.kafkasteward.exporter.funnel;

import dev.kafkasteward.exporter.collect.TopicPartitionId;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;

/**
 * What this replica knows about every funnel at one moment, for the partitions it is assigned.
 * Waiting and overdue are absent where they mean nothing (no correlation key, the last stage, no
 * max_wait) or cannot be trusted yet (state being rebuilt).
 */
public record FunnelSnapshot(List<FunnelStats> funnels, Set<TopicPartitionId> assigned) {

    public static final FunnelSnapshot EMPTY = new FunnelSnapshot(List.of(), Set.of());

    public FunnelSnapshot {
        funnels = List.copyOf(funnels);
        assigned = Set.copyOf(assigned);
    }

    /**
     * @param completedKeys keys that reached the last stage within the window (absent as waiting is)
     * @param completions   keys that reached the last stage through records counted as new
     * @param overflows     events of new keys not tracked because the funnel was full
     */
    public record FunnelStats(String funnel, boolean rebuilding, List<StageStats> stages, OptionalLong completedKeys,
                              long completions, long overflows) {
        public FunnelStats {
            stages = List.copyOf(stages);
        }
    }

    /**
     * @param events  events that reached the stage (see the catalog's help for de-duplication)
     * @param waiting keys whose furthest stage is this one, not completed
     * @param overdue of those, keys waiting longer than the stage's max_wait
     * @param expired keys dropped after waiting here longer than the window
     */
    public record StageStats(String stage, long events, OptionalLong waiting, OptionalLong overdue, long expired) {
    }
}
