package dev.kafkasteward.exporter.collect;

import dev.kafkasteward.exporter.observation.PartitionReplicas;
import dev.kafkasteward.exporter.observation.TopicMetadata;
import dev.kafkasteward.exporter.observation.TopicPartitionId;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Properties;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.internals.Topic;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Leaders, replicas and ISRs of every topic from one Metadata request. The Admin client's
 * {@code describeTopics} pages through DescribeTopicPartitions (2,000 partitions a response by
 * default), so its cost grows with partitions; a consumer's {@code listTopics} asks once.
 */
public final class MetadataReader implements AutoCloseable {

    private final KafkaConsumer<byte[], byte[]> consumer;

    public MetadataReader(Properties clientProperties) {
        Properties props = new Properties();
        props.putAll(clientProperties);
        props.remove(ConsumerConfig.GROUP_ID_CONFIG);
        props.put(ConsumerConfig.EXCLUDE_INTERNAL_TOPICS_CONFIG, "false");
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, props.getProperty("client.id", "kafka-steward") + "-metadata");
        this.consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    /** Every topic {@code filter} accepts, sorted by name. Throws when the request fails or times out. */
    public List<TopicMetadata> topics(Predicate<String> filter, Duration timeout) {
        Map<String, List<PartitionInfo>> all = new TreeMap<>(consumer.listTopics(timeout));
        List<TopicMetadata> out = new ArrayList<>();
        all.forEach((name, partitions) -> {
            if (!filter.test(name)) {
                return;
            }
            List<PartitionReplicas> replicas = partitions.stream()
                    .sorted(Comparator.comparingInt(PartitionInfo::partition))
                    .map(p -> new PartitionReplicas(new TopicPartitionId(name, p.partition()), leaderOf(p),
                            ids(p.replicas()), ids(p.inSyncReplicas())))
                    .toList();
            out.add(new TopicMetadata(name, Topic.isInternal(name), replicas));
        });
        return out;
    }

    /** Requests this reader has sent since it was created. */
    public long requestCount() {
        return RequestCounter.total(consumer.metrics());
    }

    private static OptionalInt leaderOf(PartitionInfo p) {
        Node leader = p.leader();
        return leader == null || leader.isEmpty() || leader.id() < 0 ? OptionalInt.empty() : OptionalInt.of(leader.id());
    }

    private static List<Integer> ids(Node[] nodes) {
        List<Integer> ids = new ArrayList<>(nodes == null ? 0 : nodes.length);
        if (nodes != null) {
            for (Node n : nodes) {
                ids.add(n.id());
            }
        }
        return ids;
    }

    @Override
    public void close() {
        consumer.close(Duration.ofSeconds(5));
    }
}
