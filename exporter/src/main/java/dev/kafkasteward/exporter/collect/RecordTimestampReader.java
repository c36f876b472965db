package dev.kafkasteward.exporter.collect;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Reads the timestamp of the first record at or after given offsets, with a consumer that never
 * joins a group or commits. Results are cached per partition and offset, so a stalled group costs
 * one read, not one per cycle. Compacted gaps and transaction markers are skipped the way any
 * consumer skips them: the next data record answers.
 */
public final class RecordTimestampReader implements AutoCloseable {

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final Map<TopicPartitionId, long[]> cache = new HashMap<>(); // partition -> {offset, timestamp}

    public RecordTimestampReader(Properties clientProperties) {
        Properties props = new Properties();
        props.putAll(clientProperties);
        props.remove(ConsumerConfig.GROUP_ID_CONFIG);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, "16384");
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, props.getProperty("client.id", "kafka-steward") + "-timestamps");
        this.consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    /**
     * Timestamps (epoch ms) for as many of {@code positions} as {@code budget} reads and
     * {@code timeLimit} allow; cached answers cost nothing and do not count against the budget.
     */
    public Map<RecordPosition, Long> read(Collection<RecordPosition> positions, int budget, Duration timeLimit) {
        Map<RecordPosition, Long> out = new HashMap<>();
        Map<TopicPartitionId, Long> toFetch = new HashMap<>();
        for (RecordPosition p : positions) {
            long[] cached = cache.get(p.partition());
            if (cached != null && cached[0] == p.offset()) {
                out.put(p, cached[1]);
            } else if (toFetch.size() < budget) {
                // Several groups may want different offsets of one partition; fetch the lowest now.
                toFetch.merge(p.partition(), p.offset(), Math::min);
            }
        }
        if (!toFetch.isEmpty()) {
            fetch(toFetch, timeLimit);
            for (RecordPosition p : positions) {
                long[] cached = cache.get(p.partition());
                if (cached != null && cached[0] == p.offset()) {
                    out.put(p, cached[1]);
                }
            }
        }
        return out;
    }

    private void fetch(Map<TopicPartitionId, Long> wanted, Duration timeLimit) {
        Map<TopicPartition, Long> remaining = new HashMap<>();
        wanted.forEach((id, offset) -> remaining.put(new TopicPartition(id.topic(), id.partition()), offset));
        consumer.assign(new ArrayList<>(remaining.keySet()));
        remaining.forEach(consumer::seek);
        Instant deadline = Instant.now().plus(timeLimit);
        try {
            while (!remaining.isEmpty() && Instant.now().isBefore(deadline)) {
                ConsumerRecords<byte[], byte[]> records = consumer.poll(Duration.ofMillis(100));
                List<TopicPartition> done = new ArrayList<>();
                for (TopicPartition tp : records.partitions()) {
                    Long offset = remaining.get(tp);
                    if (offset == null) {
                        continue;
                    }
                    for (ConsumerRecord<byte[], byte[]> r : records.records(tp)) {
                        if (r.offset() >= offset) {
                            cache.put(new TopicPartitionId(tp.topic(), tp.partition()),
                                    new long[] {offset, r.timestamp()});
                            done.add(tp);
                            break;
                        }
                    }
                }
                done.forEach(remaining::remove);
                consumer.pause(done);
            }
        } finally {
            consumer.assign(List.of());
        }
    }

    /** Forgets partitions no longer asked about, so the cache stays as small as the cluster. */
    public void retainOnly(Collection<TopicPartitionId> live) {
        cache.keySet().retainAll(new java.util.HashSet<>(live));
    }

    @Override
    public void close() {
        consumer.close(Duration.ofSeconds(5));
    }
}
