package dev.kafkasteward.exporter.collect;

import dev.kafkasteward.exporter.observation.LogDirState;
import dev.kafkasteward.exporter.observation.Stage;
import dev.kafkasteward.exporter.observation.TopicLogSize;
import dev.kafkasteward.exporter.observation.TopicPartitionId;
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
 *
 * <p>While partitions are being reassigned, the caller names them ({@code watched}) and the brokers involved
 * ({@code alsoRefresh}, read again each time the caller says so, {@link ReadSchedule.Read#PROGRESS}): their
 * replicas' sizes are kept per partition, which is what a reassignment's progress is measured by.
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
        return read(brokers, refresh, Set.of(), Set.of(), budget, errors);
    }

    /**
     * The same, reading {@code alsoRefresh} (of {@code brokers}) again too, and keeping the sizes of the
     * {@code watched} partitions' replicas in the dirs read now.
     */
    List<LogDirState> read(Set<Integer> brokers, boolean refresh, Set<Integer> alsoRefresh,
                           Set<TopicPartitionId> watched, Duration budget, CycleErrors errors) {
        lastRead.keySet().retainAll(brokers);
        Instant now = clock.instant();
        Set<Integer> due = new TreeSet<>();
        for (int broker : brokers) {
            List<LogDirState> dirs = lastRead.get(broker);
            if (refresh || alsoRefresh.contains(broker) || dirs == null || dirs.isEmpty()) {
                due.add(broker);
            }
        }
        if (!due.isEmpty()) {
            describe(due, now, watched, budget, errors);
        }
        List<LogDirState> out = new ArrayList<>();
        lastRead.values().forEach(out::addAll);
        return out;
    }

    private void describe(Set<Integer> brokers, Instant now, Set<TopicPartitionId> watched, Duration budget,
                          CycleErrors errors) {
        Map<Integer, KafkaFuture<Map<String, LogDirDescription>>> futures =
                admin.describeLogDirs(brokers).descriptions();
        Deadline deadline = Deadline.in(budget);
        for (int broker : brokers) {
            try {
                Map<String, LogDirDescription> dirs = futures.get(broker).get(deadline.remainingMs(),
                        TimeUnit.MILLISECONDS);
                List<LogDirState> states = new ArrayList<>();
                dirs.forEach((path, d) -> states.add(toState(broker, path, now, d, watched)));
                lastRead.put(broker, states);
            } catch (Exception e) {
                lastRead.remove(broker); // served no longer; read again next cycle
                errors.record(Stage.DESCRIBE_LOG_DIRS, e);
            }
        }
    }

    private static LogDirState toState(int broker, String path, Instant readAt, LogDirDescription d,
                                       Set<TopicPartitionId> watched) {
        Map<String, long[]> byTopic = new HashMap<>(); // topic -> {bytes, replicas}
        Map<TopicPartitionId, Long> sizes = new HashMap<>();
        for (Map.Entry<TopicPartition, ReplicaInfo> e : d.replicaInfos().entrySet()) {
            long[] acc = byTopic.computeIfAbsent(e.getKey().topic(), t -> new long[2]);
            acc[0] += e.getValue().size();
            acc[1]++;
            // A future replica is a move between this broker's own dirs, not the copy a reassignment makes.
            if (!watched.isEmpty() && !e.getValue().isFuture()) {
                TopicPartitionId id = Partitions.id(e.getKey());
                if (watched.contains(id)) {
                    sizes.put(id, e.getValue().size());
                }
            }
        }
        Map<String, TopicLogSize> topics = new HashMap<>();
        byTopic.forEach((t, acc) -> topics.put(t, new TopicLogSize(acc[0], (int) acc[1])));
        return LogDirState.of(broker, path, readAt, d.error() != null, d.totalBytes(), d.usableBytes(), topics,
                sizes);
    }
}
