package dev.kafkasteward.exporter.observation;

/**
 * What every analyzer is: it turns each cycle's complete {@link Observation} into its part of the snapshot.
 * What it learns between cycles (lag history, disk samples, reassignment progress, dead-letter counters) it
 * keeps in its own fields, changed only by {@link #analyze}; nothing else holds or passes it in. It forgets
 * what a complete observation no longer shows (a group gone, a log dir a window silent, a topic no longer
 * declared), which is also how a reloaded ownership.yml reaches it: the reload changes what the next cycle
 * observes, and no other reset is needed. One instance per collection loop; not thread-safe.
 *
 * @param <T> the part of the snapshot it produces
 */
public interface CycleAnalyzer<T> {

    T analyze(Observation observation);
}
