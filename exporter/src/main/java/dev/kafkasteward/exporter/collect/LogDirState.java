package dev.kafkasteward.exporter.collect;

import java.time.Instant;
import java.util.Map;
import java.util.OptionalLong;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One log dir of one broker as DescribeLogDirs reported it.
 *
 * @param broker      broker id
 * @param path        the log dir's path on the broker
 * @param readAt      when the broker described it (log dirs are not read every cycle)
 * @param offline     the broker reports the dir as failed (its replicas are offline)
 * @param totalBytes  size of the volume, when the broker reports it
 * @param usableBytes usable space left on the volume, when the broker reports it
 * @param topics      bytes per topic in this dir
 */
public record LogDirState(int broker, String path, Instant readAt, boolean offline, OptionalLong totalBytes, OptionalLong usableBytes,
                          SortedMap<String, TopicLogSize> topics) {

    public LogDirState {
        topics = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(topics));
    }

    public static LogDirState of(int broker, String path, Instant readAt, boolean offline, OptionalLong totalBytes,
                                 OptionalLong usableBytes, Map<String, TopicLogSize> topics) {
        return new LogDirState(broker, path, readAt, offline, totalBytes, usableBytes, new TreeMap<>(topics));
    }

    /** Bytes of Kafka data in the dir: the sum of its replicas' sizes. */
    public long usedBytes() {
        return topics.values().stream().mapToLong(TopicLogSize::bytes).sum();
    }
}
