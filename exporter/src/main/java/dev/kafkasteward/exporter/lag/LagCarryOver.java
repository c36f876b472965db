package dev.kafkasteward.exporter.lag;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Keeps the last known lag of what a partial cycle could not read. A cycle that lost a group's
 * committed offsets (coordinator moving, broker shutting down) or a partition's log offsets would
 * otherwise drop those series for a cycle, and an alert on them would resolve falsely. What is
 * carried is the previous value, unchanged; the served snapshot is flagged partial meanwhile. A
 * group that is really gone disappears with the next complete cycle.
 */
public final class LagCarryOver {

    private LagCarryOver() {
    }

    /**
     * @param groupsFailed  the cycle failed to read some groups' committed offsets
     * @param offsetsFailed the cycle failed to read some partitions' log offsets
     */
    public static LagSnapshot apply(LagSnapshot current, LagSnapshot previous, boolean groupsFailed,
                                    boolean offsetsFailed) {
        if (!groupsFailed && !offsetsFailed) {
            return current;
        }
        Set<String> currentGroups = new HashSet<>();
        current.groups().forEach(g -> currentGroups.add(g.group()));
        Set<GroupPartition> currentPartitions = new HashSet<>();
        current.partitions().forEach(p -> currentPartitions.add(new GroupPartition(p.group(), p.partition())));

        List<PartitionLag> partitions = new ArrayList<>(current.partitions());
        for (PartitionLag p : previous.partitions()) {
            boolean groupMissing = groupsFailed && !currentGroups.contains(p.group());
            boolean partitionMissing = offsetsFailed && currentGroups.contains(p.group())
                    && p.records().isPresent() && !currentPartitions.contains(new GroupPartition(p.group(), p.partition()));
            if (groupMissing || partitionMissing) {
                partitions.add(p);
            }
        }
        List<GroupLag> groups = new ArrayList<>(current.groups());
        if (groupsFailed) {
            previous.groups().stream().filter(g -> !currentGroups.contains(g.group())).forEach(groups::add);
        }
        partitions.sort(Comparator.comparing(PartitionLag::group).thenComparing(PartitionLag::partition));
        groups.sort(Comparator.comparing(GroupLag::group));
        return new LagSnapshot(partitions, groups);
    }
}
