package dev.kafkasteward.exporter.deadletter;

import java.util.List;
import java.util.OptionalLong;

/** Per dead-letter topic: totals from offsets, freshness, and cumulative counts by failure reason. */
public record DeadLetterSnapshot(List<TopicStats> topics) {

    public static final DeadLetterSnapshot EMPTY = new DeadLetterSnapshot(List.of());

    public DeadLetterSnapshot {
        topics = List.copyOf(topics);
    }

    /**
     * @param written           records ever written; absent when a partition's offsets could not be read
     *                          this cycle (a partial sum would look like a counter reset)
     * @param retained          records still held; absent likewise
     * @param newestTimestampMs largest record timestamp; absent while the topic is empty
     * @param unread            new records whose headers are not read yet
     * @param read              committed records read since start (the reasons' sum, there from the start)
     * @param skipped           offsets read over since start that held no committed record (aborted
     *                          transactions, their markers, compacted gaps)
     * @param reasons           records read since start, by source topic and reason, sorted
     */
    public record TopicStats(String topic, OptionalLong written, OptionalLong retained,
                             OptionalLong newestTimestampMs, long unread, long read, long skipped,
                             List<ReasonCount> reasons) {
        public TopicStats {
            reasons = List.copyOf(reasons);
        }
    }

    public record ReasonCount(String sourceTopic, String reason, long records) {
    }
}
