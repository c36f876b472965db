package dev.kafkasteward.exporter.funnel;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/** A synthetic record for funnel tests and the benchmark. */
public record TestRecord(String topic, int partition, long offset, long timestampMs, byte[] key,
                         Map<String, byte[]> headers, byte[] value) implements FunnelRecord {

    public static TestRecord of(String topic, int partition, long timestampMs, String key, String value,
                                String... headerPairs) {
        Map<String, byte[]> headers = new java.util.HashMap<>();
        for (int i = 0; i < headerPairs.length; i += 2) {
            headers.put(headerPairs[i], headerPairs[i + 1].getBytes(StandardCharsets.UTF_8));
        }
        return new TestRecord(topic, partition, 0, timestampMs, key == null ? null : key.getBytes(StandardCharsets.UTF_8),
                headers, value == null ? null : value.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public byte[] header(String name) {
        return headers.get(name);
    }
}
