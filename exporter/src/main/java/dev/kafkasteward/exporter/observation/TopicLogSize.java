package dev.kafkasteward.exporter.observation;

/** Bytes of one topic in one log dir, and how many of its partition replicas (current or future) they span. */
public record TopicLogSize(long bytes, int replicas) {
}
