package dev.kafkasteward.exporter.replication;

import dev.kafkasteward.exporter.observation.ClusterState;
import dev.kafkasteward.exporter.observation.CycleAnalyzer;
import dev.kafkasteward.exporter.observation.Observation;
import dev.kafkasteward.exporter.observation.PartitionReplicas;
import dev.kafkasteward.exporter.observation.QuorumReplica;
import dev.kafkasteward.exporter.observation.QuorumState;
import dev.kafkasteward.exporter.observation.Reassignment;
import dev.kafkasteward.exporter.observation.TopicConfig;
import dev.kafkasteward.exporter.observation.TopicMetadata;
import dev.kafkasteward.exporter.observation.TopicPartitionId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeMap;

/**
 * Replication health from topic metadata, topic configs, reassignments and the quorum. The minimum
 * ISR is the effective one the broker enforces, min(min.insync.replicas, replication factor), and
 * the replication factor excludes replicas a reassignment is still adding, so the under-replication
 * a reassignment causes on purpose is not reported as lost replicas.
 */
public final class ReplicationAnalyzer implements CycleAnalyzer<ReplicationSnapshot> {

    @Override
    public ReplicationSnapshot analyze(Observation observation) {
        ClusterState cluster = observation.cluster();
        Map<TopicPartitionId, Reassignment> reassignments = cluster.reassignments().orElse(Map.of());
        TreeMap<String, TopicHealth> topics = new TreeMap<>();
        List<PartitionHealth> unhealthy = new ArrayList<>();
        TreeMap<Integer, int[]> brokers = new TreeMap<>(); // id -> {replicas, leaders, missingFromIsr, atRisk}
        cluster.brokers().ifPresent(live -> live.forEach(id -> brokers.put(id, new int[4])));

        for (TopicMetadata topic : observation.topics()) {
            Optional<TopicConfig> config = Optional.ofNullable(observation.topicConfigs().get(topic.name()));
            int[] counts = new int[6];
            int fewestReplicas = Integer.MAX_VALUE;
            for (PartitionReplicas p : topic.partitions()) {
                Optional<Reassignment> moving = Optional.ofNullable(reassignments.get(p.id()));
                fewestReplicas = Math.min(fewestReplicas,
                        p.replicas().size() - moving.map(r -> r.adding().size()).orElse(0));
                Assessment a = partition(p, moving, config);
                PartitionHealth h = a.health();
                count(counts, a);
                if (h.underReplicated() || h.underMinIsr() || h.atMinIsr() || h.offline() || h.nonPreferredLeader()
                        || h.reassigning()) {
                    unhealthy.add(h);
                }
                boolean atRisk = p.isr().size() - 1 < a.minIsr();
                for (int replica : p.replicas()) {
                    int[] b = brokers.computeIfAbsent(replica, id -> new int[4]);
                    b[0]++;
                    if (p.leader().isPresent() && p.leader().getAsInt() == replica) {
                        b[1]++;
                    }
                    if (h.missingFromIsr().contains(replica)) {
                        b[2]++;
                    }
                    if (atRisk && p.isr().contains(replica)) {
                        b[3]++;
                    }
                }
            }
            int replicationFactor = fewestReplicas;
            topics.put(topic.name(), new TopicHealth(counts[0], counts[1], counts[2], counts[3], counts[4], counts[5],
                    config.isPresent(), config.filter(c -> !topic.partitions().isEmpty())
                    .map(c -> durability(replicationFactor, c))));
        }
        unhealthy.sort((a, b) -> a.id().compareTo(b.id()));
        TreeMap<Integer, BrokerHealth> brokerHealth = new TreeMap<>();
        brokers.forEach((id, b) -> brokerHealth.put(id, new BrokerHealth(b[0], b[1], b[2], b[3])));
        return new ReplicationSnapshot(topics, unhealthy, brokerHealth, cluster.brokers(),
                cluster.quorum().map(ReplicationAnalyzer::quorum));
    }

    private static TopicHealth.Durability durability(int replicationFactor, TopicConfig c) {
        double retention = c.delete() && c.retentionMs() >= 0 ? c.retentionMs() / 1000.0 : Double.POSITIVE_INFINITY;
        return new TopicHealth.Durability(replicationFactor, c.minInsyncReplicas(), c.uncleanElection(), retention);
    }

    /**
     * A partition's health, whether it is at the minimum ISR at all (by configuration or by loss), and its
     * effective minimum ISR (1 when the topic's config is unknown: below that it is offline).
     */
    private record Assessment(PartitionHealth health, boolean atMinIsrAny, int minIsr) {
    }

    private static Assessment partition(PartitionReplicas p, Optional<Reassignment> reassignment,
                                             Optional<TopicConfig> config) {
        List<Integer> adding = reassignment.map(Reassignment::adding).orElse(List.of());
        Set<Integer> isr = new HashSet<>(p.isr());
        List<Integer> assigned = p.replicas().stream().filter(r -> !adding.contains(r)).toList();
        List<Integer> missing = assigned.stream().filter(r -> !isr.contains(r)).toList();
        int replicationFactor = assigned.size();
        boolean offline = p.leader().isEmpty();
        boolean underMinIsr = false;
        boolean atMinIsr = false;
        int effectiveMinIsr = 1;
        if (config.isPresent() && replicationFactor > 0) {
            effectiveMinIsr = Math.max(1, Math.min(config.get().minInsyncReplicas(), replicationFactor));
            underMinIsr = p.isr().size() < effectiveMinIsr;
            atMinIsr = !offline && p.isr().size() == effectiveMinIsr;
        }
        boolean nonPreferred = !offline && !p.replicas().isEmpty() && p.leader().getAsInt() != p.replicas().get(0);
        // Per partition, at-min-ISR is reported only when replicas were lost to get there: a partition with
        // replication factor 1 is always "at min ISR" and would otherwise be a permanent series.
        boolean degradedAtMin = atMinIsr && p.isr().size() < replicationFactor;
        return new Assessment(new PartitionHealth(p.id(), p.leader(), missing, !missing.isEmpty(), underMinIsr,
                degradedAtMin, offline, nonPreferred, reassignment.isPresent()), atMinIsr, effectiveMinIsr);
    }

    /** Adds one partition to its topic's counts; at-min-ISR counts every partition at the minimum. */
    private static void count(int[] counts, Assessment a) {
        PartitionHealth h = a.health();
        counts[0] += h.underReplicated() ? 1 : 0;
        counts[1] += h.underMinIsr() ? 1 : 0;
        counts[2] += a.atMinIsrAny() ? 1 : 0;
        counts[3] += h.offline() ? 1 : 0;
        counts[4] += h.nonPreferredLeader() ? 1 : 0;
        counts[5] += h.reassigning() ? 1 : 0;
    }

    private static QuorumHealth quorum(QuorumState q) {
        Optional<QuorumReplica> leader = q.voters().stream().filter(v -> v.id() == q.leaderId()).findFirst();
        long leaderEnd = leader.map(QuorumReplica::logEndOffset).orElse(q.highWatermark());
        List<QuorumHealth.ReplicaLag> lags = new ArrayList<>();
        q.voters().forEach(v -> lags.add(lag(v, QuorumHealth.Role.VOTER, leaderEnd, leader, q.leaderId())));
        q.observers().forEach(o -> lags.add(lag(o, QuorumHealth.Role.OBSERVER, leaderEnd, leader, q.leaderId())));
        return new QuorumHealth(q.leaderId(), q.leaderEpoch(), q.voters().size(), lags);
    }

    private static QuorumHealth.ReplicaLag lag(QuorumReplica r, QuorumHealth.Role role, long leaderEnd,
                                               Optional<QuorumReplica> leader, int leaderId) {
        long records = Math.max(0, leaderEnd - r.logEndOffset());
        OptionalDouble seconds = OptionalDouble.empty();
        if (r.id() == leaderId && role == QuorumHealth.Role.VOTER) {
            seconds = OptionalDouble.of(0);
        } else if (leader.isPresent() && leader.get().lastCaughtUpMs().isPresent() && r.lastCaughtUpMs().isPresent()) {
            // Both times are the leader's clock: no skew between the exporter and the controller.
            long ms = leader.get().lastCaughtUpMs().getAsLong() - r.lastCaughtUpMs().getAsLong();
            seconds = OptionalDouble.of(Math.max(0, ms) / 1000.0);
        }
        return new QuorumHealth.ReplicaLag(r.id(), role, records, seconds);
    }
}
