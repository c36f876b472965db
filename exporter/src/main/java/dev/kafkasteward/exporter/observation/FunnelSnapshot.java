package dev.kafkasteward.exporter.observation;

import java.util.List;
import java.util.OptionalLong;
import java.util.Set;

/**
 * What this replica knows about every funnel at one moment, for the partitions it is assigned.
 * Waiting and overdue are absent where they mean nothing (no correlation key, the last stage, no
 * max_wait) or cannot be trusted yet (state being rebuilt).
 */
public record FunnelSnapshot(List<FunnelStats> funnels, Set<TopicPartitionId> assigned, Reader reader) {

    /** No funnel reader: none declared, or no stage topic exists yet. */
    public static final FunnelSnapshot EMPTY = new FunnelSnapshot(List.of(), Set.of(), Reader.ABSENT);

    /** Whether this replica's funnel reader is there and consuming. */
    public enum Reader {
        ABSENT,
        RUNNING,
        /** Stopped on an error: the funnels above are the last state it published. */
        STOPPED
    }

    public FunnelSnapshot {
        funnels = List.copyOf(funnels);
        assigned = Set.copyOf(assigned);
    }

    /** State published by a running reader. */
    public FunnelSnapshot(List<FunnelStats> funnels, Set<TopicPartitionId> assigned) {
        this(funnels, assigned, Reader.RUNNING);
    }

    public FunnelSnapshot withReader(Reader state) {
        return new FunnelSnapshot(funnels, assigned, state);
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
     * @param events     events that reached the stage (see the catalog's help for de-duplication)
     * @param waiting    keys whose furthest stage is this one, not completed
     * @param overdue    of those, keys waiting longer than the stage's max_wait
     * @param expired    keys dropped after waiting here longer than the window
     * @param duplicates events of a key that had already entered the stage within the window
     * @param misses     events without a readable correlation key, by reason (missing, unparsable)
     * @param misplaced  events of a key new on its partition number that another partition number of this
     *                   replica already tracks: the stage topics are not co-partitioned
     */
    public record StageStats(String stage, long events, OptionalLong waiting, OptionalLong overdue, long expired,
                             long duplicates, java.util.SortedMap<String, Long> misses, long misplaced) {

        public StageStats {
            misses = java.util.Collections.unmodifiableSortedMap(new java.util.TreeMap<>(misses));
        }

        /** Without duplicates, misses or misplaced keys counted. */
        public StageStats(String stage, long events, OptionalLong waiting, OptionalLong overdue, long expired) {
            this(stage, events, waiting, overdue, expired, 0, new java.util.TreeMap<>(), 0);
        }
    }
}
