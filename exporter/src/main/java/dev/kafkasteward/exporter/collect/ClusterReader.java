package dev.kafkasteward.exporter.collect;

import dev.kafkasteward.exporter.observation.ClusterState;
import dev.kafkasteward.exporter.observation.QuorumReplica;
import dev.kafkasteward.exporter.observation.QuorumState;
import dev.kafkasteward.exporter.observation.Reassignment;
import dev.kafkasteward.exporter.observation.Stage;
import dev.kafkasteward.exporter.observation.TopicMetadata;
import dev.kafkasteward.exporter.observation.TopicPartitionId;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterResult;
import org.apache.kafka.clients.admin.DescribeMetadataQuorumResult;
import org.apache.kafka.clients.admin.ListPartitionReassignmentsResult;
import org.apache.kafka.clients.admin.PartitionReassignment;
import org.apache.kafka.clients.admin.QuorumInfo;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.TopicPartition;

/**
 * Cluster-wide reads of one cycle: DescribeCluster (live brokers), DescribeMetadataQuorum (the KRaft
 * quorum; its leader is the active controller — DescribeCluster sent to a broker names a random
 * broker as "controller" in KRaft) and ListPartitionReassignments. The three are in flight together;
 * each failure empties only its own part.
 *
 * <p>Reassignments are started by an operator and run for minutes: while none is in progress they
 * are listed again only when the caller says so (with the log dirs, {@link ReadSchedule.Read#PLACEMENT};
 * the last answer is served in between); while one is, every cycle, so its end shows at once. A failed
 * listing is retried in the next cycle.
 */
final class ClusterReader {

    private final Admin admin;
    private Optional<Map<TopicPartitionId, Reassignment>> reassignments = Optional.empty();

    ClusterReader(Admin admin) {
        this.admin = admin;
    }

    /**
     * The three reads, awaited for at most {@code budget} in all; reassignments only while one is in
     * progress, when the last listing failed (or there was none), or when {@code refreshReassignments}.
     */
    ClusterState read(Duration budget, boolean refreshReassignments, CycleErrors errors) {
        DescribeClusterResult cluster = admin.describeCluster();
        DescribeMetadataQuorumResult quorum = admin.describeMetadataQuorum();
        boolean due = refreshReassignments || reassignments.isEmpty() || reassigning();
        ListPartitionReassignmentsResult listed = due ? admin.listPartitionReassignments() : null;
        Deadline deadline = Deadline.in(budget);
        Optional<SortedSet<Integer>> brokers = brokers(cluster, deadline, errors);
        Optional<QuorumState> quorumState = quorum(quorum, deadline, errors);
        if (listed != null) {
            reassignments = reassignments(listed, deadline, errors);
        }
        return new ClusterState(brokers, quorumState, reassignments);
    }

    /** Whether the last listing showed a reassignment in progress: then it is listed every cycle. */
    boolean reassigning() {
        return reassignments.map(r -> !r.isEmpty()).orElse(false);
    }

    private static Optional<SortedSet<Integer>> brokers(DescribeClusterResult result, Deadline deadline,
                                                        CycleErrors errors) {
        try {
            SortedSet<Integer> ids = new TreeSet<>();
            for (Node n : result.nodes().get(deadline.remainingMs(), TimeUnit.MILLISECONDS)) {
                ids.add(n.id());
            }
            return Optional.of(ids);
        } catch (Exception e) {
            errors.record(Stage.DESCRIBE_CLUSTER, e);
            return Optional.empty();
        }
    }

    private static Optional<QuorumState> quorum(DescribeMetadataQuorumResult result, Deadline deadline,
                                                CycleErrors errors) {
        try {
            QuorumInfo q = result.quorumInfo().get(deadline.remainingMs(), TimeUnit.MILLISECONDS);
            return Optional.of(new QuorumState(q.leaderId(), q.leaderEpoch(), q.highWatermark(),
                    replicas(q.voters()), replicas(q.observers())));
        } catch (Exception e) {
            errors.record(Stage.DESCRIBE_QUORUM, e);
            return Optional.empty();
        }
    }

    private static List<QuorumReplica> replicas(List<QuorumInfo.ReplicaState> states) {
        return states.stream().map(s -> new QuorumReplica(s.replicaId(), s.logEndOffset(), s.lastCaughtUpTimestamp()))
                .toList();
    }

    private static Optional<Map<TopicPartitionId, Reassignment>> reassignments(ListPartitionReassignmentsResult result,
                                                                               Deadline deadline, CycleErrors errors) {
        try {
            Map<TopicPartition, PartitionReassignment> raw =
                    result.reassignments().get(deadline.remainingMs(), TimeUnit.MILLISECONDS);
            Map<TopicPartitionId, Reassignment> out = new HashMap<>();
            raw.forEach((tp, r) -> out.put(Partitions.id(tp),
                    new Reassignment(r.replicas(), r.addingReplicas(), r.removingReplicas())));
            return Optional.of(out);
        } catch (Exception e) {
            errors.record(Stage.LIST_REASSIGNMENTS, e);
            return Optional.empty();
        }
    }

    /** Brokers to ask per-broker questions of: the live ones, or, if DescribeCluster failed, every replica holder. */
    static Set<Integer> brokersToAsk(ClusterState state, List<TopicMetadata> topics) {
        return state.brokers().<Set<Integer>>map(b -> b).orElseGet(() -> replicaHolders(topics));
    }

    /** Every broker that holds a replica of {@code topics}. */
    static Set<Integer> replicaHolders(List<TopicMetadata> topics) {
        Set<Integer> ids = new TreeSet<>();
        topics.forEach(t -> t.partitions().forEach(p -> ids.addAll(p.replicas())));
        return ids;
    }
}
