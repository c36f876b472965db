package dev.kafkasteward.exporter.share;

import dev.kafkasteward.exporter.lag.LagSettings;
import dev.kafkasteward.exporter.lag.PartitionStatus;
import dev.kafkasteward.exporter.observation.CycleAnalyzer;
import dev.kafkasteward.exporter.observation.LogOffsets;
import dev.kafkasteward.exporter.observation.Observation;
import dev.kafkasteward.exporter.observation.RecordPosition;
import dev.kafkasteward.exporter.observation.ShareGroupObservation;
import dev.kafkasteward.exporter.observation.ShareGroupObservation.SharePosition;
import dev.kafkasteward.exporter.observation.Stage;
import dev.kafkasteward.exporter.observation.TopicPartitionId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.TreeMap;

/**
 * Share groups across cycles. Backlog is what the broker reports (KIP-1226). Its age is that of the oldest
 * record not acknowledged, at offset max(start offset, log end - backlog): exact while records are acknowledged
 * in order (the broker may keep its start offset at the first record of a batch in flight long after the
 * records before the backlog were acknowledged); with out-of-order acknowledgements the true oldest lies
 * between the start offset and that offset. Each such position's record timestamp is read once (a cycle
 * {@link #plan plans} the reads, as lag does). Status per share-partition: ok without backlog; stopped with backlog and no member in
 * the group; stalled when, with members, the start offset has not moved and no record was acknowledged (the
 * backlog grew by all that arrived, or did not shrink) for {@link LagSettings#stallAfter}; lagging otherwise. A
 * share-partition without a reported backlog (a broker before KIP-1226) gets none of these.
 */
public final class ShareGroupTracker implements CycleAnalyzer<ShareGroupSnapshot> {

    private record Key(String group, TopicPartitionId partition) {
    }

    /**
     * The start offset, backlog and log end (-1: unknown) of the answer asked at {@code askedAt}, and when progress
     * was last seen: the start offset moved, or records were acknowledged (the backlog grew by less than the log
     * end did).
     */
    private record Progress(long startOffset, long backlog, long logEnd, Instant since, Instant askedAt) {
    }

    /**
     * Where the oldest record not acknowledged was placed for the answer asked at {@code askedAt}; placed again
     * only for a newer answer, or once a log end is known ({@code withLogEnd}).
     */
    private record Placed(Instant askedAt, RecordPosition oldest, boolean withLogEnd) {
    }

    private final Duration stallAfter;
    private final Map<Key, Progress> progress = new HashMap<>();
    private final Map<Key, Placed> placed = new HashMap<>();
    /** Timestamps (epoch ms) of the records at the start offsets of the share-partitions with a backlog. */
    private final Map<RecordPosition, Long> stamps = new HashMap<>();

    public ShareGroupTracker(LagSettings settings) {
        this.stallAfter = settings.stallAfter();
    }

    /** The start offsets with a backlog whose record timestamp is not known yet. */
    public List<RecordPosition> plan(Observation adminPhase) {
        java.util.Set<RecordPosition> wanted = new java.util.LinkedHashSet<>();
        for (ShareGroupObservation g : adminPhase.shareGroups().values()) {
            g.partitions().forEach((tp, p) -> {
                if (p.backlog().orElse(0) > 0) {
                    RecordPosition at = place(new Key(g.groupId(), tp), g, p, adminPhase).oldest();
                    if (!stamps.containsKey(at)) {
                        wanted.add(at);
                    }
                }
            });
        }
        return List.copyOf(wanted);
    }

    @Override
    public ShareGroupSnapshot analyze(Observation observation) {
        java.util.Set<RecordPosition> current = new java.util.HashSet<>();
        Map<Key, Placed> placedNow = new HashMap<>();
        observation.shareGroups().values().forEach(g -> g.partitions().forEach((tp, p) -> {
            Key key = new Key(g.groupId(), tp);
            Placed at = place(key, g, p, observation);
            placedNow.put(key, at);
            if (p.backlog().orElse(0) > 0) {
                current.add(at.oldest());
            }
        }));
        // Only the timestamps of the positions share groups wait at (the observation's others are lag's).
        observation.recordTimestamps().forEach((position, ts) -> {
            if (current.contains(position)) {
                stamps.put(position, ts);
            }
        });
        Instant now = observation.at();
        List<ShareGroupSnapshot.Partition> partitions = new ArrayList<>();
        List<ShareGroupSnapshot.Group> groups = new ArrayList<>();
        Map<Key, Progress> seen = new HashMap<>();
        for (ShareGroupObservation g : new TreeMap<>(observation.shareGroups()).values()) {
            Map<String, List<ShareGroupSnapshot.Partition>> byTopic = new TreeMap<>();
            for (var e : new TreeMap<>(g.partitions()).entrySet()) {
                SharePosition p = e.getValue();
                if (p.backlog().isEmpty()) {
                    continue;
                }
                Key key = new Key(g.groupId(), e.getKey());
                LogOffsets log = observation.logOffsets().get(e.getKey());
                Progress before = progress.get(key);
                // Only a new answer tells of progress: a cycle serving an older one learns nothing new.
                Progress now0 = before != null && before.askedAt().equals(g.askedAt()) ? before
                        : progressed(before, p, log == null ? -1 : log.end(), g.askedAt());
                seen.put(key, now0);
                long backlog = p.backlog().getAsLong();
                ShareGroupSnapshot.Partition partition = new ShareGroupSnapshot.Partition(g.groupId(), e.getKey(),
                        p.startOffset(), backlog, age(placedNow.get(key).oldest(), backlog, observation),
                        status(g, backlog, now0, now));
                partitions.add(partition);
                byTopic.computeIfAbsent(e.getKey().topic(), t -> new ArrayList<>()).add(partition);
            }
            Map<String, ShareGroupSnapshot.Totals> topics = new TreeMap<>();
            byTopic.forEach((topic, ps) -> topics.put(topic, totals(ps)));
            groups.add(new ShareGroupSnapshot.Group(g.groupId(), g.state(), g.members().size(), topics,
                    totals(byTopic.values().stream().flatMap(List::stream).toList())));
        }
        // A cycle that listed and read every share group shows all there is: forget the rest. After a failed one,
        // what it did not see is kept (it will be seen again, or forgotten by the next cycle that reads them all).
        if (!observation.errors().containsKey(Stage.LIST_GROUPS.label())
                && !observation.errors().containsKey(Stage.SHARE_GROUPS.label())) {
            progress.clear();
            placed.clear();
            stamps.keySet().retainAll(current);
        }
        progress.putAll(seen);
        placed.putAll(placedNow);
        OptionalDouble answerAge = observation.shareGroups().values().stream()
                .mapToDouble(g -> Math.max(0, Duration.between(g.askedAt(), now).toMillis()) / 1000.0).max();
        return new ShareGroupSnapshot(partitions, groups, answerAge);
    }

    private static Progress progressed(Progress before, SharePosition p, long logEnd, Instant askedAt) {
        long backlog = p.backlog().getAsLong();
        // Records acknowledged since the last answer: what arrived (the log end's growth) less the backlog's growth.
        boolean acknowledged = before != null && logEnd >= 0 && before.logEnd() >= 0
                && (logEnd - before.logEnd()) - (backlog - before.backlog()) > 0;
        if (before == null || before.startOffset() != p.startOffset() || backlog < before.backlog() || acknowledged) {
            return new Progress(p.startOffset(), backlog, logEnd, askedAt, askedAt);
        }
        return new Progress(p.startOffset(), backlog, logEnd, before.since(), askedAt);
    }

    private PartitionStatus status(ShareGroupObservation g, long backlog, Progress progress, Instant now) {
        if (backlog == 0) {
            return PartitionStatus.OK;
        }
        if (g.members().isEmpty()) {
            return PartitionStatus.STOPPED;
        }
        return Duration.between(progress.since(), now).compareTo(stallAfter) >= 0 ? PartitionStatus.STALLED
                : PartitionStatus.LAGGING;
    }

    private OptionalDouble age(RecordPosition oldest, long backlog, Observation observation) {
        if (backlog == 0) {
            return OptionalDouble.of(0);
        }
        Long stamp = stamps.get(oldest);
        return stamp == null ? OptionalDouble.empty()
                : OptionalDouble.of(Math.max(0, observation.at().toEpochMilli() - stamp) / 1000.0);
    }

    /**
     * Where the oldest record not acknowledged is, as far as the start offset, backlog and log end tell: placed
     * once per answer (with the first log end known after it: it may be too new by the records that arrived
     * while the answer was on its way), kept while later cycles serve the same answer.
     */
    private Placed place(Key key, ShareGroupObservation g, SharePosition p, Observation observation) {
        Placed before = placed.get(key);
        if (before != null && before.askedAt().equals(g.askedAt()) && before.withLogEnd()) {
            return before;
        }
        LogOffsets log = observation.logOffsets().get(key.partition());
        long offset = log == null ? p.startOffset()
                : Math.max(p.startOffset(), log.end() - p.backlog().orElse(0));
        return new Placed(g.askedAt(), new RecordPosition(key.partition(), offset), log != null);
    }

    private static ShareGroupSnapshot.Totals totals(List<ShareGroupSnapshot.Partition> partitions) {
        long backlog = partitions.stream().mapToLong(ShareGroupSnapshot.Partition::backlog).sum();
        // With a backlog, the oldest is among the partitions that have one (the others' 0 is no age).
        OptionalDouble max = partitions.stream().filter(p -> p.ageSeconds().isPresent())
                .filter(p -> backlog == 0 || p.backlog() > 0).mapToDouble(p -> p.ageSeconds().getAsDouble()).max();
        return new ShareGroupSnapshot.Totals(backlog, max);
    }
}
