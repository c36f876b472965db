package dev.kafkasteward.signals;

/** A recording rule: the result of {@code expr} stored as the series {@code record}. */
public record Recording(String record, String expr) {
}
