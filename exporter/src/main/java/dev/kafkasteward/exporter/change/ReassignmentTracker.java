package dev.kafkasteward.exporter.change;

import dev.kafkasteward.exporter.observation.LogDirState;
import dev.kafkasteward.exporter.observation.Observation;
import dev.kafkasteward.exporter.observation.PartitionReplicas;
import dev.kafkasteward.exporter.observation.Reassignment;
import dev.kafkasteward.exporter.observation.TopicMetadata;
import dev.kafkasteward.exporter.observation.TopicPartitionId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.TreeMap;

/**
 * Measures reassignments from what the cycles observe: the reassignments listed, each moving partition's
 * leader, and the sizes of its replicas in the log dirs read (the leader's log is what the adding replicas
 * must copy). Keeps, per moving partition, the copied bytes of the last {@link #RATE_WINDOW} to compute a
 * copy rate and a time to finish, and per topic the batch of partitions moving since it last had none.
 *
 * <p>Pure: time comes from the observations (when each log dir was read). One instance per collection loop;
 * not thread-safe.
 */
public final class ReassignmentTracker {

    /** How far back copy samples are kept for the rate. */
    public static final Duration RATE_WINDOW = Duration.ofSeconds(60);
    /** How long a finished topic batch is still reported, at 100 %. */
    public static final Duration FINISHED_KEPT = Duration.ofMinutes(10);

    private record Sample(Instant at, long copied) {
    }

    /** The partitions of one topic's batch: the moving ones' last target, and the finished ones' final one. */
    private static final class Batch {
        final Map<TopicPartitionId, Long> lastTarget = new HashMap<>();
        final Map<TopicPartitionId, Long> finished = new HashMap<>();
        Instant finishedAt;
    }

    private final Map<TopicPartitionId, Deque<Sample>> samples = new HashMap<>();
    private final Map<String, Batch> batches = new TreeMap<>();
    private ReassignmentSnapshot last = ReassignmentSnapshot.EMPTY;

    /** The reassignments of {@code observation}; when its listing failed, the last answer again. */
    public ReassignmentSnapshot track(Observation observation) {
        Optional<Map<TopicPartitionId, Reassignment>> listed = observation.cluster().reassignments();
        if (listed.isEmpty()) {
            return last;
        }
        Map<TopicPartitionId, Reassignment> moving = listed.get();
        Map<TopicPartitionId, OptionalInt> leaders = leaders(observation.topics(), moving);
        Sizes sizes = Sizes.of(observation.logDirs());
        samples.keySet().retainAll(moving.keySet());

        List<PartitionProgress> partitions = new ArrayList<>();
        Map<String, List<PartitionProgress>> byTopic = new TreeMap<>();
        new TreeMap<>(moving).forEach((id, r) -> {
            PartitionProgress p = partition(id, r, leaders.getOrDefault(id, OptionalInt.empty()), sizes);
            partitions.add(p);
            byTopic.computeIfAbsent(id.topic(), t -> new ArrayList<>()).add(p);
        });
        Instant now = observation.at();
        TreeMap<String, TopicProgress> topics = new TreeMap<>();
        byTopic.forEach((topic, moved) -> topics.put(topic, moving(topic, moved)));
        finishBatches(byTopic, now);
        batches.forEach((topic, b) -> {
            if (b.finishedAt != null) {
                long target = b.finished.values().stream().mapToLong(Long::longValue).sum();
                topics.put(topic, new TopicProgress(b.finished.size(), 0, 0, 0, target, target, true,
                        OptionalDouble.empty(), OptionalDouble.of(0)));
            }
        });
        last = new ReassignmentSnapshot(partitions, topics);
        return last;
    }

    private PartitionProgress partition(TopicPartitionId id, Reassignment r, OptionalInt leader, Sizes sizes) {
        OptionalLong leaderBytes = leader.isPresent() ? sizes.bytes(leader.getAsInt(), id) : OptionalLong.empty();
        OptionalLong target = OptionalLong.empty();
        OptionalLong copied = OptionalLong.empty();
        Optional<Instant> readAt = Optional.empty();
        if (leaderBytes.isPresent() && !r.adding().isEmpty()) {
            long of = leaderBytes.getAsLong();
            long sum = 0;
            boolean known = true;
            for (int broker : r.adding()) {
                if (!sizes.read(broker)) {
                    known = false;
                    break;
                }
                // A replica not created yet holds nothing; one past the leader (the leader rolled) counts as done.
                sum += Math.min(of, sizes.bytes(broker, id).orElse(0));
                Instant at = sizes.readAt(broker);
                readAt = readAt.isEmpty() || at.isAfter(readAt.get()) ? Optional.of(at) : readAt;
            }
            if (known) {
                target = OptionalLong.of(of * r.adding().size());
                copied = OptionalLong.of(sum);
            }
        }
        OptionalDouble rate = OptionalDouble.empty();
        if (copied.isPresent()) {
            rate = rate(id, readAt.get(), copied.getAsLong());
        }
        OptionalDouble remaining = OptionalDouble.empty();
        if (rate.isPresent() && rate.getAsDouble() > 0) {
            remaining = OptionalDouble.of((target.getAsLong() - copied.getAsLong()) / rate.getAsDouble());
        } else if (target.isPresent() && target.getAsLong() == copied.getAsLong()) {
            remaining = OptionalDouble.of(0);
        }
        return new PartitionProgress(id, r.adding(), r.removing(), target, copied, rate, remaining);
    }

    /** Copy rate from the samples of the last {@link #RATE_WINDOW}, this one added if it was read later. */
    private OptionalDouble rate(TopicPartitionId id, Instant at, long copied) {
        Deque<Sample> window = samples.computeIfAbsent(id, k -> new ArrayDeque<>());
        if (window.isEmpty() || at.isAfter(window.peekLast().at())) {
            window.addLast(new Sample(at, copied));
        }
        while (window.size() > 2 && window.peekFirst().at().isBefore(at.minus(RATE_WINDOW))) {
            window.removeFirst();
        }
        if (window.size() < 2) {
            return OptionalDouble.empty();
        }
        Sample first = window.peekFirst();
        Sample newest = window.peekLast();
        double seconds = Duration.between(first.at(), newest.at()).toMillis() / 1000.0;
        return OptionalDouble.of(Math.max(0, newest.copied() - first.copied()) / seconds);
    }

    /** The moving partitions of one topic, added to its batch (a new one if the last had finished). */
    private TopicProgress moving(String topic, List<PartitionProgress> moved) {
        Batch existing = batches.get(topic);
        Batch batch = existing == null || existing.finishedAt != null ? new Batch() : existing;
        batches.put(topic, batch);
        long target = 0;
        long copied = 0;
        boolean known = true;
        double rate = 0;
        boolean rateKnown = false;
        int adding = 0;
        int removing = 0;
        java.util.Set<TopicPartitionId> movingNow = new java.util.HashSet<>();
        for (PartitionProgress p : moved) {
            movingNow.add(p.id());
            batch.finished.remove(p.id()); // moving again
            adding += p.adding().size();
            removing += p.removing().size();
            if (p.targetBytes().isPresent()) {
                batch.lastTarget.put(p.id(), p.targetBytes().getAsLong());
                target += p.targetBytes().getAsLong();
                copied += p.copiedBytes().getAsLong();
            } else {
                batch.lastTarget.putIfAbsent(p.id(), 0L);
                known = false;
            }
            if (p.bytesPerSecond().isPresent()) {
                rate += p.bytesPerSecond().getAsDouble();
                rateKnown = true;
            }
        }
        // Partitions of the batch that moved before and no longer do have finished, at their last target.
        batch.lastTarget.entrySet().removeIf(e -> {
            if (movingNow.contains(e.getKey())) {
                return false;
            }
            batch.finished.put(e.getKey(), e.getValue());
            return true;
        });
        long done = batch.finished.values().stream().mapToLong(Long::longValue).sum();
        target += done;
        copied += done;
        OptionalDouble bytesPerSecond = rateKnown ? OptionalDouble.of(rate) : OptionalDouble.empty();
        OptionalDouble remaining = rateKnown && rate > 0 && known
                ? OptionalDouble.of(Math.max(0, target - copied) / rate) : OptionalDouble.empty();
        return new TopicProgress(moved.size() + batch.finished.size(), moved.size(), adding, removing, target, copied,
                known, bytesPerSecond, remaining);
    }

    /** Batches of topics with nothing moving any more finish now; those finished long enough ago go. */
    private void finishBatches(Map<String, List<PartitionProgress>> movingTopics, Instant now) {
        batches.entrySet().removeIf(e -> {
            Batch b = e.getValue();
            if (movingTopics.containsKey(e.getKey())) {
                return false;
            }
            if (b.finishedAt == null) {
                b.finished.putAll(b.lastTarget);
                b.lastTarget.clear();
                b.finishedAt = now;
            }
            return !now.isBefore(b.finishedAt.plus(FINISHED_KEPT));
        });
    }

    private static Map<TopicPartitionId, OptionalInt> leaders(List<TopicMetadata> topics,
                                                              Map<TopicPartitionId, Reassignment> moving) {
        Map<TopicPartitionId, OptionalInt> out = new HashMap<>();
        if (moving.isEmpty()) {
            return out;
        }
        for (TopicMetadata t : topics) {
            for (PartitionReplicas p : t.partitions()) {
                if (moving.containsKey(p.id())) {
                    out.put(p.id(), p.leader());
                }
            }
        }
        return out;
    }

    /** Watched replica sizes by broker, and when each broker's dirs were read. */
    private record Sizes(Map<Integer, Map<TopicPartitionId, Long>> bytes, Map<Integer, Instant> readAt) {

        static Sizes of(List<LogDirState> dirs) {
            Map<Integer, Map<TopicPartitionId, Long>> bytes = new HashMap<>();
            Map<Integer, Instant> readAt = new HashMap<>();
            for (LogDirState d : dirs) {
                Map<TopicPartitionId, Long> b = bytes.computeIfAbsent(d.broker(), k -> new HashMap<>());
                d.watched().forEach((id, n) -> b.merge(id, n, Long::sum));
                readAt.merge(d.broker(), d.readAt(), (x, y) -> x.isAfter(y) ? x : y);
            }
            return new Sizes(bytes, readAt);
        }

        boolean read(int broker) {
            return readAt.containsKey(broker);
        }

        Instant readAt(int broker) {
            return readAt.get(broker);
        }

        OptionalLong bytes(int broker, TopicPartitionId id) {
            Long n = bytes.getOrDefault(broker, Map.of()).get(id);
            return n == null ? OptionalLong.empty() : OptionalLong.of(n);
        }
    }
}
