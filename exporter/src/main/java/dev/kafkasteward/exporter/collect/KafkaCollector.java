package dev.kafkasteward.exporter.collect;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.GroupListing;
import org.apache.kafka.clients.admin.ListConsumerGroupOffsetsResult;
import org.apache.kafka.clients.admin.ListConsumerGroupOffsetsSpec;
import org.apache.kafka.clients.admin.ListGroupsOptions;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.TopicPartitionInfo;

/**
 * All Kafka I/O of one cycle, batched: one ListGroups, one OffsetFetch per group coordinator for
 * all groups, one Metadata for all topics, one ListOffsets per partition leader and spec. Committed
 * offsets are read before log-end offsets, so lag computed from one observation is never negative.
 * Then cluster, quorum and reassignments, topic configs and log dirs, each through its own reader.
 * Per-key futures keep one bad group or topic from sinking the cycle.
 */
public final class KafkaCollector {

    private final Admin admin;
    private final RecordTimestampReader timestamps;
    private final CollectorSettings settings;
    private final Clock clock;
    private final ClusterReader clusterReader;
    private final TopicConfigReader topicConfigReader;
    private final LogDirReader logDirReader;

    public KafkaCollector(Admin admin, RecordTimestampReader timestamps, CollectorSettings settings, Clock clock) {
        this.admin = admin;
        this.timestamps = timestamps;
        this.settings = settings;
        this.clock = clock;
        this.clusterReader = new ClusterReader(admin, settings);
        this.topicConfigReader = new TopicConfigReader(admin, settings, clock);
        this.logDirReader = new LogDirReader(admin, settings);
    }

    public Observation collect() {
        Instant at = clock.instant();
        CycleErrors errors = new CycleErrors();

        List<String> groupIds = listGroups(errors);
        List<GroupOffsets> groups = groupOffsets(groupIds, errors);
        List<TopicMetadata> topics = describeTopics(errors);

        Set<String> knownTopics = topics.stream().map(TopicMetadata::name).collect(Collectors.toSet());
        Set<TopicPartitionId> wanted = new TreeSet<>();
        for (GroupOffsets g : groups) {
            g.committed().keySet().stream().filter(tp -> knownTopics.contains(tp.topic())).forEach(wanted::add);
        }
        Map<TopicPartitionId, LogOffsets> logOffsets = logOffsets(wanted, errors);

        List<RecordPosition> positions = new ArrayList<>();
        for (GroupOffsets g : groups) {
            g.committed().forEach((tp, committed) -> {
                LogOffsets log = logOffsets.get(tp);
                if (log != null && committed < log.end()) {
                    positions.add(new RecordPosition(tp, Math.max(committed, log.start())));
                }
            });
        }
        Map<RecordPosition, Long> recordTimestamps = Map.of();
        try {
            recordTimestamps = timestamps.read(positions, settings.timestampReadBudget(), settings.timestampReadTime());
        } catch (RuntimeException e) {
            errors.record(Stage.RECORD_TIMESTAMPS, e);
        }
        // Replication and disk: cluster-wide reads, topic configs (cached), log dirs once per live broker.
        ClusterState cluster = clusterReader.read(errors);
        Map<String, TopicConfig> topicConfigs = topicConfigReader.read(knownTopics, errors);
        List<LogDirState> logDirs = logDirReader.read(ClusterReader.brokersToAsk(cluster, topics), errors);
        return new Observation(at, topics, groups, logOffsets, recordTimestamps, errors.byLabel(), cluster,
                topicConfigs, logDirs);
    }

    private List<String> listGroups(CycleErrors errors) {
        try {
            Collection<GroupListing> listings = admin.listGroups(ListGroupsOptions.forConsumerGroups()).all()
                    .get(timeoutMs(), TimeUnit.MILLISECONDS);
            return listings.stream().map(GroupListing::groupId).sorted().toList();
        } catch (Exception e) {
            errors.record(Stage.LIST_GROUPS, e);
            return List.of();
        }
    }

    private List<GroupOffsets> groupOffsets(List<String> groupIds, CycleErrors errors) {
        if (groupIds.isEmpty()) {
            return List.of();
        }
        Map<String, ListConsumerGroupOffsetsSpec> specs = new HashMap<>();
        groupIds.forEach(g -> specs.put(g, new ListConsumerGroupOffsetsSpec()));
        ListConsumerGroupOffsetsResult result = admin.listConsumerGroupOffsets(specs);
        List<GroupOffsets> out = new ArrayList<>();
        for (String groupId : groupIds) {
            try {
                Map<TopicPartition, OffsetAndMetadata> offsets = result.partitionsToOffsetAndMetadata(groupId)
                        .get(timeoutMs(), TimeUnit.MILLISECONDS);
                Map<TopicPartitionId, Long> committed = new HashMap<>();
                offsets.forEach((tp, om) -> {
                    if (om != null) { // a partition with no commit comes back as null
                        committed.put(new TopicPartitionId(tp.topic(), tp.partition()), om.offset());
                    }
                });
                out.add(new GroupOffsets(groupId, committed));
            } catch (Exception e) {
                errors.record(Stage.GROUP_OFFSETS, e);
            }
        }
        return out;
    }

    private List<TopicMetadata> describeTopics(CycleErrors errors) {
        Set<String> names;
        try {
            names = admin.listTopics(new ListTopicsOptions().listInternal(true)).names()
                    .get(timeoutMs(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            errors.record(Stage.LIST_TOPICS, e);
            return List.of();
        }
        Map<String, KafkaFuture<TopicDescription>> futures = admin.describeTopics(names).topicNameValues();
        List<TopicMetadata> out = new ArrayList<>();
        for (String name : new TreeSet<>(names)) {
            try {
                TopicDescription d = futures.get(name).get(timeoutMs(), TimeUnit.MILLISECONDS);
                List<PartitionReplicas> partitions = new ArrayList<>();
                for (TopicPartitionInfo p : d.partitions()) {
                    partitions.add(new PartitionReplicas(new TopicPartitionId(name, p.partition()), leaderOf(p),
                            ids(p.replicas()), ids(p.isr())));
                }
                out.add(new TopicMetadata(name, d.isInternal(), partitions));
            } catch (Exception e) {
                // A topic deleted between list and describe is simply gone; count it all the same.
                errors.record(Stage.DESCRIBE_TOPICS, e);
            }
        }
        return out;
    }

    private Map<TopicPartitionId, LogOffsets> logOffsets(Set<TopicPartitionId> partitions, CycleErrors errors) {
        if (partitions.isEmpty()) {
            return Map.of();
        }
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        Map<TopicPartition, OffsetSpec> earliest = new HashMap<>();
        for (TopicPartitionId id : partitions) {
            TopicPartition tp = new TopicPartition(id.topic(), id.partition());
            latest.put(tp, OffsetSpec.latest());
            earliest.put(tp, OffsetSpec.earliest());
        }
        // Both calls are in flight together; the Admin client batches each per leader.
        ListOffsetsResult ends = admin.listOffsets(latest);
        ListOffsetsResult starts = admin.listOffsets(earliest);
        Map<TopicPartitionId, LogOffsets> out = new HashMap<>();
        for (TopicPartitionId id : partitions) {
            TopicPartition tp = new TopicPartition(id.topic(), id.partition());
            try {
                long end = ends.partitionResult(tp).get(timeoutMs(), TimeUnit.MILLISECONDS).offset();
                long start = starts.partitionResult(tp).get(timeoutMs(), TimeUnit.MILLISECONDS).offset();
                out.put(id, new LogOffsets(start, end));
            } catch (Exception e) {
                errors.record(Stage.LIST_OFFSETS, e);
            }
        }
        return out;
    }

    private long timeoutMs() {
        return settings.requestTimeout().toMillis();
    }

    private static OptionalInt leaderOf(TopicPartitionInfo p) {
        Node leader = p.leader();
        return leader == null || leader.isEmpty() || leader.id() < 0 ? OptionalInt.empty() : OptionalInt.of(leader.id());
    }

    private static List<Integer> ids(List<Node> nodes) {
        return nodes.stream().map(Node::id).toList();
    }
}
