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

/** A real KRaft cluster in this JVM: three brokers and one controller. */
final class EmbeddedCluster implements AutoCloseable {

    private final KafkaClusterTestKit kit;
    private final Path dataDir;

    private EmbeddedCluster(KafkaClusterTestKit kit, Path dataDir) {
        this.kit = kit;
        this.dataDir = dataDir;
    }

    static EmbeddedCluster start(int brokers) throws Exception {
        // Our own data folder: the test kit's default temp folders are deleted by a JVM shutdown
        // hook that races with an orderly close on Ctrl-C.
        Path dataDir = Files.createTempDirectory("kafka-steward-demo-");
        KafkaClusterTestKit kit = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder()
                .setBaseDirectory(dataDir)
                .setNumBrokerNodes(brokers).setNumControllerNodes(1).build()).build();
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

    String bootstrapServers() {
        return kit.bootstrapServers();
    }

    void createTopics(Collection<String> names, int partitions) throws Exception {
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
