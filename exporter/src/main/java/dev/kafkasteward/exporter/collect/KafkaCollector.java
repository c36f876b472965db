package dev.kafkasteward.exporter.collect;

import dev.kafkasteward.exporter.observation.ClusterState;
import dev.kafkasteward.exporter.observation.DeadLetterObservation;
import dev.kafkasteward.exporter.observation.FunnelSnapshot;
import dev.kafkasteward.exporter.observation.GroupDescription;
import dev.kafkasteward.exporter.observation.GroupOffsets;
import dev.kafkasteward.exporter.observation.LogDirState;
import dev.kafkasteward.exporter.observation.LogOffsets;
import dev.kafkasteward.exporter.observation.Observation;
import dev.kafkasteward.exporter.observation.Reassignment;
import dev.kafkasteward.exporter.observation.RecordPosition;
import dev.kafkasteward.exporter.observation.Stage;
import dev.kafkasteward.exporter.observation.TopicConfig;
import dev.kafkasteward.exporter.observation.TopicMetadata;
import dev.kafkasteward.exporter.observation.TopicPartitionId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ClassicGroupDescription;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.GroupListing;
import org.apache.kafka.clients.admin.ListConsumerGroupOffsetsResult;
import org.apache.kafka.clients.admin.ListConsumerGroupOffsetsSpec;
import org.apache.kafka.clients.admin.ListGroupsOptions;
import org.apache.kafka.clients.admin.ListGroupsResult;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.admin.StreamsGroupDescription;
import org.apache.kafka.clients.admin.StreamsGroupMemberAssignment;
import org.apache.kafka.clients.admin.StreamsGroupMemberDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.ClassicGroupState;
import org.apache.kafka.common.GroupState;
import org.apache.kafka.common.GroupType;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.GroupIdNotFoundException;
import org.apache.kafka.common.errors.LeaderNotAvailableException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.internals.Topic;

/**
 * All Admin I/O of one cycle, batched: one Metadata request for all topics (through a consumer,
 * which does not page by partitions); committed offsets of every group in one
 * {@code listConsumerGroupOffsets} call (one OffsetFetch per coordinator); group descriptions
 * (DescribeGroups or ConsumerGroupDescribe per coordinator, each group in its own protocol); one
 * ListOffsets per leader for log ends ({@link LogOffsetReader}); DescribeCluster and
 * DescribeMetadataQuorum. Committed offsets are read before log-end offsets, so lag from one
 * observation is never negative. Per-key futures keep one bad group, topic or broker from sinking
 * the cycle.
 *
 * <p>The reads that change slowly — the group listing (one ListGroups per broker), log starts, log
 * dirs and reassignments, topic configs — are periodic, and a {@link ReadSchedule} has them take
 * turns so that a warm cycle stays within the request budget per broker; between listings the
 * groups last listed are read, less those that describing showed gone. Every wait is cut short by
 * the cycle deadline: what has not answered by then is counted as an error.
 *
 * <p>Not thread-safe: one collection loop owns it.
 */
public final class KafkaCollector implements Collector {

    /** How much longer than the Admin client's own timeout the group listing is awaited. */
    private static final long LISTING_GRACE_MS = 200;
    /**
     * The groups listed: consumer groups of either protocol (not Connect workers or other classic groups of
     * another protocol type), streams groups (KIP-1071) and share groups, in one ListGroups per broker. Streams
     * groups commit offsets as consumer groups do and are read with them.
     */
    private static final Set<GroupType> LISTED_TYPES = Set.of(GroupType.CLASSIC, GroupType.CONSUMER, GroupType.SHARE,
            GroupType.STREAMS);
    /** How long a share-group answer may take before it is given up (the share client's request timeout). */
    public static final Duration SHARE_ANSWER_TIMEOUT = ShareGroupReader.ANSWER_TIMEOUT;

    private static final Set<String> LISTED_PROTOCOL_TYPES = Set.of("", "consumer", "share", "streams");

    private final Admin admin;
    private final RecordTimestampReader timestamps;
    private final MetadataReader metadata;
    private final CollectorSettings settings;
    private final Clock clock;
    private final Predicate<String> groupFilter;
    private final Predicate<String> topicFilter;
    private long deadlineNanos;
    private final ClusterReader clusterReader;
    private final TopicConfigReader topicConfigReader;
    private final LogDirReader logDirReader;
    private final ClusterSettingsReader settingsReader;
    private final LogOffsetReader logOffsetReader;
    private final ShareGroupReader shareGroups;
    private final GroupDescriber describer;
    private final Admin shareAdmin;
    /** Whether a share-group answer has been asked yet: the first goes as soon as there are share groups. */
    private boolean askedShares;
    /** Groups described at least once (see {@link #skippable}); forgotten when no longer listed. */
    private final Set<String> describedOnce = new HashSet<>();
    private final ReadSchedule schedule;
    /** The groups in scope the last complete listing found, less those found gone since. */
    private List<GroupListing> listed = List.of();
    private int lastBrokerCount;
    /** Whether the last listing that answered showed a reassignment in progress; empty before the first. */
    private Optional<Boolean> lastReassigning = Optional.empty();

    public KafkaCollector(Admin admin, MetadataReader metadata, RecordTimestampReader timestamps,
                          CollectorSettings settings, Clock clock) {
        this(admin, metadata, timestamps, settings, clock, g -> true, t -> true);
    }

    /** With scope filters: groups and topics they reject are never asked about. */
    public KafkaCollector(Admin admin, MetadataReader metadata, RecordTimestampReader timestamps,
                          CollectorSettings settings, Clock clock, Predicate<String> groupFilter,
                          Predicate<String> topicFilter) {
        this(admin, admin, metadata, timestamps, settings, clock, groupFilter, topicFilter);
    }

    /**
     * With a client of its own for share-group answers ({@code shareAdmin}): a broker works on one request of a
     * connection at a time, and a slow share-group answer would hold up every lag read behind it (measured: a
     * 6.6 s OffsetFetch at 200 share groups, where it takes 0.1 s on its own).
     */
    public KafkaCollector(Admin admin, Admin shareAdmin, MetadataReader metadata, RecordTimestampReader timestamps,
                          CollectorSettings settings, Clock clock, Predicate<String> groupFilter,
                          Predicate<String> topicFilter) {
        this.admin = admin;
        this.shareAdmin = shareAdmin;
        this.metadata = metadata;
        this.timestamps = timestamps;
        this.settings = settings;
        this.clock = clock;
        this.groupFilter = groupFilter;
        this.topicFilter = topicFilter;
        this.clusterReader = new ClusterReader(admin);
        this.topicConfigReader = new TopicConfigReader(admin);
        this.logDirReader = new LogDirReader(admin, clock);
        this.settingsReader = new ClusterSettingsReader(admin);
        this.logOffsetReader = new LogOffsetReader(admin);
        this.shareGroups = new ShareGroupReader(shareAdmin, topicFilter);
        this.describer = new GroupDescriber(admin, this::timeoutMs);
        this.schedule = ReadSchedule.of(settings);
    }

    /** First phase of a cycle: everything the Admin API answers. */
    @Override
    public Observation collect() {
        return collect(topics -> Set.of());
    }

    /**
     * {@link #collect()}, reading also the log offsets of {@code alsoOffsets} of the cycle's topics
     * (dead-letter partitions) in the lag's requests: one ListOffsets per leader either way. Those
     * the lag does not need count their failures as {@link Stage#DEAD_LETTER_OFFSETS}.
     */
    public Observation collect(Function<List<TopicMetadata>, Set<TopicPartitionId>> alsoOffsets) {
        return collect(alsoOffsets, false);
    }

    /**
     * With {@code everyLedPartition}: also the log offsets of every partition that has a leader (what the
     * kafka_exporter profile serves per partition), in the same requests; their failures count as
     * {@link Stage#LIST_OFFSETS}. Leaderless partitions are left out: the Admin client would wait for a
     * leader until the request timeout, every cycle, at the cost of the reads after it.
     */
    public Observation collect(Function<List<TopicMetadata>, Set<TopicPartitionId>> alsoOffsets,
                               boolean everyLedPartition) {
        Instant at = clock.instant();
        deadlineNanos = System.nanoTime() + settings.cycleDeadline().toNanos();
        long requestsBefore = adminRequests();
        long metadataBefore = metadata.requestCount();
        CycleErrors errors = new CycleErrors();

        // Topics first, and the group listing when planned right after, each with a full request
        // timeout, so that a slow later stage cannot starve them and turn a partial cycle into a failed one.
        List<TopicMetadata> metadataTopics = describeTopics(errors);
        OfflineCoordinators coordinators = OfflineCoordinators.of(metadataTopics);
        List<TopicMetadata> topics = topicFilter.test(Topic.GROUP_METADATA_TOPIC_NAME) ? metadataTopics
                : metadataTopics.stream().filter(t -> !t.name().equals(Topic.GROUP_METADATA_TOPIC_NAME)).toList();
        int brokers = brokerCount(topics);
        // A listing costs as much as describing one kind of group (Metadata and a ListGroups per broker, or a
        // FindCoordinator and a describe per coordinator): it goes every cycle when it spares a kind whose groups
        // are all listed empty; otherwise it takes turns, and a cycle without it describes every group.
        boolean listEveryCycle = sparedKinds(listed) > 0;
        if (listEveryCycle) {
            schedule.again(ReadSchedule.Read.GROUP_LISTING);
        }
        List<GroupListing> listedShares = listed.stream().filter(KafkaCollector::isShare).toList();
        schedule.shareAnswer(shareGroups.idle() ? ShareGroupReader.calls(listedShares.size(),
                listedShares.stream().filter(l -> !(listEveryCycle && skippable(l))).count()) : 0);
        Set<ReadSchedule.Read> reads = schedule.plan(at, brokers,
                ReadSchedule.fixedCost(brokers, groupCalls(listed, listEveryCycle), clusterReader.reassigning()),
                clusterReader.reassigning());
        Listing listing = reads.contains(ReadSchedule.Read.GROUP_LISTING)
                ? listGroups(at, coordinators, errors) : new Listing(listed, !listed.isEmpty(), false);
        List<GroupListing> consumerGroups = listing.groups().stream().filter(l -> !isShare(l)).toList();
        List<GroupListing> shareListings = listing.groups().stream().filter(KafkaCollector::isShare).toList();
        List<String> shareIds = shareListings.stream().map(GroupListing::groupId).toList();
        // Asked first: brokers are slow to answer share-group offsets, the lag's reads go meanwhile. Asked when the
        // budget has room (or it has waited longest), not every cycle: the last answer is served meanwhile.
        // (The first cycle plans before any listing: it asks as soon as it has listed share groups.)
        boolean askNow = shareGroups.idle() && !shareIds.isEmpty()
                && (reads.contains(ReadSchedule.Read.SHARE_ANSWER) || !askedShares);
        if (askNow) {
            askedShares = true;
            shareGroups.ask(shareIds, shareListings.stream().filter(l -> listing.fresh() && skippable(l))
                    .map(GroupListing::groupId).collect(Collectors.toSet()), at);
            schedule.made(ReadSchedule.Read.SHARE_ANSWER, at);
        }
        List<String> groupIds = consumerGroups.stream().map(GroupListing::groupId).toList();
        Set<String> gone = new HashSet<>();
        List<GroupOffsets> fetched = groupOffsets(groupIds, gone, errors);
        // Described after their offsets were read: a group deleted in between reads as having no offsets,
        // and only the description tells it is gone. Its series are left out rather than served as lag 0.
        // A group this cycle's listing found empty has nothing more to describe.
        Map<String, Integer> partitionCounts = new HashMap<>();
        metadataTopics.forEach(t -> partitionCounts.put(t.name(), t.partitions().size()));
        // A group deleted between the listing and its offsets reads as having none, and only describing it tells it
        // is gone: a group listed empty is skipped only when its offsets were there.
        Set<String> withOffsets = fetched.stream().filter(g -> !g.committed().isEmpty()).map(GroupOffsets::groupId)
                .collect(Collectors.toSet());
        Predicate<GroupListing> skip = l -> listing.fresh() && skippable(l) && withOffsets.contains(l.groupId());
        GroupDescriber.Descriptions described = describer.describe(consumerGroups.stream().filter(skip.negate())
                .toList(), partitionCounts::get, errors);
        if (described.switched()) {
            schedule.again(ReadSchedule.Read.GROUP_LISTING);
        }
        describedOnce.addAll(described.groups().keySet());
        Map<String, GroupDescription> descriptions = new TreeMap<>(described.groups());
        consumerGroups.stream().filter(skip).forEach(l -> descriptions.put(l.groupId(),
                GroupDescription.listedEmpty(l.groupId(), protocolOf(l))));
        gone.addAll(described.gone());
        List<GroupOffsets> groups = fetched.stream().filter(g -> !gone.contains(g.groupId())).toList();

        Set<String> knownTopics = topics.stream().map(TopicMetadata::name).collect(Collectors.toSet());
        Set<TopicPartitionId> wanted = new TreeSet<>();
        for (GroupOffsets g : groups) {
            g.committed().keySet().stream().filter(tp -> knownTopics.contains(tp.topic())).forEach(wanted::add);
        }
        if (everyLedPartition) {
            topics.forEach(t -> t.partitions().stream().filter(p -> p.leader().isPresent())
                    .forEach(p -> wanted.add(p.id())));
        }
        Set<TopicPartitionId> forLag = Set.copyOf(wanted);
        // A share-partition's log end places its oldest record not acknowledged (log end - backlog): those of the
        // share-partitions answered so far (an answer collected below with new ones has theirs next cycle).
        Set<TopicPartitionId> forShares = new HashSet<>();
        shareGroups.answeredPartitions().stream().filter(tp -> knownTopics.contains(tp.topic())).forEach(forShares::add);
        wanted.addAll(forShares);
        wanted.addAll(alsoOffsets.apply(topics));
        boolean starts = reads.contains(ReadSchedule.Read.LOG_STARTS);
        // A dead-letter partition's failure is not the lag's: that would carry over lag that is gone.
        Map<TopicPartitionId, LogOffsets> logOffsets = logOffsetReader.read(wanted, topics, starts, this::timeoutMs,
                id -> forLag.contains(id) ? Stage.LIST_OFFSETS
                        : forShares.contains(id) ? Stage.SHARE_GROUPS : Stage.DEAD_LETTER_OFFSETS, errors);
        // Collected after the lag's log ends, so that waiting for it cannot add to the lag.
        ShareGroupReader.Read shares = shareGroups.collect(shareIds, listing.fresh() && !errors.any(Stage.LIST_GROUPS),
                askNow ? shareGroups.waitMs(timeoutMs()) : 0, errors);
        gone.addAll(shares.gone());
        listed = listed.stream().filter(l -> !gone.contains(l.groupId())).toList();
        describedOnce.retainAll(listed.stream().map(GroupListing::groupId).collect(Collectors.toSet()));
        // A cycle that could not list topics read nothing: the periodic reads it planned stay due.
        boolean sawTopics = !topics.isEmpty();
        made(starts && sawTopics, ReadSchedule.Read.LOG_STARTS, at);

        // Replication and disk: cluster-wide reads, topic configs (cached), log dirs once per live broker
        // (both these and reassignments when placement is read; the brokers a reassignment involves when
        // its progress is), feature levels and throttles; each within what is left of the deadline.
        boolean placement = reads.contains(ReadSchedule.Read.PLACEMENT);
        ClusterState cluster = clusterReader.read(budget(), placement, errors);
        // Only listings that answered count: a failed one says nothing about reassignments starting or ending.
        Optional<Boolean> reassigningNow = errors.any(Stage.LIST_REASSIGNMENTS) ? Optional.empty()
                : cluster.reassignments().map(r -> !r.isEmpty());
        if (reassigningNow.isPresent()) {
            if (lastReassigning.isPresent() && !lastReassigning.equals(reassigningNow)) {
                // Throttles are set before a reassignment and should go after it: read them again at both ends.
                schedule.again(ReadSchedule.Read.SETTINGS);
                schedule.again(ReadSchedule.Read.TOPIC_CONFIGS);
            }
            lastReassigning = reassigningNow;
        }
        cluster.brokers().ifPresent(b -> lastBrokerCount = b.size());
        Set<Integer> brokersToAsk = ClusterReader.brokersToAsk(cluster, topics);
        boolean settings = reads.contains(ReadSchedule.Read.SETTINGS);
        cluster = cluster.with(settingsReader.read(brokersToAsk, settings, budget(), errors));
        // Made even when denied or failed: retried after its period, not every cycle outside the budget (a
        // missing DescribeConfigs ACL would otherwise cost brokers + 1 requests each cycle).
        made(settings, ReadSchedule.Read.SETTINGS, at);
        boolean configs = reads.contains(ReadSchedule.Read.TOPIC_CONFIGS);
        Map<String, TopicConfig> topicConfigs = topicConfigReader.read(knownTopics, configs, budget(), errors);
        made(configs && sawTopics && !errors.any(Stage.DESCRIBE_CONFIGS), ReadSchedule.Read.TOPIC_CONFIGS, at);
        Map<TopicPartitionId, Reassignment> moving = cluster.reassignments().orElse(Map.of());
        boolean progress = reads.contains(ReadSchedule.Read.PROGRESS) && !moving.isEmpty();
        List<LogDirState> logDirs = logDirReader.read(brokersToAsk, placement,
                progress ? ReassignmentBrokers.involved(moving, topics) : Set.of(), moving.keySet(), budget(), errors);
        made(placement, ReadSchedule.Read.PLACEMENT, at);
        made(progress, ReadSchedule.Read.PROGRESS, at);

        long requests = adminRequests() - requestsBefore;
        Map<String, Long> cost = Map.of("admin", requests, "metadata", metadata.requestCount() - metadataBefore);
        boolean reached = Stage.reachedCluster(errors.byLabel(), listing.anyListed());
        return new Observation(at, topics, groups, descriptions, logOffsets, Map.of(), cost, errors.byLabel(), cluster,
                topicConfigs, logDirs, DeadLetterObservation.EMPTY, FunnelSnapshot.EMPTY, reached, shares.groups());
    }

    /**
     * Second phase: timestamps of the records at {@code positions}, within the cycle's read budget
     * and time limit. Never throws; a failure is counted on the returned observation.
     */
    @Override
    public Observation readTimestamps(Observation observation, Collection<RecordPosition> positions) {
        if (positions.isEmpty()) {
            return observation.withTimestamps(Map.of(), 0, Map.of());
        }
        long before = timestamps.requestCount();
        try {
            RecordTimestampReader.Read read = timestamps.readAll(positions, settings.timestampReadTime());
            CycleErrors errors = new CycleErrors();
            if (!read.deniedTopics().isEmpty()) {
                errors.record(Stage.RECORD_TIMESTAMPS, new TopicAuthorizationException(read.deniedTopics()));
            }
            return observation.withTimestamps(read.timestamps(), timestamps.requestCount() - before, errors.byLabel());
        } catch (RuntimeException e) {
            CycleErrors errors = new CycleErrors();
            errors.record(Stage.RECORD_TIMESTAMPS, e);
            return observation.withTimestamps(Map.of(), timestamps.requestCount() - before, errors.byLabel());
        }
    }

    /** Requests both Admin clients have sent so far. */
    private long adminRequests() {
        return RequestCounter.total(admin.metrics())
                + (shareAdmin == admin ? 0 : RequestCounter.total(shareAdmin.metrics()));
    }

    /**
     * The groups in scope, whether the listing listed any group at all (in scope or not), and whether it
     * was made in this cycle ({@code fresh}): then the state each group was listed in is current.
     */
    private record Listing(List<GroupListing> groups, boolean anyListed, boolean fresh) {
    }

    /**
     * Listed empty (no members, nothing assigned: nothing to describe) and, unless a share group (which has no
     * epoch), described before, so that its next description has an epoch to count rebalances from.
     */
    private boolean skippable(GroupListing l) {
        return l.groupState().map(s -> s == GroupState.EMPTY).orElse(false)
                && (isShare(l) || describedOnce.contains(l.groupId()));
    }

    /** Kinds of group (classic, consumer, streams, share) whose every group in {@code listing} is skippable. */
    private long sparedKinds(List<GroupListing> listing) {
        Map<GroupType, Boolean> allSkippable = new HashMap<>();
        listing.forEach(l -> allSkippable.merge(l.type().orElse(GroupType.CLASSIC), skippable(l), Boolean::logicalAnd));
        return allSkippable.values().stream().filter(b -> b).count();
    }

    private static GroupDescription.GroupProtocol protocolOf(GroupListing l) {
        return switch (l.type().orElse(GroupType.CLASSIC)) {
            case CLASSIC -> GroupDescription.GroupProtocol.CLASSIC;
            case CONSUMER -> GroupDescription.GroupProtocol.CONSUMER;
            case STREAMS -> GroupDescription.GroupProtocol.STREAMS;
            default -> GroupDescription.GroupProtocol.OTHER;
        };
    }

    /**
     * One ListGroups per broker. A broker that does not answer in time costs only its own groups: the
     * others' listings are kept and each failure is counted, so a hung broker makes the snapshot partial
     * rather than the whole cycle fail. Only when nothing at all was listed and something failed does
     * the cycle count as not having reached the cluster (a cluster without any group is then
     * indistinguishable from one where every broker failed).
     */
    private Listing listGroups(Instant at, OfflineCoordinators coordinators, CycleErrors errors) {
        long budget = timeoutMs();
        try {
            // The Admin client times out the brokers that do not answer, so valid() completes in time.
            ListGroupsResult result = admin.listGroups(new ListGroupsOptions().withTypes(LISTED_TYPES)
                    .withProtocolTypes(LISTED_PROTOCOL_TYPES).timeoutMs((int) Math.max(1, budget)));
            Collection<Throwable> failures = result.errors().get(budget + LISTING_GRACE_MS, TimeUnit.MILLISECONDS);
            Collection<GroupListing> all = result.valid().get(LISTING_GRACE_MS, TimeUnit.MILLISECONDS);
            failures.forEach(e -> errors.record(Stage.LIST_GROUPS, e));
            Optional<String> unlisted = coordinators.affected(listed.stream().map(GroupListing::groupId).toList());
            if (unlisted.isPresent()) {
                // Their groups are listed by no broker: without this they would look deleted and vanish.
                failures = List.of(new LeaderNotAvailableException("__consumer_offsets partitions "
                        + coordinators.offline() + " have no leader; they hold group " + unlisted.get()
                        + ", which cannot be listed or read"));
                errors.record(Stage.LIST_GROUPS, failures.iterator().next());
            }
            List<GroupListing> inScope = all.stream().filter(l -> groupFilter.test(l.groupId()))
                    .sorted(java.util.Comparator.comparing(GroupListing::groupId)).toList();
            if (failures.isEmpty()) {
                listed = inScope;
                schedule.made(ReadSchedule.Read.GROUP_LISTING, at);
            } else {
                // Serve what was listed, counted as partial; keep the last complete listing, and list again.
                schedule.again(ReadSchedule.Read.GROUP_LISTING);
            }
            return new Listing(inScope, !all.isEmpty(), true);
        } catch (Exception e) {
            errors.record(Stage.LIST_GROUPS, e);
            schedule.again(ReadSchedule.Read.GROUP_LISTING);
            return new Listing(List.of(), false, false);
        }
    }

    /**
     * Admin calls the consumer and streams groups of {@code listing} need every cycle: committed offsets, and
     * descriptions per protocol in use by a group not listed empty (share groups' answers take turns:
     * {@link ReadSchedule.Read#SHARE_ANSWER}). Each costs a FindCoordinator (the Admin client keeps no
     * coordinators across calls).
     */
    private int groupCalls(List<GroupListing> listing, boolean listEveryCycle) {
        List<GroupListing> consumers = listing.stream().filter(l -> !isShare(l)).toList();
        // One describe call per kind: classic, consumer protocol, streams.
        long protocols = consumers.stream().filter(l -> !(listEveryCycle && skippable(l)))
                .map(KafkaCollector::protocolOf).distinct().count();
        return consumers.isEmpty() ? 0 : 1 + (int) protocols;
    }

    private static boolean isShare(GroupListing listing) {
        return listing.type().orElse(GroupType.CLASSIC) == GroupType.SHARE;
    }

    /** Live brokers as of the last cycle; before the first, the replica holders {@code topics} name. */
    private int brokerCount(List<TopicMetadata> topics) {
        return lastBrokerCount > 0 ? lastBrokerCount : Math.max(1, ClusterReader.replicaHolders(topics).size());
    }

    private void made(boolean planned, ReadSchedule.Read read, Instant at) {
        if (planned) {
            schedule.made(read, at);
        }
    }

    /** Committed offsets of {@code groupIds}; those whose coordinator says they no longer exist go to {@code gone}. */
    private List<GroupOffsets> groupOffsets(List<String> groupIds, Set<String> gone, CycleErrors errors) {
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
                    // A partition with no commit comes back as null: it gets no lag series.
                    if (om != null && topicFilter.test(tp.topic())) {
                        committed.put(Partitions.id(tp), om.offset());
                    }
                });
                out.add(new GroupOffsets(groupId, committed));
            } catch (Exception e) {
                // A group deleted since it was listed is left out, not counted as a failed read:
                // that would carry its last lag over (Stage.groupsUnread).
                if (deleted(e)) {
                    gone.add(groupId);
                } else {
                    errors.record(Stage.GROUP_OFFSETS, e);
                }
            }
        }
        return out;
    }

    /** The coordinator says the group no longer exists: deleted since it was listed. */
    static boolean deleted(Exception e) {
        return e instanceof ExecutionException && e.getCause() instanceof GroupIdNotFoundException;
    }

    private List<TopicMetadata> describeTopics(CycleErrors errors) {
        try {
            // The offsets topic whatever the filter says: its leaders tell whether a listing is whole.
            return metadata.topics(name -> topicFilter.test(name) || name.equals(Topic.GROUP_METADATA_TOPIC_NAME),
                    Duration.ofMillis(Math.max(1, timeoutMs())));
        } catch (RuntimeException e) {
            errors.record(Stage.LIST_TOPICS, e);
            return List.of();
        }
    }

    /**
     * How long the next {@code get} may wait: the request timeout, cut short by the cycle deadline.
     * Past the deadline it is 0, so futures that have not answered fail at once instead of each
     * waiting a full timeout in turn.
     */
    private long timeoutMs() {
        long left = (deadlineNanos - System.nanoTime()) / 1_000_000;
        return Math.max(0, Math.min(settings.requestTimeout().toMillis(), left));
    }

    /** {@link #timeoutMs()} as the budget of a reader that waits on several futures of one request. */
    private Duration budget() {
        return Duration.ofMillis(timeoutMs());
    }
}
