package dev.kafkasteward.exporter.metrics;

import dev.kafkasteward.contract.catalog.FunnelMetrics;
import dev.kafkasteward.contract.catalog.SelfMetrics;
import dev.kafkasteward.exporter.observation.FunnelSnapshot;
import dev.kafkasteward.exporter.observation.TopicPartitionId;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Funnel series of this replica: its reader's health, events, waiting, overdue, completions, bounds, rebuilds. */
final class FunnelRenderer {

    private FunnelRenderer() {
    }

    static void render(String cluster, FunnelSnapshot funnels, List<MetricSnapshot> out) {
        if (funnels.reader() != FunnelSnapshot.Reader.ABSENT) {
            out.add(new Family(SelfMetrics.FUNNEL_READER_UP)
                    .add(funnels.reader() == FunnelSnapshot.Reader.RUNNING ? 1 : 0, cluster).build());
        }
        if (funnels.funnels().isEmpty()) {
            return; // no funnel declared: no empty families on the scrape
        }
        Family events = new Family(FunnelMetrics.STAGE_EVENTS);
        Family waiting = new Family(FunnelMetrics.KEYS_WAITING);
        Family overdue = new Family(FunnelMetrics.KEYS_OVERDUE);
        Family expired = new Family(FunnelMetrics.KEYS_EXPIRED);
        Family duplicates = new Family(FunnelMetrics.DUPLICATE_EVENTS);
        Family misses = new Family(FunnelMetrics.CORRELATION_MISSES);
        Family misplaced = new Family(FunnelMetrics.KEYS_MISPLACED);
        Family completed = new Family(FunnelMetrics.KEYS_COMPLETED);
        Family completions = new Family(FunnelMetrics.COMPLETIONS);
        Family overflows = new Family(FunnelMetrics.KEY_OVERFLOWS);
        Family rebuilding = new Family(FunnelMetrics.REBUILDING);
        for (FunnelSnapshot.FunnelStats f : funnels.funnels()) {
            for (FunnelSnapshot.StageStats s : f.stages()) {
                events.add(s.events(), cluster, f.funnel(), s.stage());
                s.waiting().ifPresent(n -> waiting.add(n, cluster, f.funnel(), s.stage()));
                s.overdue().ifPresent(n -> overdue.add(n, cluster, f.funnel(), s.stage()));
                expired.add(s.expired(), cluster, f.funnel(), s.stage());
                duplicates.add(s.duplicates(), cluster, f.funnel(), s.stage());
                s.misses().forEach((reason, n) -> misses.add(n, cluster, f.funnel(), s.stage(), reason));
                misplaced.add(s.misplaced(), cluster, f.funnel(), s.stage());
            }
            f.completedKeys().ifPresent(n -> completed.add(n, cluster, f.funnel()));
            completions.add(f.completions(), cluster, f.funnel());
            overflows.add(f.overflows(), cluster, f.funnel());
            rebuilding.add(f.rebuilding() ? 1 : 0, cluster, f.funnel());
        }
        Map<String, Integer> perTopic = new TreeMap<>();
        for (TopicPartitionId p : funnels.assigned()) {
            perTopic.merge(p.topic(), 1, Integer::sum);
        }
        Family assigned = new Family(FunnelMetrics.ASSIGNED_PARTITIONS);
        perTopic.forEach((topic, n) -> assigned.add(n, cluster, topic));
        out.add(events.build());
        out.add(waiting.build());
        out.add(overdue.build());
        out.add(expired.build());
        out.add(duplicates.build());
        out.add(misses.build());
        out.add(misplaced.build());
        out.add(completed.build());
        out.add(completions.build());
        out.add(overflows.build());
        out.add(rebuilding.build());
        out.add(assigned.build());
    }
}
