package dev.kafkasteward.exporter.observation;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What one cycle read about the dead-letter topics: offsets per partition (from which records
 * written and retained follow), the newest record timestamp per partition, and the failure headers
 * of records written since the previous read.
 */
public record DeadLetterObservation(List<Topic> topics) {

    public static final DeadLetterObservation EMPTY = new DeadLetterObservation(List.of());

    public DeadLetterObservation {
        topics = List.copyOf(topics);
    }

    /**
     * One dead-letter topic as resolved from ownership.yml (a name, or a topic matching a pattern).
     *
     * @param reasonHeader     the ownership's {@code reason_header}
     * @param sourceTopic      the ownership's {@code source_topic}
     * @param partitions       partition count from metadata
     * @param offsets          log-start/end per partition; a partition is missing when its read failed
     * @param newestTimestamps largest record timestamp (epoch ms) per non-empty partition
     * @param unread           records written since the exporter started not read for headers yet
     * @param newRecords       failure headers of the records read this cycle
     */
    public record Topic(String topic, Optional<String> reasonHeader, Optional<String> sourceTopic, int partitions,
                        Map<Integer, LogOffsets> offsets, Map<Integer, Long> newestTimestamps, long unread,
                        long skipped, List<NewRecord> newRecords) {
        public Topic {
            offsets = Map.copyOf(offsets);
            newestTimestamps = Map.copyOf(newestTimestamps);
            newRecords = List.copyOf(newRecords);
        }
    }

    /** The failure-related headers (UTF-8, only the names asked for) of one dead-letter record. */
    public record NewRecord(int partition, long offset, Map<String, String> headers) {
        public NewRecord {
            headers = Map.copyOf(headers);
        }
    }
}
