package dev.kafkasteward.exporter.metrics;

import static dev.kafkasteward.contract.catalog.CompatMetrics.*;

import dev.kafkasteward.exporter.compat.CompatView;
import dev.kafkasteward.exporter.observation.GroupOffsets;
import dev.kafkasteward.exporter.observation.LogOffsets;
import dev.kafkasteward.exporter.observation.PartitionReplicas;
import dev.kafkasteward.exporter.observation.TopicMetadata;
import dev.kafkasteward.exporter.observation.TopicPartitionId;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The kafka_exporter profile: its names and labels, no cluster label, from the raw positions a snapshot keeps. */
final class KafkaExporterProfile {

    private KafkaExporterProfile() {
    }

    static void render(CompatView v, List<MetricSnapshot> out) {
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

}
