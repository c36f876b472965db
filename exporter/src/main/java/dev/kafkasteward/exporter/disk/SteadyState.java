package dev.kafkasteward.exporter.disk;

/** Where a log dir's Kafka data levels off if every topic keeps its current byte rate. */
public sealed interface SteadyState {

    Unbounded UNBOUNDED = new Unbounded();

    /** Levels off at {@code bytes}. */
    record Bounded(double bytes) implements SteadyState {
    }

    /** A growing topic has neither a time nor a size limit: it never levels off. */
    record Unbounded() implements SteadyState {
    }

    /** Some topic's byte rate or config is not known yet. */
    record Unknown(String reason) implements SteadyState {
    }
}
