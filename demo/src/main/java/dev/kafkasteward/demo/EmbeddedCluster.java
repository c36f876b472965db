package dev.kafkasteward.demo;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;

/**
 * A real KRaft cluster in this JVM: three brokers and one controller. Brokers can be stopped and
 * restarted one at a time, for drills that take a broker away.
 */
public final class EmbeddedCluster implements AutoCloseable {

    private final KafkaClusterTestKit kit;
    private final Path dataDir;

    private EmbeddedCluster(KafkaClusterTestKit kit, Path dataDir) {
        this.kit = kit;
        this.dataDir = dataDir;
    }

    public static EmbeddedCluster start(int brokers) throws Exception {
        return start(brokers, Map.of());
    }

    /**
     * A cluster whose brokers get extra configuration, by broker id (0, 1, ...): for example a second
     * listener that only one client uses, so a test can cut that client off and nobody else.
     */
    public static EmbeddedCluster start(int brokers, Map<Integer, Map<String, String>> brokerConfig) throws Exception {
        return start(brokers, brokerConfig, Map.of());
    }

    /** The same, with {@code common} configuration for every node, controllers included. */
    public static EmbeddedCluster start(int brokers, Map<Integer, Map<String, String>> brokerConfig,
                                        Map<String, String> common) throws Exception {
        // Our own data folder: the test kit's default temp folders are deleted by a JVM shutdown
        // hook that races with an orderly close on Ctrl-C.
        Path dataDir = Files.createTempDirectory("kafka-steward-demo-");
        KafkaClusterTestKit.Builder builder = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder()
                .setBaseDirectory(dataDir)
                .setPerServerProperties(brokerConfig)
                .setNumBrokerNodes(brokers).setNumControllerNodes(1).build());
        common.forEach(builder::setConfigProp);
        KafkaClusterTestKit kit = builder.build();
        // The storage formatter prints to System.out; the demo's own output should not drown in it.
        java.io.PrintStream stdout = System.out;
        try {
            System.setOut(new java.io.PrintStream(java.io.OutputStream.nullOutputStream()));
            try {
                kit.format();
            } finally {
                System.setOut(stdout);
            }
            kit.startup();
            kit.waitForReadyBrokers();
        } catch (Exception e) {
            new EmbeddedCluster(kit, dataDir).close();
            throw e;
        }
        return new EmbeddedCluster(kit, dataDir);
    }

    public String bootstrapServers() {
        return kit.bootstrapServers();
    }

    /** Creates each topic with {@code partitions} partitions and three replicas; existing ones are kept. */
    public void createTopics(Collection<String> names, int partitions) throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrapServers()))) {
            for (String name : names) {
                try {
                    admin.createTopics(java.util.List.of(new NewTopic(name, partitions, (short) 3))).all().get();
                } catch (java.util.concurrent.ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw e;
                    }
                }
            }
        }
    }

    /** The broker ids, ascending. */
    public java.util.List<Integer> brokerIds() {
        return kit.brokers().keySet().stream().sorted().toList();
    }

    /** Stops one broker as a crash would leave it for its peers: gone, its replicas out of ISR. */
    public void stopBroker(int id) {
        broker(id).shutdown();
        broker(id).awaitShutdown();
    }

    /** Starts a stopped broker again on its old data; it catches up and rejoins the ISR by itself. */
    public void startBroker(int id) {
        broker(id).startup();
    }

    private kafka.server.BrokerServer broker(int id) {
        kafka.server.BrokerServer broker = kit.brokers().get(id);
        if (broker == null) {
            throw new IllegalArgumentException("no broker " + id + " (brokers: " + brokerIds() + ")");
        }
        return broker;
    }

    @Override
    public void close() throws Exception {
        try {
            kit.close();
        } finally {
            if (!Files.exists(dataDir)) {
                return; // the kit cleaned up after itself
            }
            try (Stream<Path> paths = Files.walk(dataDir)) {
                paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
