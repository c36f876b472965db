package dev.kafkasteward.exporter.lag;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Keeps the last known lag of what a cycle could not read. While a broker stops or a group
 * coordinator moves, a group can be missing from one or two cycles (its coordinator still loading,
 * its offsets unreadable) and a partition's log offsets can fail; dropping those series for a
 * cycle would resolve alerts falsely. What is carried is the previous value, unchanged. A group is
 * carried only from cycles that failed to list groups or read offsets, and for at most
 * {@link #GRACE_CYCLES} in a row, so one that was really deleted disappears soon after.
 */
public final class LagCarryOver {

    private LagCarryOver() {
    }

    public static final int GRACE_CYCLES = 3;

    /**
     * @param carryGroups   groups of {@code previous} to keep although this cycle did not see them
     *                      (none of them is in {@code current}), with the cycles in a row they were not seen
     * @param offsetsFailed the cycle failed to read some partitions' log offsets
     */
    public static LagSnapshot apply(LagSnapshot current, LagSnapshot previous, Map<String, Integer> carryGroups,
                                    boolean offsetsFailed) {
        if (carryGroups.isEmpty() && !offsetsFailed) {
            return current;
        }
        Set<String> currentGroups = new HashSet<>();
        current.groups().forEach(g -> currentGroups.add(g.group()));
        Set<GroupPartition> currentPartitions = new HashSet<>();
        current.partitions().forEach(p -> currentPartitions.add(new GroupPartition(p.group(), p.partition())));

        List<PartitionLag> partitions = new ArrayList<>(current.partitions());
        Set<String> topped = new HashSet<>();
        for (PartitionLag p : previous.partitions()) {
            boolean groupMissing = carryGroups.containsKey(p.group());
            boolean partitionMissing = offsetsFailed && currentGroups.contains(p.group())
                    && p.records().isPresent() && !currentPartitions.contains(new GroupPartition(p.group(), p.partition()));
            if (groupMissing || partitionMissing) {
                partitions.add(p);
            }
            if (partitionMissing) {
                topped.add(p.group());
            }
        }
        // A group seen this cycle with some partitions carried: its totals count the carried lag too,
        // or the group's lag would drop while each partition's stays.
        Map<String, List<PartitionLag>> toppedPartitions = new HashMap<>();
        for (PartitionLag p : partitions) {
            if (topped.contains(p.group())) {
                toppedPartitions.computeIfAbsent(p.group(), k -> new ArrayList<>()).add(p);
            }
        }
        List<GroupLag> groups = new ArrayList<>();
        for (GroupLag g : current.groups()) {
            groups.add(topped.contains(g.group())
                    ? LagAnalyzer.total(g.group(), g.description(), toppedPartitions.get(g.group())) : g);
        }
        previous.groups().stream().filter(g -> carryGroups.containsKey(g.group())).forEach(groups::add);
        partitions.sort(Comparator.comparing(PartitionLag::group).thenComparing(PartitionLag::partition));
        groups.sort(Comparator.comparing(GroupLag::group));
        // Analysis takes the groups to carry from the previous snapshot, so each is there to be marked.
        return new LagSnapshot(partitions, groups, new TreeMap<>(carryGroups));
    }
}
