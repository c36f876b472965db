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
        boolean[] shown = shown(shares.partitions(), limit);
        int left = 0;
        for (int i = 0; i < shown.length; i++) {
            ShareGroupSnapshot.Partition p = shares.partitions().get(i);
            if (!shown[i]) {
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
            if (!g.topics().isEmpty()) { // no share-partition with a reported backlog: no total, rather than 0
                groupBacklog.add(g.totals().backlog(), cluster, g.group());
            }
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
        boolean[] shown = shown(shares.partitions(), limit);
        for (int i = 0; i < shown.length; i++) {
            ShareGroupSnapshot.Partition p = shares.partitions().get(i);
            if (!shown[i]) {
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
        Family answerAge = new Family(ShareGroupMetrics.ANSWER_AGE);
        shares.answerAgeSeconds().ifPresent(a -> answerAge.add(a + elapsedSeconds, cluster));
        out.add(age.build());
        out.add(topicAge.build());
        out.add(groupAge.build());
        out.add(answerAge.build());
    }

    /**
     * Which share-partitions get per-partition series: those the mode admits, within the cap (a cap of its own,
     * the same size as the consumer series'), the ones that need attention first, as for consumer groups.
     */
    private static boolean[] shown(List<ShareGroupSnapshot.Partition> partitions, PartitionSeries limit) {
        return limit.select(partitions.size(), i -> partitions.get(i).status() == PartitionStatus.OK);
    }
}
