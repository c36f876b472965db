package dev.kafkasteward.exporter.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.kafkasteward.contract.catalog.LagMetrics;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import org.junit.jupiter.api.Test;

class FamilyTest {

    @Test
    void familiesWithTheSameLabelNamesShareOneLabelSet() {
        Family records = new Family(LagMetrics.LAG_RECORDS);
        Family age = new Family(LagMetrics.LAG_AGE);
        Labels series = records.labels("prod", "billing", "orders", "3");
        records.add(5, series);
        age.add(12.5, series);

        GaugeSnapshot built = (GaugeSnapshot) age.build();
        assertSame(series, built.getDataPoints().get(0).getLabels());
        assertEquals("orders", series.get("topic"));
    }

    @Test
    void labelsOfOtherNamesAreRefused() {
        Family records = new Family(LagMetrics.LAG_RECORDS);
        Labels withStatus = new Family(LagMetrics.PARTITION_STATUS).labels("prod", "billing", "orders", "3", "ok");
        assertThrows(IllegalArgumentException.class, () -> records.add(1, withStatus));
        Labels sameCount = Labels.of("cluster", "prod", "group", "g", "topic", "t", "reason", "r");
        assertThrows(IllegalArgumentException.class, () -> records.add(1, sameCount));
        assertThrows(IllegalArgumentException.class, () -> records.labels("prod", "billing", "orders"));
    }
}
