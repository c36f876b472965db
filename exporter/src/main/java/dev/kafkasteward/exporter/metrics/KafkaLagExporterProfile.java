package dev.kafkasteward.exporter.metrics;

import static dev.kafkasteward.contract.catalog.CompatMetrics.*;

import dev.kafkasteward.exporter.compat.CompatView;
import dev.kafkasteward.exporter.core.ServedState;
import dev.kafkasteward.exporter.core.Snapshot;
import dev.kafkasteward.exporter.lag.LagAge;
import dev.kafkasteward.exporter.lag.PartitionLag;
import dev.kafkasteward.exporter.observation.GroupDescription;
import dev.kafkasteward.exporter.observation.GroupOffsets;
import dev.kafkasteward.exporter.observation.LogOffsets;
import dev.kafkasteward.exporter.observation.TopicPartitionId;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.TreeMap;

/**
 * The kafka-lag-exporter profile: its names with {@code cluster_name} and the member labels, lag in
 * seconds as at the scrape.
 */
final class KafkaLagExporterProfile {

    /** kafka-lag-exporter's member labels for a partition no member owns. */
    private static final String UNKNOWN = "unknown";

    private KafkaLagExporterProfile() {
    }

    static void render(String cluster, ServedState served, Instant now, List<MetricSnapshot> out) {
        served.snapshot().ifPresent(s -> series(cluster, s,
                Math.max(0, Duration.between(s.at(), now).toMillis()) / 1000.0, out));
        Family poll = new Family(KLE_POLL_TIME);
        served.status().lastDuration().ifPresent(d -> poll.add(d.toMillis(), cluster));
        out.add(poll.build());
    }

    private static void series(String cluster, Snapshot s, double elapsed, List<MetricSnapshot> out) {
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
