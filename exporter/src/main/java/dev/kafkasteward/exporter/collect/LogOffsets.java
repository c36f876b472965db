package dev.kafkasteward.exporter.collect;

/** Log-start and log-end offsets of a partition at one moment. */
public record LogOffsets(long start, long end) {
}
