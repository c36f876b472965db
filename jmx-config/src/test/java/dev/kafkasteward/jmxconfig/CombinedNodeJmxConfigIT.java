package dev.kafkasteward.jmxconfig;

import dev.kafkasteward.contract.testing.ChildJvm;
import dev.kafkasteward.contract.testing.KafkaNode;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kafkasteward.contract.catalog.JmxMetrics;
import dev.kafkasteward.jmxconfig.ContractAssertions.Scraped;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.Uuid;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The demo's topology: one combined broker+controller ({@code process.roles=broker,controller}) with
 * {@code broker-detailed.yml}, the opt-in variant of {@code broker.yml}. Proves that a combined node exports
 * the broker and the controller catalog names from one config (broker.yml carries controller.yml's rules),
 * that every rule of the detailed variant matches, and that only its own rules add a partition label.
 */
class CombinedNodeJmxConfigIT {

    private static final String TOPIC = "steward-it-combined";

    private final AgentProbe probe = new AgentProbe();

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void brokerDetailedYmlOnACombinedNode() throws Exception {
        Path itRoot = Files.createDirectories(Path.of(System.getProperty("steward.it.dir", "target/it")));
        Path dir = Files.createTempDirectory(itRoot, "combined-");
        int port = ChildJvm.freePort();
        int controllerPort = ChildJvm.freePort();
        KafkaNode.format(dir, KafkaNode.properties(KafkaNode.Role.COMBINED, 1, port, controllerPort,
                dir.resolve("data")), Uuid.randomUuid().toString(), Duration.ofSeconds(40));
        AttachedAgent agent = AttachedAgent.of(JmxConfigs.BROKER_DETAILED, dir);
        try (KafkaNode node = KafkaNode.start(KafkaNode.Role.COMBINED, 1, port, dir, agent.jvmOptions())) {
            probe.awaitReady(node.jvm(), agent, Duration.ofSeconds(40));
            KafkaComponentsJmxConfigIT.awaitListener(node);
            try (Admin admin = Admin.create(ProbeTraffic.adminProps(node.bootstrapServers()))) {
                admin.createTopics(List.of(new NewTopic(TOPIC, 2, (short) 1))).all().get(20, TimeUnit.SECONDS);
            }
            ProbeTraffic.oneRecordInAndOut(node.bootstrapServers(), TOPIC);

            Set<String> expected = new TreeSet<>(ContractAssertions.catalogSampleNames(JmxConfigs.BROKER));
            expected.addAll(ContractAssertions.catalogSampleNames(JmxConfigs.CONTROLLER));
            expected.addAll(ConfigRules.exposedNames(JmxConfigs.BROKER_DETAILED));
            Scraped scraped = new Scraped("combined", JmxConfigs.BROKER_DETAILED, node.jvm(),
                    probe.scrapeUntilPresent(node.jvm(), agent, null, expected, Duration.ofSeconds(25)));
            List<Scraped> all = List.of(scraped);
            ContractAssertions.saveScrapes(itRoot, all);

            ContractAssertions.assertCatalogPresent(JmxConfigs.BROKER, all);
            ContractAssertions.assertCatalogPresent(JmxConfigs.CONTROLLER, all);
            ContractAssertions.assertEveryRuleMatched(JmxConfigs.BROKER_DETAILED, all, Set.of());
            ContractAssertions.assertHealthyAgents(all);
            List<String> partitionLabelled = scraped.scrape().samples().stream()
                    .filter(s -> s.labels().containsKey("partition")).map(Scrape.Sample::name).distinct().toList();
            assertTrue(List.of("kafka_log_log_size_bytes").equals(partitionLabelled),
                    "only the detailed log-size rule may label by partition, got " + partitionLabelled);
            assertTrue(scraped.scrape().samples().stream().anyMatch(s -> s.name().equals("kafka_log_log_size_bytes")
                    && TOPIC.equals(s.labels().get("topic")) && Double.parseDouble(s.value()) > 0),
                    "log size of " + TOPIC + " partition 0 should be > 0 after one record");
            assertTrue(scraped.scrape().sum(JmxMetrics.ACTIVE_CONTROLLER_COUNT.name()) == 1,
                    "the combined node is the active controller");
        }
    }
}
