package dev.kafkasteward.exporter.testing;

import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;

/** A real in-process KRaft cluster: three brokers, one controller. */
public final class TestCluster implements AutoCloseable {

    private final KafkaClusterTestKit kit;
    private boolean closed;

    private TestCluster(KafkaClusterTestKit kit) {
        this.kit = kit;
    }

    public static TestCluster start(int brokers) throws Exception {
        return start(brokers, Map.of());
    }

    /** With extra broker configuration, e.g. server-side assignors or cleaner settings. */
    public static TestCluster start(int brokers, Map<String, Object> brokerConfig) throws Exception {
        return start(brokers, brokerConfig, Map.of());
    }

    /** With configuration per broker id on top, e.g. extra listeners (see {@link dev.kafkasteward.contract.testing.GatedListeners}). */
    public static TestCluster start(int brokers, Map<String, Object> brokerConfig,
                                    Map<Integer, Map<String, String>> perBroker) throws Exception {
        KafkaClusterTestKit.Builder builder = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder()
                .setPerServerProperties(perBroker).setNumBrokerNodes(brokers).setNumControllerNodes(1).build());
        brokerConfig.forEach(builder::setConfigProp);
        return new TestCluster(startKit(builder));
    }

    /** Builds, formats and starts a test-kit cluster, closing it again if it does not come up. */
    static KafkaClusterTestKit startKit(KafkaClusterTestKit.Builder builder) throws Exception {
        KafkaClusterTestKit kit = builder.build();
        try {
            kit.format();
            kit.startup();
            kit.waitForReadyBrokers();
        } catch (Exception e) {
            kit.close();
            throw e;
        }
        return kit;
    }

    public String bootstrapServers() {
        return kit.bootstrapServers();
    }

    public Admin admin() {
        return Admin.create(Map.of("bootstrap.servers", bootstrapServers()));
    }

    public KafkaProducer<String, String> producer() {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.LINGER_MS_CONFIG, "0");
        return new KafkaProducer<>(p, new StringSerializer(), new StringSerializer());
    }

    public Properties clientProperties() {
        Properties p = new Properties();
        p.put("bootstrap.servers", bootstrapServers());
        return p;
    }

    /**
     * Commits {@code offset} on partitions 0..{@code partitions}-1 of {@code topic} for {@code group},
     * which exists from then on (empty, without members).
     */
    public static void commit(Admin admin, String group, String topic, int partitions, long offset)
            throws ExecutionException, InterruptedException, TimeoutException {
        Map<TopicPartition, OffsetAndMetadata> commits = new HashMap<>();
        for (int p = 0; p < partitions; p++) {
            commits.put(new TopicPartition(topic, p), new OffsetAndMetadata(offset));
        }
        admin.alterConsumerGroupOffsets(group, commits).all().get(30, TimeUnit.SECONDS);
    }

    public KafkaClusterTestKit kit() {
        return kit;
    }

    /** Idempotent: tests stop the cluster on purpose and clean up after themselves too. */
    @Override
    public synchronized void close() throws Exception {
        if (!closed) {
            closed = true;
            kit.close();
        }
    }
}
