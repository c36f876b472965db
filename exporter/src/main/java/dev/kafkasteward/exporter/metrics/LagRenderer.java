package dev.kafkasteward.exporter.metrics;

import dev.kafkasteward.contract.catalog.LagMetrics;
import dev.kafkasteward.exporter.lag.GroupLag;
import dev.kafkasteward.exporter.lag.LagAge;
import dev.kafkasteward.exporter.lag.LagSnapshot;
import dev.kafkasteward.exporter.lag.PartitionLag;
import dev.kafkasteward.exporter.lag.PartitionStatus;
import dev.kafkasteward.exporter.observation.GroupDescription;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Consumer-group series: per partition (within {@link PartitionSeries}), per group/topic, per group.
 * What does not change until the next snapshot is rendered once ({@link #render}); the ages, which
 * grow with the clock, at every scrape ({@link #renderAges}).
 */
final class LagRenderer {

    private LagRenderer() {
    }

    static void render(String cluster, LagSnapshot lag, PartitionSeries limit, Map<String, Integer> omitted,
                       List<MetricSnapshot> out) {
        Family records = new Family(LagMetrics.LAG_RECORDS);
        Family status = new Family(LagMetrics.PARTITION_STATUS);
        Family owners = new Family(LagMetrics.PARTITION_OWNER);
        Map<String, GroupDescription> descriptions = new java.util.HashMap<>();
        if (limit.owners()) {
            lag.groups().forEach(g -> g.description().ifPresent(d -> descriptions.put(g.group(), d)));
        }
        Family lost = new Family(LagMetrics.RECORDS_LOST);
        boolean[] shown = shown(lag.partitions(), limit);
        int left = 0;
        // In the snapshot's order, which is close to the exposition's: sorting the samples stays cheap.
        for (int i = 0; i < shown.length; i++) {
            PartitionLag p = lag.partitions().get(i);
            String topic = p.partition().topic();
            String partition = Integer.toString(p.partition().partition());
            boolean lostSome = p.recordsLost() > 0; // losses are always shown: they are what an owner must hear of
            if (!shown[i]) {
                left++;
                if (!lostSome) {
                    continue;
                }
            }
            // One label set for the partition's series of every family that has exactly these labels.
            Labels series = records.labels(cluster, p.group(), topic, partition);
            if (lostSome) {
                lost.add(p.recordsLost(), series);
            }
            if (!shown[i]) {
                continue;
            }
            status.add(1, cluster, p.group(), topic, partition, p.status().label());
            p.records().ifPresent(r -> records.add(r, series));
            GroupDescription d = descriptions.get(p.group());
            GroupDescription.Member owner = d == null ? null : d.owners().get(p.partition());
            if (owner != null) {
                owners.add(1, cluster, p.group(), topic, partition, owner.host(), owner.clientId(), owner.consumerId());
            }
        }
        if (left > 0 || limit.mode() != PartitionSeries.Mode.ALL) {
            for (String name : List.of(LagMetrics.LAG_RECORDS.name(), LagMetrics.LAG_AGE.name(),
                    LagMetrics.PARTITION_STATUS.name(), LagMetrics.COMMIT_AGE.name(),
                    LagMetrics.RETENTION_HEADROOM.name())) {
                omitted.merge(name, left, Integer::sum);
            }
        }
        out.add(records.build());
        out.add(status.build());
        if (limit.owners()) {
            out.add(owners.build());
        }
        out.add(lost.build());
        renderGroups(cluster, lag.groups(), out);
        Family carried = new Family(LagMetrics.LAG_CARRIED_CYCLES);
        lag.carried().forEach((group, cycles) -> carried.add(cycles, cluster, group));
        out.add(carried.build());
    }

    static void renderRebalances(String cluster, Map<String, Long> rebalances, List<MetricSnapshot> out) {
        Family family = new Family(LagMetrics.REBALANCES);
        rebalances.forEach((group, n) -> family.add(n, cluster, group));
        out.add(family.build());
    }

    /**
     * The shown partitions of a snapshot with their label sets: what {@link #renderAges} needs of it,
     * made once per snapshot so that a scrape only computes values.
     */
    record AgeRows(LagSnapshot lag, List<PartitionLag> partitions, List<Labels> labels) {

        static AgeRows of(String cluster, LagSnapshot lag, PartitionSeries limit) {
            boolean[] shown = shown(lag.partitions(), limit);
            List<PartitionLag> partitions = new ArrayList<>();
            List<Labels> labels = new ArrayList<>();
            Family age = new Family(LagMetrics.LAG_AGE);
            for (int i = 0; i < shown.length; i++) {
                if (shown[i]) {
                    PartitionLag p = lag.partitions().get(i);
                    partitions.add(p);
                    labels.add(age.labels(cluster, p.group(), p.partition().topic(),
                            Integer.toString(p.partition().partition())));
                }
            }
            return new AgeRows(lag, List.copyOf(partitions), List.copyOf(labels));
        }
    }

    /**
     * The series that are durations since a moment — lag age, commit age, retention headroom — as they
     * are {@code elapsedSeconds} after the snapshot, i.e. at the scrape that Prometheus stores them at.
     * A partition whose commit stood still ages by the elapsed time, exactly while it stays still (see
     * {@link PartitionLag#ageGrowsUntilNextCommit}); one whose commit just moved keeps what was measured.
     */
    static void renderAges(String cluster, AgeRows rows, double elapsedSeconds, List<MetricSnapshot> out) {
        Family age = new Family(LagMetrics.LAG_AGE);
        Family commitAge = new Family(LagMetrics.COMMIT_AGE);
        Family headroom = new Family(LagMetrics.RETENTION_HEADROOM);
        for (int i = 0; i < rows.partitions().size(); i++) {
            PartitionLag p = rows.partitions().get(i);
            Labels series = rows.labels().get(i);
            double grown = p.ageGrowsUntilNextCommit() ? elapsedSeconds : 0;
            p.commitAgeSeconds().ifPresent(s -> commitAge.add(s > 0 ? s + elapsedSeconds : s, series));
            if (p.age() instanceof LagAge.Known known) {
                age.add(known.seconds() + grown, series);
            }
            p.retentionHeadroomSeconds().ifPresent(h -> headroom.add(Math.max(0, h - grown), series));
        }
        Family topicAge = new Family(LagMetrics.TOPIC_MAX_LAG_AGE);
        Family groupAge = new Family(LagMetrics.GROUP_MAX_LAG_AGE);
        for (GroupLag g : rows.lag().groups()) {
            g.topics().forEach((topic, t) -> t.maxLagAgeSecondsAfter(elapsedSeconds)
                    .ifPresent(a -> topicAge.add(a, cluster, g.group(), topic)));
            g.maxLagAgeSecondsAfter(elapsedSeconds).ifPresent(a -> groupAge.add(a, cluster, g.group()));
        }
        out.add(age.build());
        out.add(commitAge.build());
        out.add(headroom.build());
        out.add(topicAge.build());
        out.add(groupAge.build());
    }

    /** {@link #renderAges} without rows kept from an earlier scrape. */
    static void renderAges(String cluster, LagSnapshot lag, PartitionSeries limit, double elapsedSeconds,
                           List<MetricSnapshot> out) {
        renderAges(cluster, AgeRows.of(cluster, lag, limit), elapsedSeconds, out);
    }

    /**
     * Which partitions get per-partition series: those the mode admits, and past the cap the ones
     * that need attention before healthy ones.
     */
    private static boolean[] shown(List<PartitionLag> partitions, PartitionSeries limit) {
        return limit.select(partitions.size(), i -> partitions.get(i).status() == PartitionStatus.OK);
    }

    private static void renderGroups(String cluster, List<GroupLag> groups, List<MetricSnapshot> out) {
        Family topicLag = new Family(LagMetrics.TOPIC_LAG_RECORDS);
        Family groupLag = new Family(LagMetrics.GROUP_LAG_RECORDS);
        Family unknown = new Family(LagMetrics.LAG_AGE_UNKNOWN);
        Family members = new Family(LagMetrics.GROUP_MEMBERS);
        Family state = new Family(LagMetrics.GROUP_STATE);
        Family tasks = new Family(LagMetrics.STREAMS_TASKS);
        Family unassignedTasks = new Family(LagMetrics.STREAMS_TASKS_UNASSIGNED);
        Family epochsBehind = new Family(LagMetrics.STREAMS_ASSIGNMENT_EPOCHS_BEHIND);
        for (GroupLag g : groups) {
            g.topics().forEach((topic, t) -> topicLag.add(t.lagRecords(), cluster, g.group(), topic));
            groupLag.add(g.lagRecords(), cluster, g.group());
            g.unknownAges().forEach((reason, n) -> unknown.add(n, cluster, g.group(), reason));
            g.description().ifPresent(d -> {
                members.add(d.members(), cluster, g.group());
                state.add(1, cluster, g.group(), d.protocol().label(), d.state());
                // An empty streams group is often known from the listing alone: served only with members, so the
                // series do not come and go with how the group was read.
                d.streamsTasks().filter(x -> d.members() > 0).ifPresent(x -> {
                    x.tasks().ifPresent(n -> tasks.add(n, cluster, g.group()));
                    x.unassignedTasks().ifPresent(n -> unassignedTasks.add(n, cluster, g.group()));
                    epochsBehind.add(x.assignmentEpochsBehind(), cluster, g.group());
                });
            });
        }
        out.add(topicLag.build());
        out.add(groupLag.build());
        out.add(unknown.build());
        out.add(members.build());
        out.add(state.build());
        out.add(tasks.build());
        out.add(unassignedTasks.build());
        out.add(epochsBehind.build());
    }
}
