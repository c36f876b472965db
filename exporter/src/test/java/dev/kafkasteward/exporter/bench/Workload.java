package dev.kafkasteward.exporter.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Fills a benchmark cluster: topics (RF 1), {@code records} records per partition with explicit
 * timestamps in the last half hour, and committed offsets for every group on its topics, chosen so
 * lag runs from 0 to {@code records} and every value occurs. Groups stay empty (no members), so
 * their offsets can be set with the Admin API and the lag is known exactly. Share groups get their
 * start offsets the same way (backlog = log end minus start offset, nothing in flight); streams
 * groups are created by real Kafka Streams applications that join, process and leave, and then get
 * their offsets set like the others.
 */
final class Workload {

    /** What the exporter must serve: lag per consumer and streams group partition, backlog per share-partition. */
    record Truth(Map<Key, Long> lag, Map<Key, Long> backlog) {
    }

    /** One lag series: a group's partition. */
    record Key(String group, String topic, int partition) implements Comparable<Key> {
        @Override
        public int compareTo(Key o) {
            int c = group.compareTo(o.group);
            c = c != 0 ? c : topic.compareTo(o.topic);
            return c != 0 ? c : Integer.compare(partition, o.partition);
        }
    }

    private final BenchScale scale;

    Workload(BenchScale scale) {
        this.scale = scale;
    }

    static String topic(int t) {
        return String.format("bench.topic-%04d", t);
    }

    static String group(int g) {
        return String.format("bench-group-%04d", g);
    }

    static String shareGroup(int g) {
        return String.format("bench-share-%04d", g);
    }

    static String streamsGroup(int g) {
        return String.format("bench-streams-%04d", g);
    }

    static boolean isStreamsGroup(String group) {
        return group.startsWith("bench-streams-");
    }

    /** Topic {@code j} of group {@code g}'s topics. */
    private int topicOf(int g, int j) {
        return (g * scale.topicsPerGroup() + j) % scale.topics();
    }

    /** The offset group {@code g} commits on a partition: spreads lags over 0..records. */
    private long committed(int g, int t, int p) {
        return (g + t + p) % (scale.records() + 1L);
    }

    /** Creates, produces and commits; returns the lag and backlog every partition must show. */
    Truth apply(String bootstrapServers) throws Exception {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(AdminClientConfig.CLIENT_ID_CONFIG, "bench-setup");
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "120000");
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "60000");
        try (Admin admin = Admin.create(props)) {
            createTopics(admin);
            produce(bootstrapServers);
            Map<Key, Long> lag = commit(admin);
            lag.putAll(new StreamsGroups(scale.streamsGroups(), bootstrapServers).create(admin, this::offsetsOf,
                    scale.records()));
            Map<Key, Long> backlog = startShareGroups(admin);
            return new Truth(lag, backlog);
        }
    }

    /** The offsets group {@code g} (of any kind) holds on its topics, and the lag or backlog each leaves. */
    private Map<TopicPartition, Long> offsetsOf(int g) {
        Map<TopicPartition, Long> offsets = new HashMap<>();
        for (int j = 0; j < scale.topicsPerGroup(); j++) {
            int t = topicOf(g, j);
            for (int p = 0; p < scale.partitions(); p++) {
                offsets.put(new TopicPartition(topic(t), p), committed(g, t, p));
            }
        }
        return offsets;
    }

    private Map<Key, Long> startShareGroups(Admin admin) throws Exception {
        Map<Key, Long> backlog = new HashMap<>();
        List<KafkaFuture<Void>> inFlight = new ArrayList<>();
        for (int g = 0; g < scale.shareGroups(); g++) {
            Map<TopicPartition, Long> offsets = offsetsOf(g);
            String group = shareGroup(g);
            offsets.forEach((tp, c) -> backlog.put(new Key(group, tp.topic(), tp.partition()), scale.records() - c));
            inFlight.add(admin.alterShareGroupOffsets(group, offsets).all());
            if (inFlight.size() == 50) {
                KafkaFuture.allOf(inFlight.toArray(KafkaFuture[]::new)).get(120, TimeUnit.SECONDS);
                inFlight.clear();
            }
        }
        KafkaFuture.allOf(inFlight.toArray(KafkaFuture[]::new)).get(120, TimeUnit.SECONDS);
        return backlog;
    }

    private void createTopics(Admin admin) throws Exception {
        List<NewTopic> batch = new ArrayList<>();
        for (int t = 0; t < scale.topics(); t++) {
            batch.add(new NewTopic(topic(t), scale.partitions(), (short) 1));
            // Batches keep each CreateTopics request (and the controller's record batch) moderate.
            if (batch.size() == 100 || t == scale.topics() - 1) {
                admin.createTopics(batch).all().get(120, TimeUnit.SECONDS);
                batch.clear();
            }
        }
    }

    private void produce(String bootstrapServers) throws Exception {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ProducerConfig.CLIENT_ID_CONFIG, "bench-setup-producer");
        p.put(ProducerConfig.ACKS_CONFIG, "1");
        p.put(ProducerConfig.LINGER_MS_CONFIG, "50");
        // A fresh topic's leaders may take a moment to be known to every broker.
        p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "300000");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "false");
        byte[] value = new byte[64];
        // Recent timestamps: records much older than log.roll.ms would roll a segment per batch.
        Instant base = Instant.now().minus(Duration.ofMinutes(30));
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(p, new ByteArraySerializer(),
                new ByteArraySerializer())) {
            List<java.util.concurrent.Future<?>> sent = new ArrayList<>();
            for (int i = 0; i < scale.records(); i++) {
                long ts = base.plus(Duration.ofMinutes(5L * i)).toEpochMilli();
                for (int t = 0; t < scale.topics(); t++) {
                    for (int part = 0; part < scale.partitions(); part++) {
                        sent.add(producer.send(new ProducerRecord<>(topic(t), part, ts, null, value)));
                    }
                }
            }
            producer.flush();
            for (java.util.concurrent.Future<?> f : sent) {
                f.get(); // surfaces a failed send instead of a silently wrong lag
            }
        }
    }

    private Map<Key, Long> commit(Admin admin) throws Exception {
        Map<Key, Long> lag = new HashMap<>();
        List<KafkaFuture<Void>> inFlight = new ArrayList<>();
        for (int g = 0; g < scale.groups(); g++) {
            Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
            String group = group(g);
            offsetsOf(g).forEach((tp, c) -> {
                offsets.put(tp, new OffsetAndMetadata(c));
                lag.put(new Key(group, tp.topic(), tp.partition()), scale.records() - c);
            });
            inFlight.add(admin.alterConsumerGroupOffsets(group, offsets).all());
            // Bounded concurrency: one coordinator round trip per group, a few dozen at a time.
            if (inFlight.size() == 50) {
                KafkaFuture.allOf(inFlight.toArray(KafkaFuture[]::new)).get(120, TimeUnit.SECONDS);
                inFlight.clear();
            }
        }
        KafkaFuture.allOf(inFlight.toArray(KafkaFuture[]::new)).get(120, TimeUnit.SECONDS);
        return lag;
    }
}
