package dev.kafkasteward.exporter.metrics;

import dev.kafkasteward.contract.catalog.ShareGroupMetrics;
import dev.kafkasteward.exporter.lag.PartitionStatus;
import dev.kafkasteward.exporter.share.ShareGroupSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import java.util.List;
import java.util.Map;

/**
 * Share-group series: per share-partition (within {@link PartitionSeries}, the same limit as consumer groups'),
 * per group and topic, per group. The backlog ages grow with the clock, so they are rendered at every scrape
 * ({@link #renderAges}), as lag ages are.
 */
final class ShareGroupRenderer {

    private ShareGroupRenderer() {
    }

    static void render(String cluster, ShareGroupSnapshot shares, PartitionSeries limit,
                       Map<String, Integer> omitted, List<MetricSnapshot> out) {
        Family backlog = new Family(ShareGroupMetrics.BACKLOG_RECORDS);
        Family status = new Family(ShareGroupMetrics.PARTITION_STATUS);
        int left = 0;
        int budget = limit.max();
        for (ShareGroupSnapshot.Partition p : shares.partitions()) {
            if (!shown(p, limit) || budget-- <= 0) {
                left++;
                continue;
            }
            String topic = p.partition().topic();
            String partition = Integer.toString(p.partition().partition());
            backlog.add(p.backlog(), cluster, p.group(), topic, partition);
            status.add(1, cluster, p.group(), topic, partition, p.status().label());
        }
        if (left > 0) {
            for (String name : List.of(ShareGroupMetrics.BACKLOG_RECORDS.name(), ShareGroupMetrics.BACKLOG_AGE.name(),
                    ShareGroupMetrics.PARTITION_STATUS.name())) {
                omitted.merge(name, left, Integer::sum);
            }
        }
        Family topicBacklog = new Family(ShareGroupMetrics.TOPIC_BACKLOG_RECORDS);
        Family groupBacklog = new Family(ShareGroupMetrics.GROUP_BACKLOG_RECORDS);
        Family members = new Family(ShareGroupMetrics.MEMBERS);
        Family state = new Family(ShareGroupMetrics.STATE);
        for (ShareGroupSnapshot.Group g : shares.groups()) {
            g.topics().forEach((topic, t) -> topicBacklog.add(t.backlog(), cluster, g.group(), topic));
            groupBacklog.add(g.totals().backlog(), cluster, g.group());
            members.add(g.members(), cluster, g.group());
            state.add(1, cluster, g.group(), g.state());
        }
        out.add(backlog.build());
        out.add(status.build());
        out.add(topicBacklog.build());
        out.add(groupBacklog.build());
        out.add(members.build());
        out.add(state.build());
    }

    /** The backlog ages {@code elapsedSeconds} after the snapshot: those with a backlog grow, exactly. */
    static void renderAges(String cluster, ShareGroupSnapshot shares, PartitionSeries limit, double elapsedSeconds,
                           List<MetricSnapshot> out) {
        Family age = new Family(ShareGroupMetrics.BACKLOG_AGE);
        int budget = limit.max();
        for (ShareGroupSnapshot.Partition p : shares.partitions()) {
            if (!shown(p, limit) || budget-- <= 0) {
                continue;
            }
            double grown = p.ageGrows() ? elapsedSeconds : 0;
            p.ageSeconds().ifPresent(a -> age.add(a + grown, cluster, p.group(), p.partition().topic(),
                    Integer.toString(p.partition().partition())));
        }
        Family topicAge = new Family(ShareGroupMetrics.TOPIC_MAX_BACKLOG_AGE);
        Family groupAge = new Family(ShareGroupMetrics.GROUP_MAX_BACKLOG_AGE);
        for (ShareGroupSnapshot.Group g : shares.groups()) {
            g.topics().forEach((topic, t) -> t.maxAgeSecondsAfter(elapsedSeconds)
                    .ifPresent(a -> topicAge.add(a, cluster, g.group(), topic)));
            g.totals().maxAgeSecondsAfter(elapsedSeconds).ifPresent(a -> groupAge.add(a, cluster, g.group()));
        }
        out.add(age.build());
        out.add(topicAge.build());
        out.add(groupAge.build());
    }

    private static boolean shown(ShareGroupSnapshot.Partition p, PartitionSeries limit) {
        return switch (limit.mode()) {
            case ALL -> true;
            case NOT_OK -> p.status() != PartitionStatus.OK;
            case NONE -> false;
        };
    }
}
