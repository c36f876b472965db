package dev.kafkasteward.exporter.observation;

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
 * @param watched     bytes of the replicas in this dir of the partitions the reader was asked to watch (those
 *                    being reassigned); other partitions are summed per topic only
 */
public record LogDirState(int broker, String path, Instant readAt, boolean offline, OptionalLong totalBytes,
                          OptionalLong usableBytes, SortedMap<String, TopicLogSize> topics,
                          SortedMap<TopicPartitionId, Long> watched) {

    public LogDirState {
        topics = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(topics));
        watched = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(watched));
    }

    public static LogDirState of(int broker, String path, Instant readAt, boolean offline, OptionalLong totalBytes,
                                 OptionalLong usableBytes, Map<String, TopicLogSize> topics) {
        return of(broker, path, readAt, offline, totalBytes, usableBytes, topics, Map.of());
    }

    public static LogDirState of(int broker, String path, Instant readAt, boolean offline, OptionalLong totalBytes,
                                 OptionalLong usableBytes, Map<String, TopicLogSize> topics,
                                 Map<TopicPartitionId, Long> watched) {
        return new LogDirState(broker, path, readAt, offline, totalBytes, usableBytes, new TreeMap<>(topics),
                new TreeMap<>(watched));
    }

    /** Bytes of Kafka data in the dir: the sum of its replicas' sizes. */
    public long usedBytes() {
        return topics.values().stream().mapToLong(TopicLogSize::bytes).sum();
    }
}
