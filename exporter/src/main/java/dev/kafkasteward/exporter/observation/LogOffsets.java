package dev.kafkasteward.exporter.observation;

/** Log-start and log-end offsets of a partition at one moment. */
public record LogOffsets(long start, long end) {
}
