package dev.kafkasteward.exporter.collect;

import dev.kafkasteward.exporter.observation.DeadLetterObservation;
import dev.kafkasteward.exporter.observation.LogOffsets;
import dev.kafkasteward.exporter.observation.TopicPartitionId;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetOutOfRangeException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Reads the failure headers of dead-letter records written since the exporter started, with a
 * consumer that never joins a group or commits: positions live in memory. Partitions known at the
 * first read start at their log-end (older records are counted by offsets, not re-read); partitions
 * that appear later start at their log-start, since all their records are new. Reads are bounded
 * per call; the rest waits for the next cycle.
 *
 * <p>It reads committed records only ({@code read_committed}): a dead letter whose transaction was
 * aborted was never delivered to anyone, so it is no failure to count. The offsets it steps over
 * without a record (aborted records, transaction markers, compacted gaps) are reported as skipped,
 * so that written minus skipped is what really arrived.
 */
public final class DeadLetterRecordReader implements AutoCloseable {

    private static final int MAX_HEADER_CHARS = 200;

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final Map<TopicPartitionId, Long> positions = new HashMap<>();
    private boolean initialized;

    public DeadLetterRecordReader(Properties clientProperties) {
        Properties props = new Properties();
        props.putAll(clientProperties);
        props.remove(ConsumerConfig.GROUP_ID_CONFIG);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        // Positions are always set; "none" makes a position retention deleted an error the reader sees.
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "none");
        props.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "false");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, props.getProperty("client.id", "kafka-steward") + "-dead-letters");
        this.consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    /**
     * Records read, what remains unread, and the offsets stepped over without a record this read,
     * per partition; {@code failure}: what stopped the read early, if anything (what was read before
     * it counts all the same, since the positions moved past it).
     */
    public record Result(Map<TopicPartitionId, List<DeadLetterObservation.NewRecord>> records,
                         Map<TopicPartitionId, Long> unread, Map<TopicPartitionId, Long> skipped,
                         Optional<RuntimeException> failure) {

        public static final Result NONE = new Result(Map.of(), Map.of(), Map.of(), Optional.empty());
    }

    /** Polls in a row in which no position moved before a read gives up until the next cycle. */
    private static final int STALLED_POLLS = 10;

    /**
     * Reads new records up to the given log-end offsets.
     *
     * @param offsets  current offsets of every dead-letter partition that could be read
     * @param complete whether {@code offsets} covers every dead-letter partition (positions of
     *                 partitions missing from a complete map are forgotten)
     * @param headers  header names to keep, per topic
     */
    public Result read(Map<TopicPartitionId, LogOffsets> offsets, boolean complete, Map<String, Set<String>> headers,
                       int budget, Duration timeLimit) {
        Map<TopicPartition, Long> ends = new HashMap<>();
        offsets.forEach((id, log) -> {
            long pos = positions.getOrDefault(id, initialized ? log.start() : log.end());
            pos = Math.min(Math.max(pos, log.start()), log.end()); // retention passed us, or the topic was recreated
            positions.put(id, pos);
            if (pos < log.end()) {
                ends.put(Partitions.kafka(id), log.end());
            }
        });
        if (complete) {
            positions.keySet().retainAll(new HashSet<>(offsets.keySet()));
            initialized = true;
        }
        Map<TopicPartitionId, Long> before = new HashMap<>(positions);
        Map<TopicPartitionId, List<DeadLetterObservation.NewRecord>> out = new HashMap<>();
        Optional<RuntimeException> failure = Optional.empty();
        if (!ends.isEmpty() && budget > 0) {
            try {
                fetch(ends, headers, budget, timeLimit, out, before);
            } catch (RuntimeException e) {
                failure = Optional.of(e);
            }
        }
        Map<TopicPartitionId, Long> unread = new HashMap<>();
        Map<TopicPartitionId, Long> skipped = new HashMap<>();
        offsets.forEach((id, log) -> {
            unread.put(id, Math.max(0, log.end() - positions.get(id)));
            long stepped = positions.get(id) - before.get(id) - out.getOrDefault(id, List.of()).size();
            if (stepped > 0) {
                skipped.put(id, stepped);
            }
        });
        return new Result(out, unread, skipped, failure);
    }

    /**
     * @param before where each partition's read started; moved when retention deleted records under the
     *               reader (they were not skipped: they were never read)
     */
    private void fetch(Map<TopicPartition, Long> ends, Map<String, Set<String>> headers, int budget,
                       Duration timeLimit, Map<TopicPartitionId, List<DeadLetterObservation.NewRecord>> out,
                       Map<TopicPartitionId, Long> before) {
        Map<TopicPartition, Long> remaining = new HashMap<>(ends);
        consumer.assign(new ArrayList<>(remaining.keySet()));
        remaining.keySet().forEach(tp -> consumer.seek(tp, positions.get(Partitions.id(tp))));
        Instant deadline = Instant.now().plus(timeLimit);
        int left = budget;
        int stalled = 0;
        try {
            while (!remaining.isEmpty() && left > 0 && Instant.now().isBefore(deadline) && stalled < STALLED_POLLS) {
                Map<TopicPartitionId, Long> was = new HashMap<>(positions);
                ConsumerRecords<byte[], byte[]> batch;
                try {
                    batch = consumer.poll(Duration.ofMillis(100));
                } catch (OffsetOutOfRangeException e) {
                    // Retention deleted records at the reader's position since the log start was read.
                    for (TopicPartition tp : e.partitions()) {
                        consumer.seekToBeginning(List.of(tp));
                        long start = consumer.position(tp, Duration.ofSeconds(1));
                        positions.put(Partitions.id(tp), start);
                        before.put(Partitions.id(tp), start);
                    }
                    continue;
                }
                for (TopicPartition tp : batch.partitions()) {
                    Long end = remaining.get(tp);
                    if (end == null) {
                        continue;
                    }
                    TopicPartitionId id = Partitions.id(tp);
                    for (ConsumerRecord<byte[], byte[]> r : batch.records(tp)) {
                        if (r.offset() >= end || left == 0) {
                            break;
                        }
                        out.computeIfAbsent(id, k -> new ArrayList<>()).add(new DeadLetterObservation.NewRecord(
                                tp.partition(), r.offset(), wanted(r, headers.getOrDefault(tp.topic(), Set.of()))));
                        positions.put(id, r.offset() + 1);
                        left--;
                    }
                }
                if (left > 0) {
                    // Every fetched record was taken: the consumer's position also steps over
                    // transaction markers and compacted gaps, which no record reveals.
                    for (TopicPartition tp : remaining.keySet()) {
                        TopicPartitionId id = Partitions.id(tp);
                        try {
                            long fetched = consumer.position(tp, Duration.ofSeconds(1));
                            positions.put(id, Math.max(positions.get(id), Math.min(remaining.get(tp), fetched)));
                        } catch (org.apache.kafka.common.KafkaException e) {
                            // Not known now (a reset pending, a broker away): the next poll or cycle tells.
                        }
                    }
                }
                // Nothing moved: a partition waits behind an open transaction (read_committed stops at its
                // last stable offset) or its broker does not answer; the next cycle tries again.
                stalled = positions.equals(was) ? stalled + 1 : 0;
                List<TopicPartition> done = remaining.entrySet().stream()
                        .filter(e -> positions.get(Partitions.id(e.getKey())) >= e.getValue())
                        .map(Map.Entry::getKey).toList();
                done.forEach(remaining::remove);
                consumer.pause(done);
            }
        } finally {
            consumer.assign(List.of());
        }
    }

    private static Map<String, String> wanted(ConsumerRecord<byte[], byte[]> r, Set<String> names) {
        Map<String, String> out = new HashMap<>();
        for (Header h : r.headers()) {
            if (h.value() != null && names.contains(h.key())) {
                String v = new String(h.value(), StandardCharsets.UTF_8);
                out.put(h.key(), v.length() > MAX_HEADER_CHARS ? v.substring(0, MAX_HEADER_CHARS) : v);
            }
        }
        return out;
    }


    /** Requests this reader's consumer sent so far, so a cycle can report what it cost. */
    public long requestCount() {
        return RequestCounter.total(consumer.metrics());
    }

    @Override
    public void close() {
        consumer.close(Duration.ofSeconds(5));
    }
}
