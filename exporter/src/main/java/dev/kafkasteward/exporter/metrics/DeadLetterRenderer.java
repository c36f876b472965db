package dev.kafkasteward.exporter.metrics;

import dev.kafkasteward.contract.catalog.DeadLetterMetrics;
import dev.kafkasteward.exporter.deadletter.DeadLetterSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import java.util.List;

/** Dead-letter series: written, retained, newest timestamp, unread, counts by reason. */
final class DeadLetterRenderer {

    private DeadLetterRenderer() {
    }

    static void render(String cluster, DeadLetterSnapshot deadLetters, List<MetricSnapshot> out) {
        if (deadLetters.topics().isEmpty()) {
            return; // no dead-letter topic declared or found: no empty families on the scrape
        }
        Family written = new Family(DeadLetterMetrics.RECORDS_WRITTEN);
        Family retained = new Family(DeadLetterMetrics.RECORDS_RETAINED);
        Family newest = new Family(DeadLetterMetrics.NEWEST_RECORD_TIMESTAMP);
        Family unread = new Family(DeadLetterMetrics.UNREAD_RECORDS);
        Family reasons = new Family(DeadLetterMetrics.RECORDS_BY_REASON);
        Family skipped = new Family(DeadLetterMetrics.OFFSETS_SKIPPED);
        Family read = new Family(DeadLetterMetrics.RECORDS_READ);
        for (DeadLetterSnapshot.TopicStats t : deadLetters.topics()) {
            t.written().ifPresent(n -> written.add(n, cluster, t.topic()));
            t.retained().ifPresent(n -> retained.add(n, cluster, t.topic()));
            t.newestTimestampMs().ifPresent(ms -> newest.add(ms / 1000.0, cluster, t.topic()));
            unread.add(t.unread(), cluster, t.topic());
            skipped.add(t.skipped(), cluster, t.topic());
            read.add(t.read(), cluster, t.topic());
            t.reasons().forEach(r -> reasons.add(r.records(), cluster, t.topic(), r.sourceTopic(), r.reason()));
        }
        out.add(written.build());
        out.add(retained.build());
        out.add(newest.build());
        out.add(unread.build());
        out.add(reasons.build());
        out.add(skipped.build());
        out.add(read.build());
    }
}
