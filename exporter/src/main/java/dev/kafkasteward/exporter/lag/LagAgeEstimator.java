package dev.kafkasteward.exporter.lag;

import dev.kafkasteward.exporter.observation.GroupOffsets;
import dev.kafkasteward.exporter.observation.LogOffsets;
import dev.kafkasteward.exporter.observation.Observation;
import dev.kafkasteward.exporter.observation.RecordPosition;
import dev.kafkasteward.exporter.observation.TopicPartitionId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Lag age from the history, and which record timestamps are worth a read. A read is wanted where
 * the history cannot bracket the committed offset, or brackets it more loosely than the precision
 * promised — max(1 s, 2 % of the age); reads go to the loosest estimates first, within a budget of
 * partitions.
 */
public final class LagAgeEstimator {

    private LagAgeEstimator() {
    }

    static AgeEstimate estimate(LagHistory history, RecordPosition position) {
        Long exact = history.exactTimestamp(position);
        if (exact != null) {
            return new AgeEstimate.Exact(exact);
        }
        OffsetTimeline timeline = history.timeline(position.partition());
        OffsetTimeline.Bracket b = timeline == null ? null : timeline.bracket(position.offset());
        return b == null ? new AgeEstimate.Unbracketed() : new AgeEstimate.Interpolated(b.estimateMs(), b.widthMs());
    }

    /** Tolerance of a lag age, in ms: max(1 s, 2 %). */
    static long toleranceMs(long ageMs) {
        return Math.max(1000, ageMs / 50);
    }

    /**
     * Positions to read this cycle, most needed first, in at most {@code budget} partitions. The
     * budget counts partitions because a read costs a fetch per partition: several groups' positions
     * in one partition are answered by the same fetch when they are close (a read that does not
     * reach the higher ones leaves them for a later cycle).
     */
    public static List<RecordPosition> readsWanted(Observation o, LagHistory history, int budget) {
        long now = o.at().toEpochMilli();
        Map<RecordPosition, Double> need = new LinkedHashMap<>();
        for (GroupOffsets g : o.groups()) {
            g.committed().forEach((tp, committed) -> {
                LogOffsets log = o.logOffsets().get(tp);
                if (log == null || committed >= log.end()) {
                    return; // caught up: age is exactly 0, nothing to read
                }
                RecordPosition p = LagHistory.position(tp, committed, log);
                AgeEstimate e = estimate(history, p);
                double score;
                if (e instanceof AgeEstimate.Unbracketed) {
                    score = Double.MAX_VALUE;
                } else if (e instanceof AgeEstimate.Interpolated i) {
                    score = (i.widthMs() / 2.0) / toleranceMs(Math.max(0, now - i.timestampMs()));
                } else {
                    return;
                }
                if (score > 1.0) {
                    need.merge(p, score, Math::max);
                }
            });
        }
        List<Map.Entry<RecordPosition, Double>> ranked = new ArrayList<>(need.entrySet());
        ranked.sort(Map.Entry.<RecordPosition, Double>comparingByValue(Comparator.reverseOrder())
                .thenComparing(e -> e.getKey().partition())
                .thenComparingLong(e -> e.getKey().offset()));
        Set<TopicPartitionId> partitions = new HashSet<>();
        List<RecordPosition> out = new ArrayList<>();
        for (Map.Entry<RecordPosition, Double> e : ranked) {
            TopicPartitionId tp = e.getKey().partition();
            if (partitions.contains(tp) || partitions.size() < budget) {
                partitions.add(tp);
                out.add(e.getKey());
            }
        }
        return out;
    }
}
