package dev.kafkasteward.exporter.collect;

import java.util.Map;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;

/** Reads a Kafka client's cumulative {@code request-total} so a cycle can report what it cost. */
final class RequestCounter {

    private RequestCounter() {
    }

    static long total(Map<MetricName, ? extends Metric> metrics) {
        double sum = 0;
        for (Map.Entry<MetricName, ? extends Metric> e : metrics.entrySet()) {
            MetricName name = e.getKey();
            // The selector's client-wide count, not the per-node copies.
            if (name.name().equals("request-total") && name.group().endsWith("-metrics")
                    && !name.group().contains("node")) {
                Object value = e.getValue().metricValue();
                if (value instanceof Number n) {
                    sum += n.doubleValue();
                }
            }
        }
        return (long) sum;
    }
}
