package dev.kafkasteward.exporter.collect;

import dev.kafkasteward.contract.ownership.DeadLetterTopic;
import dev.kafkasteward.exporter.deadletter.FailureHeaders;
import java.util.ArrayList;
import java.util.HashMap;
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
 * topic list, reads offsets with three batched ListOffsets (earliest, latest, max-timestamp — all in
 * flight together, one request per leader each), then the headers of new records, bounded.
 */
final class DeadLetterCollector {

    private final Admin admin;
    private final DeadLetterRecordReader reader;
    /** The dead-letter entries of the ownership.yml in use, read every cycle so that a reload takes effect. */
    private final Supplier<List<DeadLetterTopic>> declared;
    private final CollectorSettings settings;
    private final DeadLetterSettings bounds;

    DeadLetterCollector(Admin admin, DeadLetterRecordReader reader, Supplier<List<DeadLetterTopic>> declared,
                        CollectorSettings settings, DeadLetterSettings bounds) {
        this.admin = admin;
        this.reader = reader;
        this.declared = declared;
        this.settings = settings;
        this.bounds = bounds;
    }

    DeadLetterObservation collect(List<TopicMetadata> topics, CycleErrors errors) {
        Map<TopicMetadata, DeadLetterTopic> resolved = new LinkedHashMap<>();
        List<DeadLetterTopic> declared = this.declared.get();
        for (TopicMetadata t : topics) {
            if (!t.internal()) {
                declared.stream().filter(d -> d.selector().matches(t.name())).findFirst()
                        .ifPresent(d -> resolved.put(t, d));
            }
        }
        if (resolved.isEmpty()) {
            return DeadLetterObservation.EMPTY;
        }
        Map<TopicPartition, OffsetSpec> earliest = new HashMap<>();
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        Map<TopicPartition, OffsetSpec> newest = new HashMap<>();
        for (TopicMetadata t : resolved.keySet()) {
            for (PartitionReplicas p : t.partitions()) {
                TopicPartition tp = new TopicPartition(t.name(), p.id().partition());
                earliest.put(tp, OffsetSpec.earliest());
                latest.put(tp, OffsetSpec.latest());
                newest.put(tp, OffsetSpec.maxTimestamp());
            }
        }
        ListOffsetsResult starts = admin.listOffsets(earliest);
        ListOffsetsResult ends = admin.listOffsets(latest);
        ListOffsetsResult maxTimestamps = admin.listOffsets(newest);
        // The three calls are in flight together: one request timeout bounds the wait for all of them,
        // not one per partition and call (a hung leader would otherwise cost it many times over).
        Deadline deadline = Deadline.in(settings.requestTimeout());

        Map<TopicPartitionId, LogOffsets> offsets = new HashMap<>();
        Map<TopicPartitionId, Long> timestamps = new HashMap<>();
        for (TopicPartition tp : latest.keySet()) {
            TopicPartitionId id = new TopicPartitionId(tp.topic(), tp.partition());
            try {
                long start = starts.partitionResult(tp).get(deadline.remainingMs(), TimeUnit.MILLISECONDS).offset();
                long end = ends.partitionResult(tp).get(deadline.remainingMs(), TimeUnit.MILLISECONDS).offset();
                offsets.put(id, new LogOffsets(start, end));
            } catch (Exception e) {
                errors.record(Stage.DEAD_LETTER_OFFSETS, e);
            }
            try {
                long ts = maxTimestamps.partitionResult(tp).get(deadline.remainingMs(), TimeUnit.MILLISECONDS)
                        .timestamp();
                if (ts >= 0) { // -1: empty partition
                    timestamps.put(id, ts);
                }
            } catch (ExecutionException e) {
                // Brokers before 3.0 have no max-timestamp lookup: the series is just unavailable there.
                if (!(e.getCause() instanceof UnsupportedVersionException)) {
                    errors.record(Stage.DEAD_LETTER_OFFSETS, e);
                }
            } catch (Exception e) {
                errors.record(Stage.DEAD_LETTER_OFFSETS, e);
            }
        }

        Map<String, Set<String>> headers = new HashMap<>();
        resolved.forEach((t, d) -> headers.put(t.name(), FailureHeaders.names(d.reasonHeader())));
        DeadLetterRecordReader.Result read;
        try {
            read = reader.read(offsets, offsets.size() == latest.size(), headers, bounds.maxRecordsPerCycle(),
                    bounds.readTime());
        } catch (RuntimeException e) {
            errors.record(Stage.DEAD_LETTER_RECORDS, e);
            read = new DeadLetterRecordReader.Result(Map.of(), Map.of());
        }

        List<DeadLetterObservation.Topic> out = new ArrayList<>();
        for (Map.Entry<TopicMetadata, DeadLetterTopic> e : resolved.entrySet()) {
            TopicMetadata t = e.getKey();
            Map<Integer, LogOffsets> topicOffsets = new HashMap<>();
            Map<Integer, Long> topicTimestamps = new HashMap<>();
            List<DeadLetterObservation.NewRecord> records = new ArrayList<>();
            long unread = 0;
            for (PartitionReplicas p : t.partitions()) {
                TopicPartitionId id = p.id();
                Optional.ofNullable(offsets.get(id)).ifPresent(o -> topicOffsets.put(id.partition(), o));
                Optional.ofNullable(timestamps.get(id)).ifPresent(ts -> topicTimestamps.put(id.partition(), ts));
                records.addAll(read.records().getOrDefault(id, List.of()));
                unread += read.unread().getOrDefault(id, 0L);
            }
            out.add(new DeadLetterObservation.Topic(t.name(), e.getValue().reasonHeader(), e.getValue().sourceTopic(),
                    t.partitions().size(), topicOffsets, topicTimestamps, unread, records));
        }
        return new DeadLetterObservation(out);
    }
}
