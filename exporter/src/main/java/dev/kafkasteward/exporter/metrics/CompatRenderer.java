package dev.kafkasteward.exporter.metrics;

import static dev.kafkasteward.contract.catalog.CompatMetrics.*;

import dev.kafkasteward.contract.catalog.CompatMetrics;
import dev.kafkasteward.exporter.collect.GroupDescription;
import dev.kafkasteward.exporter.collect.GroupOffsets;
import dev.kafkasteward.exporter.collect.LogOffsets;
import dev.kafkasteward.exporter.collect.PartitionReplicas;
import dev.kafkasteward.exporter.collect.TopicMetadata;
import dev.kafkasteward.exporter.collect.TopicPartitionId;
import dev.kafkasteward.exporter.compat.CompatView;
import dev.kafkasteward.exporter.core.ServedState;
import dev.kafkasteward.exporter.core.Snapshot;
import dev.kafkasteward.exporter.lag.LagAge;
import dev.kafkasteward.exporter.lag.PartitionLag;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.TreeMap;

/**
 * A compatibility profile's series ({@link CompatMetrics}): the other exporter's names and labels
 * with our values, rendered from the served snapshot at each scrape of the profile's path. Ages are
 * as at the scrape, as on {@code /metrics}.
 */
public final class CompatRenderer {

    /** kafka-lag-exporter's member labels for a partition no member owns. */
    private static final String UNKNOWN = "unknown";

    private CompatRenderer() {
    }

    /** The profile's series for the served state; none before the first snapshot. */
    public static MetricSnapshots render(CompatMetrics.Profile profile, String cluster, ServedState served,
                                         Instant now) {
        List<MetricSnapshot> out = new ArrayList<>();
        served.snapshot().ifPresent(s -> {
            if (profile.equals(KAFKA_EXPORTER)) {
                kafkaExporter(s.compat(), out);
            } else if (profile.equals(KAFKA_LAG_EXPORTER)) {
                double elapsed = Math.max(0, Duration.between(s.at(), now).toMillis()) / 1000.0;
                lagExporter(cluster, s, elapsed, out);
            } else {
                throw new IllegalArgumentException("no renderer for profile " + profile.name());
            }
        });
        if (profile.equals(KAFKA_LAG_EXPORTER)) {
            Family poll = new Family(KLE_POLL_TIME);
            served.status().lastDuration().ifPresent(d -> poll.add(d.toMillis(), cluster));
            out.add(poll.build());
        }
        return new MetricSnapshots(out);
    }

    private static void kafkaExporter(CompatView v, List<MetricSnapshot> out) {
        Family brokers = new Family(KE_BROKERS);
        v.liveBrokers().ifPresent(n -> brokers.add(n));
        Family partitions = new Family(KE_TOPIC_PARTITIONS);
        Family current = new Family(KE_CURRENT_OFFSET);
        Family oldest = new Family(KE_OLDEST_OFFSET);
        Family inSync = new Family(KE_IN_SYNC);
        Family leader = new Family(KE_LEADER);
        Family preferred = new Family(KE_LEADER_PREFERRED);
        Family replicas = new Family(KE_REPLICAS);
        Family under = new Family(KE_UNDER_REPLICATED);
        for (TopicMetadata t : v.topics()) {
            partitions.add(t.partitions().size(), t.name());
            for (PartitionReplicas p : t.partitions()) {
                String[] labels = {t.name(), Integer.toString(p.id().partition())};
                LogOffsets offsets = v.logOffsets().get(p.id());
                if (offsets != null) {
                    current.add(offsets.end(), labels);
                    oldest.add(offsets.start(), labels);
                }
                inSync.add(p.isr().size(), labels);
                p.leader().ifPresent(id -> leader.add(id, labels));
                boolean isPreferred = p.leader().isPresent() && !p.replicas().isEmpty()
                        && p.replicas().get(0) == p.leader().getAsInt();
                preferred.add(isPreferred ? 1 : 0, labels);
                replicas.add(p.replicas().size(), labels);
                under.add(p.isr().size() < p.replicas().size() ? 1 : 0, labels);
            }
        }
        Family offset = new Family(KE_GROUP_OFFSET);
        Family offsetSum = new Family(KE_GROUP_OFFSET_SUM);
        Family lag = new Family(KE_LAG);
        Family lagSum = new Family(KE_LAG_SUM);
        for (GroupOffsets g : v.groups()) {
            Map<String, long[]> sums = new TreeMap<>(); // topic -> {offsets, lag}
            for (var e : new TreeMap<>(g.committed()).entrySet()) {
                TopicPartitionId tp = e.getKey();
                long committed = e.getValue();
                String[] labels = {g.groupId(), tp.topic(), Integer.toString(tp.partition())};
                offset.add(committed, labels);
                long[] sum = sums.computeIfAbsent(tp.topic(), k -> new long[2]);
                sum[0] += committed;
                LogOffsets offsets = v.logOffsets().get(tp);
                if (offsets != null && committed <= offsets.end()) {
                    lag.add(offsets.end() - committed, labels);
                    sum[1] += offsets.end() - committed;
                }
            }
            sums.forEach((topic, sum) -> {
                offsetSum.add(sum[0], g.groupId(), topic);
                lagSum.add(sum[1], g.groupId(), topic);
            });
        }
        Family members = new Family(KE_MEMBERS);
        new TreeMap<>(v.descriptions()).forEach((id, d) -> members.add(d.members(), id));
        for (Family f : List.of(brokers, partitions, current, oldest, inSync, leader, preferred, replicas, under,
                offset, offsetSum, lag, lagSum, members)) {
            out.add(f.build());
        }
    }

    private static void lagExporter(String cluster, Snapshot s, double elapsed, List<MetricSnapshot> out) {
        CompatView v = s.compat();
        Map<String, Map<TopicPartitionId, PartitionLag>> lags = new HashMap<>();
        for (PartitionLag p : s.lag().partitions()) {
            lags.computeIfAbsent(p.group(), g -> new HashMap<>()).put(p.partition(), p);
        }
        Family offset = new Family(KLE_GROUP_OFFSET);
        Family lag = new Family(KLE_LAG);
        Family seconds = new Family(KLE_LAG_SECONDS);
        Family maxLag = new Family(KLE_MAX_LAG);
        Family maxSeconds = new Family(KLE_MAX_LAG_SECONDS);
        Family sumLag = new Family(KLE_SUM_LAG);
        Family topicSum = new Family(KLE_TOPIC_SUM_LAG);
        Family latest = new Family(KLE_LATEST_OFFSET);
        Family earliest = new Family(KLE_EARLIEST_OFFSET);
        Map<TopicPartitionId, LogOffsets> committedOn = new TreeMap<>();
        for (GroupOffsets g : v.groups()) {
            GroupDescription d = v.descriptions().get(g.groupId());
            Map<TopicPartitionId, PartitionLag> groupLags = lags.getOrDefault(g.groupId(), Map.of());
            Map<String, Long> perTopic = new TreeMap<>();
            long max = -1;
            long sum = 0;
            OptionalDouble maxAge = OptionalDouble.empty();
            for (var e : new TreeMap<>(g.committed()).entrySet()) {
                TopicPartitionId tp = e.getKey();
                GroupDescription.Member m = d == null ? null : d.owners().get(tp);
                var labels = offset.labels(cluster, g.groupId(), tp.topic(), Integer.toString(tp.partition()),
                        m == null ? UNKNOWN : m.host(), m == null ? UNKNOWN : m.consumerId(),
                        m == null ? UNKNOWN : m.clientId());
                offset.add(e.getValue(), labels);
                LogOffsets offsets = v.logOffsets().get(tp);
                if (offsets == null || e.getValue() > offsets.end()) {
                    continue;
                }
                committedOn.put(tp, offsets);
                long records = offsets.end() - e.getValue();
                lag.add(records, labels);
                max = Math.max(max, records);
                sum += records;
                perTopic.merge(tp.topic(), records, Long::sum);
                PartitionLag p = groupLags.get(tp);
                if (p != null && p.age() instanceof LagAge.Known known) {
                    double age = known.seconds() + (p.ageGrowsUntilNextCommit() ? elapsed : 0);
                    seconds.add(age, labels);
                    maxAge = OptionalDouble.of(Math.max(maxAge.orElse(0), age));
                }
            }
            if (max >= 0) {
                maxLag.add(max, cluster, g.groupId());
                sumLag.add(sum, cluster, g.groupId());
            }
            maxAge.ifPresent(a -> maxSeconds.add(a, cluster, g.groupId()));
            perTopic.forEach((topic, n) -> topicSum.add(n, cluster, g.groupId(), topic));
        }
        committedOn.forEach((tp, o) -> {
            latest.add(o.end(), cluster, tp.topic(), Integer.toString(tp.partition()));
            earliest.add(o.start(), cluster, tp.topic(), Integer.toString(tp.partition()));
        });
        for (Family f : List.of(offset, lag, seconds, maxLag, maxSeconds, sumLag, topicSum, latest, earliest)) {
            out.add(f.build());
        }
    }
}
