package dev.kafkasteward.exporter.lag;

import dev.kafkasteward.exporter.observation.GroupDescription;
import dev.kafkasteward.exporter.observation.GroupOffsets;
import dev.kafkasteward.exporter.observation.LogOffsets;
import dev.kafkasteward.exporter.observation.Observation;
import dev.kafkasteward.exporter.observation.PartitionReplicas;
import dev.kafkasteward.exporter.observation.TopicConfig;
import dev.kafkasteward.exporter.observation.TopicMetadata;
import dev.kafkasteward.exporter.observation.TopicPartitionId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Lag, lag age, status and totals per group from one observation and the history. Pure: no I/O,
 * and "now" is the observation's time.
 *
 * <p>Lag = log-end − committed. The collector reads committed offsets before log-end offsets, so
 * the difference cannot be negative for a healthy log; a commit past the log end (the topic
 * recreated, the log truncated) has no lag but the status {@code beyond_log_end}. Lag age = now − timestamp of the first record at the committed offset (at
 * log start when retention already removed it); exactly 0 when lag is 0.
 */
public final class LagAnalyzer {

    private final LagSettings settings;

    public LagAnalyzer(LagSettings settings) {
        this.settings = settings;
    }

    public LagAnalyzer() {
        this(LagSettings.DEFAULTS);
    }

    static final String NOT_READ_YET = "not_read_yet";
    static final String FUTURE_TIMESTAMP = "future_timestamp";
    static final String BEYOND_LOG_END = "beyond_log_end";
    /** How far ahead of the exporter's clock a record's timestamp may be and still count as fresh. */
    static final long FUTURE_TOLERANCE_MS = 60_000;

    /** Lag from the observation alone, for callers without history (every age must then be read). */
    public LagSnapshot analyze(Observation observation) {
        LagHistory history = new LagHistory();
        history.observe(observation);
        history.remember(observation.recordTimestamps());
        return analyze(observation, history);
    }

    /** Lag with {@code history} already updated with this observation ({@link LagHistory#observe}). */
    public LagSnapshot analyze(Observation o, LagHistory history) {
        long now = o.at().toEpochMilli();
        Map<String, List<PartitionReplicas>> partitionsByTopic = new HashMap<>();
        for (TopicMetadata t : o.topics()) {
            partitionsByTopic.put(t.name(), t.partitions());
        }
        List<PartitionLag> partitions = new ArrayList<>();
        List<GroupLag> groups = new ArrayList<>();
        for (GroupOffsets g : o.groups()) {
            Optional<GroupDescription> d = Optional.ofNullable(o.descriptions().get(g.groupId()));
            List<PartitionLag> mine = new ArrayList<>();
            new TreeMap<>(g.committed()).forEach((tp, committed) -> {
                LogOffsets log = o.logOffsets().get(tp);
                if (log != null) { // topic gone or unreadable this cycle: no series rather than a guess
                    mine.add(partition(g.groupId(), tp, committed, log, d, history, now, o.topicConfigs()));
                }
            });
            mine.addAll(unassignedWithoutCommit(g, d, partitionsByTopic));
            mine.sort(Comparator.comparing(PartitionLag::partition));
            partitions.addAll(mine);
            groups.add(total(g.groupId(), d, mine));
        }
        partitions.sort(Comparator.comparing(PartitionLag::group).thenComparing(PartitionLag::partition));
        groups.sort(Comparator.comparing(GroupLag::group));
        return new LagSnapshot(partitions, groups);
    }

    private PartitionLag partition(String group, TopicPartitionId tp, long committed, LogOffsets log,
                                   Optional<GroupDescription> d, LagHistory history, long now,
                                   Map<String, TopicConfig> topicConfigs) {
        if (committed > log.end()) {
            // Not 0: the next fetch is out of range and the consumer resets, maybe past records (latest).
            return new PartitionLag(group, tp, OptionalLong.empty(), new LagAge.Unknown(BEYOND_LOG_END), 0,
                    OptionalDouble.empty(), PartitionStatus.BEYOND_LOG_END);
        }
        long lag = log.end() - committed;
        long lost = Math.max(0, log.start() - committed);
        LagAge age = lag == 0 ? new LagAge.Known(0) : age(history, LagHistory.position(tp, committed, log), now);
        LagHistory.CommitMark mark = history.commit(new GroupPartition(group, tp));
        double commitAge = mark == null ? 0 : Math.max(0, now - mark.sinceMs()) / 1000.0;
        PartitionLag p = PartitionLag.committed(group, tp, lag, age, lost, commitAge, status(tp, lag, commitAge, d));
        TopicConfig config = topicConfigs.get(tp.topic());
        if (lag > 0 && age instanceof LagAge.Known known && config != null && config.delete()
                && config.retentionMs() >= 0) {
            // The oldest unread record may go once it is retention.ms old (segment granularity keeps it a
            // little longer, so this errs on the side of warning early).
            p = p.withRetentionHeadroom(Math.max(0, config.retentionMs() / 1000.0 - known.seconds()));
        }
        return p;
    }

    private static LagAge age(LagHistory history, dev.kafkasteward.exporter.observation.RecordPosition p, long now) {
        AgeEstimate e = LagAgeEstimator.estimate(history, p);
        long timestamp;
        if (e instanceof AgeEstimate.Exact x) {
            timestamp = x.timestampMs();
        } else if (e instanceof AgeEstimate.Interpolated i) {
            timestamp = i.timestampMs();
        } else {
            return new LagAge.Unknown(NOT_READ_YET);
        }
        // A record stamped well in the future (a producer's clock, a bad client) would read as age 0 while the
        // group is behind: say so instead. A little ahead is clock skew between hosts: such a record is fresh.
        if (timestamp - now > FUTURE_TOLERANCE_MS) {
            return new LagAge.Unknown(FUTURE_TIMESTAMP);
        }
        return new LagAge.Known(Math.max(0, now - timestamp) / 1000.0);
    }

    private PartitionStatus status(TopicPartitionId tp, long lag, double commitAgeSeconds,
                                   Optional<GroupDescription> d) {
        boolean live = d.map(x -> x.members() > 0).orElse(false);
        if (live && d.get().assignmentKnown() && consumesTopic(d.get(), tp.topic()) && !d.get().assigned().contains(tp)) {
            return PartitionStatus.UNASSIGNED;
        }
        if (lag == 0) {
            return PartitionStatus.OK;
        }
        if (!live || (d.get().assignmentKnown() && !consumesTopic(d.get(), tp.topic()))) {
            return PartitionStatus.STOPPED;
        }
        return commitAgeSeconds >= settings.stallAfter().toSeconds() ? PartitionStatus.STALLED : PartitionStatus.LAGGING;
    }

    private static boolean consumesTopic(GroupDescription d, String topic) {
        return d.assigned().stream().anyMatch(tp -> tp.topic().equals(topic));
    }

    /** Partitions of topics the group consumes that nobody owns and that never saw a commit. */
    private static List<PartitionLag> unassignedWithoutCommit(GroupOffsets g, Optional<GroupDescription> d,
                                                              Map<String, List<PartitionReplicas>> partitionsByTopic) {
        if (d.isEmpty() || d.get().members() == 0 || !d.get().assignmentKnown()) {
            return List.of();
        }
        Set<String> topics = new TreeSet<>();
        d.get().assigned().forEach(tp -> topics.add(tp.topic()));
        List<PartitionLag> out = new ArrayList<>();
        for (String topic : topics) {
            for (PartitionReplicas p : partitionsByTopic.getOrDefault(topic, List.of())) {
                if (!d.get().assigned().contains(p.id()) && !g.committed().containsKey(p.id())) {
                    out.add(new PartitionLag(g.groupId(), p.id(), OptionalLong.empty(), new LagAge.Unknown("no_commit"),
                            0, OptionalDouble.empty(), PartitionStatus.UNASSIGNED));
                }
            }
        }
        return out;
    }

    /** Totals of a group over {@code partitions} (its own; those without a lag count are skipped). */
    static GroupLag total(String group, Optional<GroupDescription> d, List<PartitionLag> partitions) {
        long sum = 0;
        double max = -1;
        double stillMax = -1;
        Map<String, long[]> topicSums = new TreeMap<>();
        Map<String, double[]> topicMax = new TreeMap<>();
        Map<String, double[]> topicStillMax = new TreeMap<>();
        TreeMap<String, Integer> unknown = new TreeMap<>();
        Set<String> seenTopics = new HashSet<>();
        for (PartitionLag p : partitions) {
            if (p.records().isEmpty()) {
                continue;
            }
            String topic = p.partition().topic();
            seenTopics.add(topic);
            long records = p.records().getAsLong();
            sum += records;
            topicSums.computeIfAbsent(topic, k -> new long[1])[0] += records;
            double[] tMax = topicMax.computeIfAbsent(topic, k -> new double[] {-1});
            double[] tStill = topicStillMax.computeIfAbsent(topic, k -> new double[] {-1});
            if (p.age() instanceof LagAge.Known k) {
                max = Math.max(max, k.seconds());
                tMax[0] = Math.max(tMax[0], k.seconds());
                if (p.ageGrowsUntilNextCommit()) {
                    stillMax = Math.max(stillMax, k.seconds());
                    tStill[0] = Math.max(tStill[0], k.seconds());
                }
            } else if (p.age() instanceof LagAge.Unknown u) {
                unknown.merge(u.reason(), 1, Integer::sum);
            }
        }
        TreeMap<String, GroupLag.TopicLag> topics = new TreeMap<>();
        for (String topic : seenTopics) {
            topics.put(topic, new GroupLag.TopicLag(topicSums.get(topic)[0], known(topicMax.get(topic)[0]),
                    known(topicStillMax.get(topic)[0])));
        }
        return new GroupLag(group, d, sum, known(max), topics, unknown, known(stillMax));
    }

    private static OptionalDouble known(double secondsOrNegative) {
        return secondsOrNegative < 0 ? OptionalDouble.empty() : OptionalDouble.of(secondsOrNegative);
    }
}
