package dev.kafkasteward.exporter.disk;

import dev.kafkasteward.exporter.observation.LogDirState;
import dev.kafkasteward.exporter.observation.TopicConfig;
import dev.kafkasteward.exporter.observation.TopicLogSize;
import java.time.Duration;
import java.util.Map;

/**
 * Projects where a log dir's Kafka data levels off. Per topic with a delete policy: its byte rate
 * times retention.ms, or its replicas times retention.bytes, whichever is smaller, plus one active
 * segment per replica (never deleted; the top of the deletion saw-tooth). A compact-only topic is
 * assumed to stay at its current size: compaction keeps it level unless its key space grows.
 */
public final class SteadyStateProjector {

    private final Duration minObserved;

    /** @param minObserved a topic rate fed by less time than this is not trusted yet */
    public SteadyStateProjector(Duration minObserved) {
        this.minObserved = minObserved;
    }

    public SteadyState project(LogDirState dir, Map<String, TopicRate> rates, Map<String, TopicConfig> configs) {
        double total = 0;
        String unknown = null;
        for (Map.Entry<String, TopicLogSize> e : dir.topics().entrySet()) {
            String topic = e.getKey();
            TopicConfig config = configs.get(topic);
            TopicRate rate = rates.get(topic);
            if (config == null) {
                unknown = "config of " + topic;
                continue;
            }
            if (rate == null || rate.bytesPerSecond().isEmpty() || rate.observed().compareTo(minObserved) < 0) {
                unknown = "byte rate of " + topic;
                continue;
            }
            double bytes = topic(e.getValue(), Math.max(0, rate.bytesPerSecond().getAsDouble()), config);
            if (Double.isInfinite(bytes)) {
                return SteadyState.UNBOUNDED;
            }
            total += bytes;
        }
        return unknown != null ? new SteadyState.Unknown(unknown) : new SteadyState.Bounded(total);
    }

    /** Steady-state bytes of one topic in one dir at {@code rate} bytes/s over all its replicas there. */
    static double topic(TopicLogSize size, double rate, TopicConfig config) {
        int replicas = Math.max(1, size.replicas());
        double activeSegment = Math.min(config.segmentBytes(), rate / replicas * config.segmentMs() / 1000.0);
        double slack = replicas * activeSegment;
        if (!config.delete()) {
            return size.bytes() + slack;
        }
        double byTime = config.retentionMs() >= 0 ? rate * config.retentionMs() / 1000.0 : Double.POSITIVE_INFINITY;
        double bySize = config.retentionBytes() >= 0 ? (double) replicas * config.retentionBytes()
                : Double.POSITIVE_INFINITY;
        double base = Math.min(byTime, bySize);
        if (Double.isInfinite(base)) {
            return rate > 0 ? Double.POSITIVE_INFINITY : size.bytes();
        }
        return base + slack;
    }
}
