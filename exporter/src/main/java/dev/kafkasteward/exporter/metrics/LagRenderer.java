package dev.kafkasteward.exporter.metrics;

import dev.kafkasteward.contract.catalog.LagMetrics;
import dev.kafkasteward.exporter.lag.LagAge;
import dev.kafkasteward.exporter.lag.LagSnapshot;
import dev.kafkasteward.exporter.lag.PartitionLag;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import java.util.List;

/** Consumer-group lag and lag age series. */
final class LagRenderer {

    private LagRenderer() {
    }

    static void render(String cluster, LagSnapshot lag, List<MetricSnapshot> out) {
        Family records = new Family(LagMetrics.LAG_RECORDS);
        Family age = new Family(LagMetrics.LAG_AGE);
        for (PartitionLag p : lag.partitions()) {
            String partition = Integer.toString(p.partition().partition());
            records.add(p.records(), cluster, p.group(), p.partition().topic(), partition);
            if (p.age() instanceof LagAge.Known known) {
                age.add(known.seconds(), cluster, p.group(), p.partition().topic(), partition);
            }
        }
        out.add(records.build());
        out.add(age.build());
    }
}
