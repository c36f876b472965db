package dev.kafkasteward.exporter.collect;

import dev.kafkasteward.exporter.observation.RecordPosition;
import dev.kafkasteward.exporter.observation.TopicPartitionId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Reads the timestamp of the first record at or after given offsets, with a consumer that never
 * joins a group or commits; one Fetch per leader serves many partitions. Compacted gaps and
 * transaction markers are skipped the way any consumer skips them: the next data record answers.
 * What to read (and what not to read again) is decided by the lag estimator, not here.
 */
public final class RecordTimestampReader {

    private final Properties props = new Properties();
    private long requestsOfClosed;

    public RecordTimestampReader(Properties clientProperties) {
        props.putAll(clientProperties);
        props.remove(ConsumerConfig.GROUP_ID_CONFIG);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        // One record per partition is all we need; small fetches keep a wide read cheap.
        props.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, "4096");
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "5000");
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, props.getProperty("client.id", "kafka-steward") + "-timestamps");
    }

    /**
     * Timestamps (epoch ms) for {@code positions}, keyed by the position asked for; positions not
     * answered within {@code timeLimit} are absent. In a partition asked about at several offsets,
     * the lowest is answered, and the others only if the same fetch reaches them.
     *
     * <p>Each read has its own consumer, closed at the end: a consumer keeps metrics for every
     * partition it was ever assigned until its next poll, so one kept between reads held on to
     * ~17 KB per partition of a cold-start read (80 MB at 4,800 partitions) until the next read,
     * which in a steady cluster never comes. Reads are rare after a cold start; a new consumer
     * costs a Metadata request and a connection per broker.
     */
    public Map<RecordPosition, Long> read(Collection<RecordPosition> positions, Duration timeLimit) {
        return readAll(positions, timeLimit).timestamps();
    }

    /** What a read answered, and the topics it was not allowed to read (their positions stay unanswered). */
    public record Read(Map<RecordPosition, Long> timestamps, Set<String> deniedTopics) {
    }

    /**
     * {@link #read}, saying which topics were denied: a topic without {@code Read} costs only its own
     * positions, not the whole read (the consumer throws for it on every poll until it is unassigned).
     */
    public Read readAll(Collection<RecordPosition> positions, Duration timeLimit) {
        Map<TopicPartition, List<Long>> wanted = new HashMap<>();
        for (RecordPosition p : positions) {
            wanted.computeIfAbsent(new TopicPartition(p.partition().topic(), p.partition().partition()),
                    k -> new ArrayList<>()).add(p.offset());
        }
        if (wanted.isEmpty()) {
            return new Read(Map.of(), Set.of());
        }
        wanted.values().forEach(list -> list.sort(Long::compare));
        KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(),
                new ByteArrayDeserializer());
        try {
            return read(consumer, wanted, timeLimit);
        } finally {
            requestsOfClosed += RequestCounter.total(consumer.metrics());
            consumer.close(Duration.ofSeconds(5));
        }
    }

    private static Read read(KafkaConsumer<byte[], byte[]> consumer, Map<TopicPartition, List<Long>> wanted,
                             Duration timeLimit) {
        Map<RecordPosition, Long> out = new HashMap<>();
        Set<String> denied = new TreeSet<>();
        consumer.assign(new ArrayList<>(wanted.keySet()));
        wanted.forEach((tp, offsets) -> consumer.seek(tp, offsets.get(0)));
        Instant deadline = Instant.now().plus(timeLimit);
        while (!wanted.isEmpty() && Instant.now().isBefore(deadline)) {
            ConsumerRecords<byte[], byte[]> records;
            try {
                records = consumer.poll(Duration.ofMillis(100));
            } catch (TopicAuthorizationException e) {
                denied.addAll(e.unauthorizedTopics());
                if (!wanted.keySet().removeIf(tp -> e.unauthorizedTopics().contains(tp.topic()))) {
                    break; // names no topic asked for: polling again would only throw again
                }
                consumer.assign(new ArrayList<>(wanted.keySet())); // positions of the others are kept
                continue;
            }
            List<TopicPartition> done = new ArrayList<>();
            for (TopicPartition tp : records.partitions()) {
                List<Long> offsets = wanted.get(tp);
                if (offsets == null) {
                    continue;
                }
                TopicPartitionId id = Partitions.id(tp);
                int before = offsets.size();
                for (ConsumerRecord<byte[], byte[]> r : records.records(tp)) {
                    while (!offsets.isEmpty() && r.offset() >= offsets.get(0)) {
                        out.put(new RecordPosition(id, offsets.remove(0)), r.timestamp());
                    }
                    if (offsets.isEmpty()) {
                        break;
                    }
                }
                // Positions far above the first are not scanned for: they wait for a later cycle.
                if (offsets.size() < before) {
                    done.add(tp);
                }
            }
            done.forEach(wanted::remove);
            consumer.pause(done);
        }
        return new Read(out, denied);
    }

    /** Requests this reader's consumers have sent. */
    public long requestCount() {
        return requestsOfClosed;
    }
}
