package dev.kafkasteward.exporter.change;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kafkasteward.exporter.observation.BrokerThrottle;
import dev.kafkasteward.exporter.observation.ClusterSettings;
import dev.kafkasteward.exporter.observation.ClusterState;
import dev.kafkasteward.exporter.observation.Observation;
import dev.kafkasteward.exporter.observation.PartitionReplicas;
import dev.kafkasteward.exporter.observation.QuorumState;
import dev.kafkasteward.exporter.observation.TopicConfig;
import dev.kafkasteward.exporter.observation.TopicMetadata;
import dev.kafkasteward.exporter.observation.TopicPartitionId;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ChangeAnalyzerTest {

    private static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");

    private static TopicMetadata topic(String name, int partitions) {
        List<PartitionReplicas> ps = new java.util.ArrayList<>();
        for (int i = 0; i < partitions; i++) {
            ps.add(new PartitionReplicas(new TopicPartitionId(name, i), OptionalInt.of(1), List.of(1, 2, 3),
                    List.of(1, 2, 3)));
        }
        return new TopicMetadata(name, false, ps);
    }

    private static Observation observation(ClusterSettings settings, Map<String, TopicConfig> configs) {
        return new Observation(NOW, List.of(topic("orders", 2), topic("payments", 4), topic("quiet", 1)), List.of(),
                Map.of(), Map.of(), Map.of(), Map.of(), Map.of(),
                ClusterState.of(Set.of(1, 2, 3), new QuorumState(1, 1, 1, List.of(), List.of()), Map.of())
                        .with(settings), configs, List.of());
    }

    @Test
    void throttlesAreReportedWhereSetAndCountedPerTopic() {
        ClusterSettings settings = ClusterSettings.of(Map.of("metadata.version", (short) 27),
                Map.of(1, BrokerThrottle.resolve(Map.of(BrokerThrottle.LEADER_RATE, "1048576",
                                BrokerThrottle.FOLLOWER_RATE, "1048576")),
                        2, BrokerThrottle.resolve(Map.of(BrokerThrottle.LEADER_RATE,
                                Long.toString(Long.MAX_VALUE))),
                        3, BrokerThrottle.NONE));
        Map<String, String> orders = Map.of(TopicConfig.LEADER_THROTTLED_REPLICAS, "0:1,0:2,1:2",
                TopicConfig.FOLLOWER_THROTTLED_REPLICAS, "0:4");
        Map<String, String> payments = Map.of(TopicConfig.LEADER_THROTTLED_REPLICAS, "*");
        ChangeSnapshot change = new ChangeAnalyzer().analyze(observation(settings, Map.of(
                "orders", TopicConfig.resolve(orders), "payments", TopicConfig.resolve(payments),
                "quiet", TopicConfig.resolve(Map.of(TopicConfig.LEADER_THROTTLED_REPLICAS, "")))));

        assertEquals(Set.of(1), change.brokerThrottles().keySet(), "Long.MAX_VALUE is Kafka's 'unthrottled'");
        assertEquals(OptionalLong.of(1_048_576), change.brokerThrottles().get(1).leaderBytesPerSecond());
        assertEquals(new TopicThrottle(3, 1), change.topicThrottles().get("orders"));
        assertEquals(new TopicThrottle(12, 0), change.topicThrottles().get("payments"), "* is all 4 x 3 replicas");
        assertFalse(change.topicThrottles().containsKey("quiet"));
        assertEquals((short) 27, change.features().orElseThrow().get("metadata.version"));
    }

    @Test
    void settingsNeverReadAreUnknownNotEmpty() {
        ChangeSnapshot change = new ChangeAnalyzer().analyze(observation(ClusterSettings.UNKNOWN, Map.of()));
        assertTrue(change.features().isEmpty());
        assertTrue(change.brokerThrottles().isEmpty());
    }
}
