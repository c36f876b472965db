package dev.kafkasteward.exporter.gate;

import java.time.Instant;
import java.util.Optional;

/**
 * One stop condition blocking a change, as the gate's recording rules record it.
 *
 * @param condition the condition, e.g. {@code under_replicated_partitions}
 * @param asset     what it is about, as {@code label=value} pairs (topic, broker, group, ...); empty for the cluster
 * @param value     what the condition measures now
 * @param threshold what the value is compared with
 * @param owner     the asset's owner
 * @param since     when the condition started blocking without interruption, when the lookback shows it
 */
record Blocker(String condition, String asset, double value, String threshold, String owner,
               Optional<Instant> since) {
}
