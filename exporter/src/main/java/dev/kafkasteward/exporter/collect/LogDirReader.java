package dev.kafkasteward.exporter.collect;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.LogDirDescription;
import org.apache.kafka.clients.admin.ReplicaInfo;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;

/**
 * Log dirs of every broker: one DescribeLogDirs request per broker, all in flight together, each
 * broker's answer awaited separately so one unreachable broker costs only its own dirs.
 */
final class LogDirReader {

    private final Admin admin;

    LogDirReader(Admin admin) {
        this.admin = admin;
    }

    /** Log dirs of {@code brokers}, awaited for at most {@code budget} in all. */
    List<LogDirState> read(Set<Integer> brokers, Duration budget, CycleErrors errors) {
        if (brokers.isEmpty()) {
            return List.of();
        }
        Map<Integer, KafkaFuture<Map<String, LogDirDescription>>> futures =
                admin.describeLogDirs(brokers).descriptions();
        Deadline deadline = Deadline.in(budget);
        List<LogDirState> out = new ArrayList<>();
        for (int broker : brokers) {
            try {
                Map<String, LogDirDescription> dirs = futures.get(broker).get(deadline.remainingMs(),
                        TimeUnit.MILLISECONDS);
                dirs.forEach((path, d) -> out.add(toState(broker, path, d)));
            } catch (Exception e) {
                errors.record(Stage.DESCRIBE_LOG_DIRS, e);
            }
        }
        return out;
    }

    private static LogDirState toState(int broker, String path, LogDirDescription d) {
        Map<String, long[]> byTopic = new HashMap<>(); // topic -> {bytes, replicas}
        for (Map.Entry<TopicPartition, ReplicaInfo> e : d.replicaInfos().entrySet()) {
            long[] acc = byTopic.computeIfAbsent(e.getKey().topic(), t -> new long[2]);
            acc[0] += e.getValue().size();
            acc[1]++;
        }
        Map<String, TopicLogSize> topics = new HashMap<>();
        byTopic.forEach((t, acc) -> topics.put(t, new TopicLogSize(acc[0], (int) acc[1])));
        return LogDirState.of(broker, path, d.error() != null, d.totalBytes(), d.usableBytes(), topics);
    }
}
