package dev.kafkasteward.exporter.lag;

import dev.kafkasteward.exporter.collect.GroupOffsets;
import dev.kafkasteward.exporter.collect.LogOffsets;
import dev.kafkasteward.exporter.collect.Observation;
import dev.kafkasteward.exporter.collect.RecordPosition;
import dev.kafkasteward.exporter.collect.TopicPartitionId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Lag in records and lag age per group and partition, from one observation. Pure: "now" is the
 * observation's time.
 *
 * <p>Lag = log-end − committed. The collector reads committed offsets before log-end offsets, so
 * the difference cannot be negative for a healthy log; should a log be truncated below a commit,
 * lag is clamped to 0. Lag age = now − timestamp of the first record at the committed offset (or
 * at log-start, when retention already removed the committed one); 0 when lag is 0.
 */
public final class LagAnalyzer {

    public LagSnapshot analyze(Observation observation) {
        long nowMs = observation.at().toEpochMilli();
        List<PartitionLag> out = new ArrayList<>();
        for (GroupOffsets group : observation.groups()) {
            Map<TopicPartitionId, Long> sorted = new TreeMap<>(group.committed());
            sorted.forEach((tp, committed) -> {
                LogOffsets log = observation.logOffsets().get(tp);
                if (log == null) {
                    return; // topic gone or offsets unreadable this cycle: no series rather than a guess
                }
                long lag = Math.max(0, log.end() - committed);
                out.add(new PartitionLag(group.groupId(), tp, lag, age(observation, tp, committed, log, lag, nowMs)));
            });
        }
        out.sort(Comparator.comparing(PartitionLag::group).thenComparing(PartitionLag::partition));
        return new LagSnapshot(out);
    }

    private static LagAge age(Observation o, TopicPartitionId tp, long committed, LogOffsets log, long lag, long nowMs) {
        if (lag == 0) {
            return new LagAge.Known(0);
        }
        Long timestamp = o.recordTimestamps().get(new RecordPosition(tp, Math.max(committed, log.start())));
        if (timestamp == null) {
            return new LagAge.Unknown("timestamp_not_read");
        }
        // A producer clock ahead of ours would give a negative age; the record is simply fresh.
        return new LagAge.Known(Math.max(0, nowMs - timestamp) / 1000.0);
    }
}
