package dev.kafkasteward.exporter.collect;

import dev.kafkasteward.contract.ownership.DeadLetterTopic;
import dev.kafkasteward.exporter.observation.DeadLetterObservation;
import dev.kafkasteward.exporter.observation.FailureHeaders;
import dev.kafkasteward.exporter.observation.LogOffsets;
import dev.kafkasteward.exporter.observation.PartitionReplicas;
import dev.kafkasteward.exporter.observation.Stage;
import dev.kafkasteward.exporter.observation.TopicMetadata;
import dev.kafkasteward.exporter.observation.TopicPartitionId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.UnsupportedVersionException;

/**
 * The dead-letter part of a cycle: resolves the ownership's names and patterns against this cycle's
 * topic list ({@link #partitions}, which the lag reads take along: log ends every cycle, log starts
 * with the lag's, in the same ListOffsets per leader), then asks the newest record timestamp
 * (ListOffsets max-timestamp, one per leader) only of partitions whose log end moved since it was
 * last asked, and reads the headers of new records, bounded. A quiet dead-letter topic costs no
 * request of its own.
 *
 * <p>Not thread-safe: one collector owns it.
 */
final class DeadLetterCollector {

    private final Admin admin;
    private final DeadLetterRecordReader reader;
    /** The dead-letter entries of the ownership.yml in use, read every cycle so that a reload takes effect. */
    private final Supplier<List<DeadLetterTopic>> declared;
    private final CollectorSettings settings;
    private final DeadLetterSettings bounds;
    /** The newest record timestamp of each partition (absent: empty), and the log it was asked of. */
    private final Map<TopicPartitionId, Newest> newest = new HashMap<>();
    /** This cycle's resolution, made by {@link #partitions} for the lag's reads and used by {@link #collect}. */
    private Map<TopicMetadata, DeadLetterTopic> resolved = Map.of();
    private Set<TopicPartitionId> resolvedPartitions = Set.of();

    private record Newest(LogOffsets askedAt, Optional<Long> timestamp) {
    }

    DeadLetterCollector(Admin admin, DeadLetterRecordReader reader, Supplier<List<DeadLetterTopic>> declared,
                        CollectorSettings settings, DeadLetterSettings bounds) {
        this.admin = admin;
        this.reader = reader;
        this.declared = declared;
        this.settings = settings;
        this.bounds = bounds;
    }

    /**
     * First step of a cycle's dead letters: resolves the ownership's dead-letter topics among the
     * cycle's {@code topics} and returns their partitions, whose log offsets the cycle reads with the
     * lag's. {@link #collect} goes on with this resolution, so that an ownership reloaded in between
     * cannot leave a topic without offsets.
     */
    Set<TopicPartitionId> partitions(List<TopicMetadata> topics) {
        resolved = resolve(topics);
        Set<TopicPartitionId> out = new HashSet<>();
        resolved.keySet().forEach(t -> t.partitions().forEach(p -> out.add(p.id())));
        resolvedPartitions = Set.copyOf(out);
        return resolvedPartitions;
    }

    private Map<TopicMetadata, DeadLetterTopic> resolve(List<TopicMetadata> topics) {
        Map<TopicMetadata, DeadLetterTopic> resolved = new LinkedHashMap<>();
        List<DeadLetterTopic> declared = this.declared.get();
        for (TopicMetadata t : topics) {
            if (!t.internal()) {
                declared.stream().filter(d -> d.selector().matches(t.name())).findFirst()
                        .ifPresent(d -> resolved.put(t, d));
            }
        }
        return resolved;
    }

    /**
     * Second step: the dead letters of the topics {@link #partitions} resolved, from the cycle's
     * {@code logOffsets} (a partition whose offsets could not be read was counted there, and is left
     * out here).
     */
    DeadLetterObservation collect(Map<TopicPartitionId, LogOffsets> logOffsets, CycleErrors errors) {
        Set<TopicPartitionId> all = resolvedPartitions;
        newest.keySet().retainAll(all);
        if (resolved.isEmpty()) {
            return DeadLetterObservation.EMPTY;
        }
        Map<TopicPartitionId, LogOffsets> offsets = new HashMap<>();
        for (TopicPartitionId id : all) {
            Optional.ofNullable(logOffsets.get(id)).ifPresent(o -> offsets.put(id, o));
        }
        Map<TopicPartitionId, Long> timestamps = newestTimestamps(offsets, errors);

        Map<String, Set<String>> headers = new HashMap<>();
        resolved.forEach((t, d) -> headers.put(t.name(), FailureHeaders.names(d.reasonHeader())));
        DeadLetterRecordReader.Result read;
        try {
            read = reader.read(offsets, offsets.size() == all.size(), headers, bounds.maxRecordsPerCycle(),
                    bounds.readTime());
            read.failure().ifPresent(e -> errors.record(Stage.DEAD_LETTER_RECORDS, e));
        } catch (RuntimeException e) {
            errors.record(Stage.DEAD_LETTER_RECORDS, e);
            read = DeadLetterRecordReader.Result.NONE;
        }

        List<DeadLetterObservation.Topic> out = new ArrayList<>();
        for (Map.Entry<TopicMetadata, DeadLetterTopic> e : resolved.entrySet()) {
            TopicMetadata t = e.getKey();
            Map<Integer, LogOffsets> topicOffsets = new HashMap<>();
            Map<Integer, Long> topicTimestamps = new HashMap<>();
            List<DeadLetterObservation.NewRecord> records = new ArrayList<>();
            long unread = 0;
            long skipped = 0;
            for (PartitionReplicas p : t.partitions()) {
                TopicPartitionId id = p.id();
                Optional.ofNullable(offsets.get(id)).ifPresent(o -> topicOffsets.put(id.partition(), o));
                Optional.ofNullable(timestamps.get(id)).ifPresent(ts -> topicTimestamps.put(id.partition(), ts));
                records.addAll(read.records().getOrDefault(id, List.of()));
                unread += read.unread().getOrDefault(id, 0L);
                skipped += read.skipped().getOrDefault(id, 0L);
            }
            out.add(new DeadLetterObservation.Topic(t.name(), e.getValue().reasonHeader(), e.getValue().sourceTopic(),
                    t.partitions().size(), topicOffsets, topicTimestamps, unread, skipped, records));
        }
        return new DeadLetterObservation(out);
    }

    /**
     * The newest record timestamp of each partition in {@code offsets} that holds records: asked again
     * only where its log moved since the last answer (a new dead letter; a log start read again after
     * retention) or there was none. A partition that holds no records has none. A failed ask keeps the
     * last answer and is asked again.
     */
    private Map<TopicPartitionId, Long> newestTimestamps(Map<TopicPartitionId, LogOffsets> offsets,
                                                         CycleErrors errors) {
        Map<TopicPartition, OffsetSpec> ask = new HashMap<>();
        offsets.forEach((id, o) -> {
            Newest last = newest.get(id);
            if (o.end() > o.start() && (last == null || !last.askedAt().equals(o))) {
                ask.put(Partitions.kafka(id), OffsetSpec.maxTimestamp());
            }
        });
        if (!ask.isEmpty()) {
            ListOffsetsResult result = admin.listOffsets(ask);
            Deadline deadline = Deadline.in(settings.requestTimeout());
            for (TopicPartition tp : ask.keySet()) {
                TopicPartitionId id = Partitions.id(tp);
                try {
                    long ts = result.partitionResult(tp).get(deadline.remainingMs(), TimeUnit.MILLISECONDS).timestamp();
                    // -1: emptied since its log end was read
                    newest.put(id, new Newest(offsets.get(id), ts >= 0 ? Optional.of(ts) : Optional.empty()));
                } catch (ExecutionException e) {
                    // Brokers before 3.0 have no max-timestamp lookup: the series is just unavailable there.
                    if (e.getCause() instanceof UnsupportedVersionException) {
                        newest.put(id, new Newest(offsets.get(id), Optional.empty()));
                    } else {
                        errors.record(Stage.DEAD_LETTER_OFFSETS, e);
                    }
                } catch (Exception e) {
                    errors.record(Stage.DEAD_LETTER_OFFSETS, e);
                }
            }
        }
        Map<TopicPartitionId, Long> out = new HashMap<>();
        offsets.forEach((id, o) -> {
            Newest n = newest.get(id);
            if (o.end() > o.start() && n != null) {
                n.timestamp().ifPresent(ts -> out.put(id, ts));
            }
        });
        return out;
    }
}
