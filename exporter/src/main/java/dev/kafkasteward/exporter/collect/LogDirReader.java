package dev.kafkasteward.exporter.collect;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.LogDirDescription;
import org.apache.kafka.clients.admin.ReplicaInfo;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;

/**
 * Log dirs of every broker: one DescribeLogDirs request per broker, all in flight together, each
 * broker's answer awaited separately so one unreachable broker costs only its own dirs.
 *
 * <p>A broker's answer lists every replica it holds, so all brokers are read again only when the
 * caller says so ({@link ReadSchedule.Read#PLACEMENT}); in between the last answer is served with the
 * time it was read ({@link LogDirState#readAt()}), which is what the disk history samples. A broker
 * not read yet (new, or whose last read failed) is read in the next cycle; one no longer asked about
 * is forgotten.
 */
final class LogDirReader {

    private final Admin admin;
    private final Clock clock;
    private final Map<Integer, List<LogDirState>> lastRead = new TreeMap<>();

    LogDirReader(Admin admin, Clock clock) {
        this.admin = admin;
        this.clock = clock;
    }

    /**
     * Log dirs of {@code brokers}: those not read yet, or all of them when {@code refresh}, read within
     * at most {@code budget} in all.
     */
    List<LogDirState> read(Set<Integer> brokers, boolean refresh, Duration budget, CycleErrors errors) {
        lastRead.keySet().retainAll(brokers);
        Instant now = clock.instant();
        Set<Integer> due = new TreeSet<>();
        for (int broker : brokers) {
            List<LogDirState> dirs = lastRead.get(broker);
            if (refresh || dirs == null || dirs.isEmpty()) {
                due.add(broker);
            }
        }
        if (!due.isEmpty()) {
            describe(due, now, budget, errors);
        }
        List<LogDirState> out = new ArrayList<>();
        lastRead.values().forEach(out::addAll);
        return out;
    }

    private void describe(Set<Integer> brokers, Instant now, Duration budget, CycleErrors errors) {
        Map<Integer, KafkaFuture<Map<String, LogDirDescription>>> futures =
                admin.describeLogDirs(brokers).descriptions();
        Deadline deadline = Deadline.in(budget);
        for (int broker : brokers) {
            try {
                Map<String, LogDirDescription> dirs = futures.get(broker).get(deadline.remainingMs(),
                        TimeUnit.MILLISECONDS);
                List<LogDirState> states = new ArrayList<>();
                dirs.forEach((path, d) -> states.add(toState(broker, path, now, d)));
                lastRead.put(broker, states);
            } catch (Exception e) {
                lastRead.remove(broker); // served no longer; read again next cycle
                errors.record(Stage.DESCRIBE_LOG_DIRS, e);
            }
        }
    }

    private static LogDirState toState(int broker, String path, Instant readAt, LogDirDescription d) {
        Map<String, long[]> byTopic = new HashMap<>(); // topic -> {bytes, replicas}
        for (Map.Entry<TopicPartition, ReplicaInfo> e : d.replicaInfos().entrySet()) {
            long[] acc = byTopic.computeIfAbsent(e.getKey().topic(), t -> new long[2]);
            acc[0] += e.getValue().size();
            acc[1]++;
        }
        Map<String, TopicLogSize> topics = new HashMap<>();
        byTopic.forEach((t, acc) -> topics.put(t, new TopicLogSize(acc[0], (int) acc[1])));
        return LogDirState.of(broker, path, readAt, d.error() != null, d.totalBytes(), d.usableBytes(), topics);
    }
}
