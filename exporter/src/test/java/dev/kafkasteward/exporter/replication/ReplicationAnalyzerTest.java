package dev.kafkasteward.exporter.replication;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kafkasteward.exporter.observation.ClusterState;
import dev.kafkasteward.exporter.observation.Observation;
import dev.kafkasteward.exporter.observation.PartitionReplicas;
import dev.kafkasteward.exporter.observation.QuorumReplica;
import dev.kafkasteward.exporter.observation.QuorumState;
import dev.kafkasteward.exporter.observation.Reassignment;
import dev.kafkasteward.exporter.observation.TopicConfig;
import dev.kafkasteward.exporter.observation.TopicMetadata;
import dev.kafkasteward.exporter.observation.TopicPartitionId;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Replication health on a synthetic cluster: brokers 1, 2, 4 live, broker 3 down. */
class ReplicationAnalyzerTest {

    private static final Instant NOW = Instant.parse("2026-11-22T12:00:00Z");

    private static TopicConfig minIsr(int n) {
        return new TopicConfig(604_800_000L, -1, n, true, false, 1L << 30, 604_800_000L);
    }

    private static PartitionReplicas p(String topic, int partition, Integer leader, List<Integer> replicas,
                                       List<Integer> isr) {
        return new PartitionReplicas(new TopicPartitionId(topic, partition),
                leader == null ? OptionalInt.empty() : OptionalInt.of(leader), replicas, isr);
    }

    private final ReplicationSnapshot snapshot = new ReplicationAnalyzer().analyze(new Observation(NOW,
            List.of(
                    new TopicMetadata("orders", false, List.of(
                            p("orders", 0, 1, List.of(1, 2, 3), List.of(1, 2)),       // 3 lost: URP, at min ISR 2
                            p("orders", 1, 2, List.of(2, 4, 1), List.of(2, 4, 1)))), // healthy
                    new TopicMetadata("payments", false, List.of(
                            p("payments", 0, 1, List.of(1, 3, 2), List.of(1, 2)))),   // min.insync 3: under min
                    new TopicMetadata("audit", false, List.of(
                            p("audit", 0, null, List.of(3), List.of(3)))),            // RF 1 on broker 3: offline
                    new TopicMetadata("metrics", false, List.of(
                            p("metrics", 0, 1, List.of(1, 2), List.of(1, 2)))),       // RF 2, min.insync 3: fine
                    new TopicMetadata("moving", false, List.of(
                            p("moving", 0, 2, List.of(1, 2, 4), List.of(1, 2)))),     // adding 4, led by 2
                    new TopicMetadata("unknown-config", false, List.of(
                            p("unknown-config", 0, 1, List.of(1, 2), List.of(1, 2))))),
            List.of(), Map.of(), Map.of(), Map.of(), Map.of(), Map.of(),
            ClusterState.of(Set.of(1, 2, 4),
                    new QuorumState(3000, 7, 120, List.of(new QuorumReplica(3000, 120, OptionalLong.of(50_000))),
                            List.of(new QuorumReplica(1, 118, OptionalLong.of(48_500)),
                                    new QuorumReplica(2, 120, OptionalLong.empty()))),
                    Map.of(new TopicPartitionId("moving", 0), new Reassignment(List.of(1, 2, 4), List.of(4),
                            List.of()))),
            Map.of("orders", minIsr(2), "payments", minIsr(3), "audit", minIsr(2), "metrics", minIsr(3),
                    "moving", minIsr(2)),
            List.of()));

    private PartitionHealth partition(String topic, int partition) {
        return snapshot.partitions().stream().filter(h -> h.id().equals(new TopicPartitionId(topic, partition)))
                .findFirst().orElseThrow(() -> new AssertionError(topic + "-" + partition + " reported healthy"));
    }

    @Test
    void underReplicatedPartitionNamesTheMissingBroker() {
        PartitionHealth orders0 = partition("orders", 0);
        assertTrue(orders0.underReplicated());
        assertEquals(List.of(3), orders0.missingFromIsr());
        assertTrue(orders0.atMinIsr(), "ISR 2 = min.insync.replicas 2: one more loss rejects acks=all");
        assertFalse(orders0.underMinIsr());
        assertEquals(new TopicHealth(1, 0, 1, 0, 0, 0, true, week(3, 2)), snapshot.topics().get("orders"));
        assertTrue(snapshot.partitions().stream().noneMatch(h -> h.id().equals(new TopicPartitionId("orders", 1))),
                "healthy partitions have no record");
    }

    @Test
    void underMinIsrUsesTheEffectiveMinimum() {
        assertTrue(partition("payments", 0).underMinIsr(), "ISR 2 < min.insync.replicas 3 = RF 3");
        // RF 2 with min.insync.replicas 3: the broker enforces min(3, 2) = 2, so ISR 2 is fine (Kafka's topic
        // tool reports it under min ISR forever). At the minimum by configuration: counted, no partition record.
        assertEquals(new TopicHealth(0, 0, 1, 0, 0, 0, true, week(2, 3)), snapshot.topics().get("metrics"));
        assertTrue(snapshot.partitions().stream().noneMatch(h -> h.id().topic().equals("metrics")));
    }

    @Test
    void partitionWithoutLeaderIsOffline() {
        PartitionHealth audit = partition("audit", 0);
        assertTrue(audit.offline());
        assertFalse(audit.underMinIsr(), "KRaft keeps the last ISR member; min(2, RF 1) = 1");
        assertEquals(1, snapshot.topics().get("audit").offline());
    }

    @Test
    void reassignmentIsToldApartFromLostReplicas() {
        PartitionHealth moving = partition("moving", 0);
        assertTrue(moving.reassigning());
        assertFalse(moving.underReplicated(), "broker 4 is being added: not a lost replica");
        assertEquals(List.of(), moving.missingFromIsr());
        assertTrue(moving.nonPreferredLeader(), "led by 2, preferred is 1");
        assertEquals(new TopicHealth(0, 0, 1, 0, 1, 1, true, week(2, 2)), snapshot.topics().get("moving"),
                "replication factor 2: the replica being added does not count until the reassignment completes");
    }

    /** The durability facts of a topic with the test's one-week delete retention. */
    private static Optional<TopicHealth.Durability> week(int replicationFactor, int minInsyncReplicas) {
        return Optional.of(new TopicHealth.Durability(replicationFactor, minInsyncReplicas, false, 604_800));
    }

    @Test
    void durabilityFactsFollowTheEffectiveConfig() {
        TopicMetadata topic = new TopicMetadata("t", false, List.of(p("t", 0, 1, List.of(1), List.of(1)),
                p("t", 1, 1, List.of(1, 2), List.of(1, 2))));
        Map<String, String> unsafe = Map.of("unclean.leader.election.enable", "true", "cleanup.policy", "compact",
                "min.insync.replicas", "1");
        ReplicationSnapshot s = new ReplicationAnalyzer().analyze(new Observation(NOW, List.of(topic), List.of(),
                Map.of(), Map.of(), Map.of(), Map.of(), Map.of(), ClusterState.UNKNOWN,
                Map.of("t", TopicConfig.resolve(unsafe)), List.of()));
        assertEquals(Optional.of(new TopicHealth.Durability(1, 1, true, Double.POSITIVE_INFINITY)),
                s.topics().get("t").durability(), "fewest replicas of any partition; compact-only keeps records forever");
        ReplicationSnapshot unknown = new ReplicationAnalyzer().analyze(new Observation(NOW, List.of(topic),
                List.of(), Map.of(), Map.of(), Map.of(), Map.of(), Map.of(), ClusterState.UNKNOWN, Map.of(), List.of()));
        assertEquals(Optional.empty(), unknown.topics().get("t").durability(), "no facts while the config is unknown");
    }

    @Test
    void unknownConfigLeavesMinIsrUnjudged() {
        assertFalse(snapshot.topics().get("unknown-config").minIsrKnown());
    }

    @Test
    void perBrokerCounts() {
        assertEquals(new BrokerHealth(6, 4, 0, 4), snapshot.brokers().get(1));
        assertEquals(new BrokerHealth(3, 0, 2, 1), snapshot.brokers().get(3), "broker 3: in orders-0 and payments-0"
                + " replica sets but not their ISR; audit-0 keeps it in ISR");
        assertEquals(new BrokerHealth(2, 0, 0, 0), snapshot.brokers().get(4), "adding replica counted, not missing");
        assertEquals(Optional.of(new java.util.TreeSet<>(Set.of(1, 2, 4))), snapshot.liveBrokers());
    }

    /**
     * Stopping broker 1 or 2 takes orders-0 (ISR 2 = min 2), payments-0 (already under min 3), metrics-0 (ISR 2 =
     * effective min 2) and moving-0 (adding 4 not counted: RF 2, ISR 2) below the minimum; orders-1 keeps two
     * of three and unknown-config-0 keeps one of min 1. Broker 3 alone holds audit-0's ISR; broker 4 nothing.
     */
    @Test
    void partitionsAtRiskIfStoppedCountEveryIsrMemberWhoseLossBreaksTheMinimum() {
        assertEquals(4, snapshot.brokers().get(1).atRiskIfStopped());
        assertEquals(4, snapshot.brokers().get(2).atRiskIfStopped());
        assertEquals(1, snapshot.brokers().get(3).atRiskIfStopped());
        assertEquals(0, snapshot.brokers().get(4).atRiskIfStopped());
    }

    @Test
    void onlyABrokerWithoutReplicasOrLeadershipIsSafeToRemove() {
        ReplicationSnapshot drained = new ReplicationAnalyzer().analyze(new Observation(NOW,
                List.of(new TopicMetadata("orders", false, List.of(p("orders", 0, 1, List.of(1, 2), List.of(1, 2))))),
                List.of(), Map.of(), Map.of(), Map.of(), Map.of(), Map.of(),
                ClusterState.of(Set.of(1, 2, 5), new QuorumState(3000, 1, 1, List.of(), List.of()), Map.of()),
                Map.of("orders", minIsr(1)), List.of()));
        assertTrue(drained.brokers().get(5).safeToRemove(), "live, no replica, no leadership");
        assertFalse(drained.brokers().get(2).safeToRemove(), "a follower still holds a replica");
        assertFalse(drained.brokers().get(1).safeToRemove());
        assertEquals(0, drained.brokers().get(2).atRiskIfStopped(), "ISR 2, min 1: either may stop");
    }

    @Test
    void quorumLeaderAndLag() {
        QuorumHealth q = snapshot.quorum().orElseThrow();
        assertEquals(3000, q.leaderId());
        assertEquals(1, q.voters());
        assertEquals(List.of(
                new QuorumHealth.ReplicaLag(3000, QuorumHealth.Role.VOTER, 0, OptionalDouble.of(0)),
                new QuorumHealth.ReplicaLag(1, QuorumHealth.Role.OBSERVER, 2, OptionalDouble.of(1.5)),
                new QuorumHealth.ReplicaLag(2, QuorumHealth.Role.OBSERVER, 0, OptionalDouble.empty())), q.replicas());
    }
}
