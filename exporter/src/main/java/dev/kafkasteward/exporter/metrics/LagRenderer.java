package dev.kafkasteward.exporter.metrics;

import dev.kafkasteward.contract.catalog.LagMetrics;
import dev.kafkasteward.exporter.lag.GroupLag;
import dev.kafkasteward.exporter.lag.LagAge;
import dev.kafkasteward.exporter.lag.LagSnapshot;
import dev.kafkasteward.exporter.lag.PartitionLag;
import dev.kafkasteward.exporter.lag.PartitionStatus;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import java.util.List;
import java.util.Map;

/** Consumer-group series: per partition (within {@link PartitionSeries}), per group/topic, per group. */
final class LagRenderer {

    private LagRenderer() {
    }

    static void render(String cluster, LagSnapshot lag, PartitionSeries limit, Map<String, Integer> omitted,
                       List<MetricSnapshot> out) {
        Family records = new Family(LagMetrics.LAG_RECORDS);
        Family age = new Family(LagMetrics.LAG_AGE);
        Family status = new Family(LagMetrics.PARTITION_STATUS);
        Family commitAge = new Family(LagMetrics.COMMIT_AGE);
        Family lost = new Family(LagMetrics.RECORDS_LOST);
        Family headroom = new Family(LagMetrics.RETENTION_HEADROOM);
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
            p.commitAgeSeconds().ifPresent(s -> commitAge.add(s, series));
            if (p.age() instanceof LagAge.Known known) {
                age.add(known.seconds(), series);
            }
            p.retentionHeadroomSeconds().ifPresent(h -> headroom.add(h, series));
        }
        if (left > 0 || limit.mode() != PartitionSeries.Mode.ALL) {
            for (String name : List.of(LagMetrics.LAG_RECORDS.name(), LagMetrics.LAG_AGE.name(),
                    LagMetrics.PARTITION_STATUS.name(), LagMetrics.COMMIT_AGE.name(),
                    LagMetrics.RETENTION_HEADROOM.name())) {
                omitted.merge(name, left, Integer::sum);
            }
        }
        out.add(records.build());
        out.add(age.build());
        out.add(status.build());
        out.add(commitAge.build());
        out.add(lost.build());
        out.add(headroom.build());
        renderGroups(cluster, lag.groups(), out);
        Family carried = new Family(LagMetrics.LAG_CARRIED_CYCLES);
        lag.carried().forEach((group, cycles) -> carried.add(cycles, cluster, group));
        out.add(carried.build());
    }

    /**
     * Which partitions get per-partition series: those the mode admits, and past the cap the ones
     * that need attention before healthy ones.
     */
    private static boolean[] shown(List<PartitionLag> partitions, PartitionSeries limit) {
        boolean[] shown = new boolean[partitions.size()];
        int budget = limit.max();
        for (boolean attention : new boolean[] {true, false}) {
            for (int i = 0; i < shown.length && budget > 0; i++) {
                PartitionLag p = partitions.get(i);
                boolean ok = p.status() == PartitionStatus.OK;
                boolean admitted = switch (limit.mode()) {
                    case ALL -> true;
                    case NOT_OK -> !ok;
                    case NONE -> false;
                };
                if (admitted && ok != attention) {
                    shown[i] = true;
                    budget--;
                }
            }
        }
        return shown;
    }

    private static void renderGroups(String cluster, List<GroupLag> groups, List<MetricSnapshot> out) {
        Family topicLag = new Family(LagMetrics.TOPIC_LAG_RECORDS);
        Family topicAge = new Family(LagMetrics.TOPIC_MAX_LAG_AGE);
        Family groupLag = new Family(LagMetrics.GROUP_LAG_RECORDS);
        Family groupAge = new Family(LagMetrics.GROUP_MAX_LAG_AGE);
        Family unknown = new Family(LagMetrics.LAG_AGE_UNKNOWN);
        Family members = new Family(LagMetrics.GROUP_MEMBERS);
        Family state = new Family(LagMetrics.GROUP_STATE);
        for (GroupLag g : groups) {
            g.topics().forEach((topic, t) -> {
                topicLag.add(t.lagRecords(), cluster, g.group(), topic);
                t.maxLagAgeSeconds().ifPresent(a -> topicAge.add(a, cluster, g.group(), topic));
            });
            groupLag.add(g.lagRecords(), cluster, g.group());
            g.maxLagAgeSeconds().ifPresent(a -> groupAge.add(a, cluster, g.group()));
            g.unknownAges().forEach((reason, n) -> unknown.add(n, cluster, g.group(), reason));
            g.description().ifPresent(d -> {
                members.add(d.members(), cluster, g.group());
                state.add(1, cluster, g.group(), d.protocol().label(), d.state());
            });
        }
        out.add(topicLag.build());
        out.add(topicAge.build());
        out.add(groupLag.build());
        out.add(groupAge.build());
        out.add(unknown.build());
        out.add(members.build());
        out.add(state.build());
    }
}
