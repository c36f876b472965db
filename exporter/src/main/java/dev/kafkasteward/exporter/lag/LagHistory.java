package dev.kafkasteward.exporter.lag;

import dev.kafkasteward.exporter.observation.GroupOffsets;
import dev.kafkasteward.exporter.observation.LogOffsets;
import dev.kafkasteward.exporter.observation.Observation;
import dev.kafkasteward.exporter.observation.RecordPosition;
import dev.kafkasteward.exporter.observation.TopicPartitionId;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * What lag analysis remembers between cycles: per partition, a bounded offset timeline; record
 * timestamps read from Kafka, kept while a group still sits at that offset; and per group and
 * partition, since when its committed offset has not moved. Everything for partitions and groups
 * that are gone is forgotten, so memory follows the cluster's size.
 *
 * <p>Mutable and single-threaded, owned by the collection loop; copying tens of thousands of
 * timelines every cycle to keep it immutable would cost more than it protects.
 */
public final class LagHistory {

    /** An offset and since when (epoch ms) it has been the committed one. */
    record CommitMark(long offset, long sinceMs) {
    }

    private final int timelineCapacity;
    private final Map<TopicPartitionId, OffsetTimeline> timelines = new HashMap<>();
    private final Map<RecordPosition, Long> exact = new HashMap<>();
    private final Map<GroupPartition, CommitMark> commits = new HashMap<>();

    public LagHistory(int timelineCapacity) {
        this.timelineCapacity = timelineCapacity;
    }

    public LagHistory() {
        this(32);
    }

    /** Learns from one observation's offsets; forgets partitions and groups no longer seen. */
    public void observe(Observation o) {
        long now = o.at().toEpochMilli();
        Set<TopicPartitionId> wentBack = new HashSet<>();
        o.logOffsets().forEach((tp, log) -> {
            if (timelines.computeIfAbsent(tp, k -> new OffsetTimeline(timelineCapacity)).observe(log.end(), now)) {
                wentBack.add(tp);
            }
        });
        timelines.keySet().retainAll(o.logOffsets().keySet());
        // A recreated topic's offset 3 is another record than the old one's: its timestamp must be read again.
        if (!wentBack.isEmpty()) {
            exact.keySet().removeIf(p -> wentBack.contains(p.partition()));
        }

        Set<GroupPartition> live = new HashSet<>();
        Set<RecordPosition> positions = new HashSet<>();
        for (GroupOffsets g : o.groups()) {
            g.committed().forEach((tp, offset) -> {
                GroupPartition key = new GroupPartition(g.groupId(), tp);
                live.add(key);
                CommitMark mark = commits.get(key);
                if (mark == null || mark.offset() != offset) {
                    commits.put(key, new CommitMark(offset, now));
                }
                LogOffsets log = o.logOffsets().get(tp);
                if (log != null) {
                    positions.add(position(tp, offset, log));
                }
            });
        }
        commits.keySet().retainAll(live);
        exact.keySet().retainAll(positions);
    }

    /** Keeps record timestamps read from Kafka this cycle. */
    public void remember(Map<RecordPosition, Long> timestamps) {
        exact.putAll(timestamps);
    }

    /** Where the age of a group at {@code committed} is measured: the log start, if retention passed it. */
    static RecordPosition position(TopicPartitionId tp, long committed, LogOffsets log) {
        return new RecordPosition(tp, Math.max(committed, log.start()));
    }

    Long exactTimestamp(RecordPosition p) {
        return exact.get(p);
    }

    OffsetTimeline timeline(TopicPartitionId tp) {
        return timelines.get(tp);
    }

    CommitMark commit(GroupPartition key) {
        return commits.get(key);
    }

    /** Sizes, for the benchmark and for tests that memory stays bounded. */
    public int partitionsTracked() {
        return timelines.size();
    }

    public int timestampsKept() {
        return exact.size();
    }
}
