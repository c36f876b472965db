package dev.kafkasteward.exporter.collect;

import dev.kafkasteward.exporter.observation.LogOffsets;
import dev.kafkasteward.exporter.observation.PartitionReplicas;
import dev.kafkasteward.exporter.observation.Stage;
import dev.kafkasteward.exporter.observation.TopicMetadata;
import dev.kafkasteward.exporter.observation.TopicPartitionId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.LongSupplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;

/**
 * Log-end offsets of the partitions a cycle needs (those groups committed to, dead-letter
 * partitions), every cycle, and their log-start offsets
 * when the caller says so ({@link ReadSchedule.Read#LOG_STARTS}: they move only when retention or
 * DeleteRecords removes records; a partition seen for the first time is read at once).
 *
 * <p>One {@code listOffsets} call per partition leader, all in flight together: the Admin client
 * sends one ListOffsets per leader either way, but keeps each call's partitions in immutable hash
 * maps whose linear probing degrades on {@link TopicPartition}'s hash, which clusters for numbered
 * topic names ({@code orders-0001}, ...). For 19,400 partitions of 970 such topics one call cost
 * ~52 M probes; split by leader over three brokers, 5.3 M (docs/benchmarks.md). Partitions without
 * a known leader share one more call, which the Admin client retries until one is elected.
 *
 * <p>Not thread-safe: one collector owns it.
 */
final class LogOffsetReader {

    private static final int NO_LEADER = -1;

    private final Admin admin;
    private final Map<TopicPartitionId, Long> logStarts = new HashMap<>();

    LogOffsetReader(Admin admin) {
        this.admin = admin;
    }

    /**
     * Offsets of {@code partitions}, asked of the leaders {@code topics} names; log starts of all of
     * them when {@code refreshStarts}, else of those not read yet. Each partition's answer is awaited
     * for at most {@code timeoutMs} (asked again per partition, so a cycle deadline can cut it short);
     * one that fails is counted, under the stage {@code failureStage} names for it, and left out.
     */
    Map<TopicPartitionId, LogOffsets> read(Set<TopicPartitionId> partitions, List<TopicMetadata> topics,
                                           boolean refreshStarts, LongSupplier timeoutMs,
                                           Function<TopicPartitionId, Stage> failureStage, CycleErrors errors) {
        if (topics.isEmpty()) {
            return Map.of(); // listing topics failed: keep the log starts known
        }
        // Forgotten with their partition, not when a cycle does not need them (a failed group read).
        Set<TopicPartitionId> existing = new HashSet<>();
        topics.forEach(t -> t.partitions().forEach(p -> existing.add(p.id())));
        logStarts.keySet().retainAll(existing);
        if (partitions.isEmpty()) {
            return Map.of();
        }
        List<Batch> batches = new ArrayList<>();
        byLeader(partitions, topics).forEach((leader, ids) -> batches.add(send(ids, refreshStarts)));
        Map<TopicPartitionId, LogOffsets> out = new HashMap<>();
        for (Batch b : batches) {
            for (TopicPartitionId id : b.ids()) {
                TopicPartition tp = Partitions.kafka(id);
                try {
                    if (b.startsAsked().containsKey(tp)) {
                        logStarts.put(id, b.starts().partitionResult(tp)
                                .get(timeoutMs.getAsLong(), TimeUnit.MILLISECONDS).offset());
                    }
                    long end = b.ends().partitionResult(tp).get(timeoutMs.getAsLong(), TimeUnit.MILLISECONDS).offset();
                    long start = Math.min(logStarts.getOrDefault(id, 0L), end);
                    out.put(id, new LogOffsets(start, end));
                } catch (Exception e) {
                    errors.record(failureStage.apply(id), e);
                }
            }
        }
        return out;
    }

    /** One leader's calls in flight: log ends always, log starts of {@code startsAsked} (none: no call, null). */
    private record Batch(List<TopicPartitionId> ids, ListOffsetsResult ends, ListOffsetsResult starts,
                         Map<TopicPartition, OffsetSpec> startsAsked) {
    }

    private Batch send(List<TopicPartitionId> ids, boolean refreshStarts) {
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        Map<TopicPartition, OffsetSpec> earliest = new HashMap<>();
        for (TopicPartitionId id : ids) {
            TopicPartition tp = Partitions.kafka(id);
            latest.put(tp, OffsetSpec.latest());
            if (refreshStarts || !logStarts.containsKey(id)) {
                earliest.put(tp, OffsetSpec.earliest());
            }
        }
        return new Batch(ids, admin.listOffsets(latest), earliest.isEmpty() ? null : admin.listOffsets(earliest),
                earliest);
    }

    /** {@code partitions} by the leader the metadata names ({@link #NO_LEADER} when none or unknown). */
    private static Map<Integer, List<TopicPartitionId>> byLeader(Set<TopicPartitionId> partitions,
                                                                 List<TopicMetadata> topics) {
        Map<TopicPartitionId, Integer> leaders = new HashMap<>();
        for (TopicMetadata t : topics) {
            for (PartitionReplicas p : t.partitions()) {
                leaders.put(p.id(), p.leader().orElse(NO_LEADER));
            }
        }
        Map<Integer, List<TopicPartitionId>> out = new TreeMap<>();
        for (TopicPartitionId id : partitions) {
            out.computeIfAbsent(leaders.getOrDefault(id, NO_LEADER), l -> new ArrayList<>()).add(id);
        }
        return out;
    }
}
