package dev.kafkasteward.exporter.core;

import dev.kafkasteward.exporter.lag.LagSnapshot;
import dev.kafkasteward.exporter.replication.ReplicationSnapshot;
import java.time.Instant;

/** What the analyzers made of one observation; immutable, served until the next one replaces it. */
public record Snapshot(Instant at, boolean complete, LagSnapshot lag, ReplicationSnapshot replication) {
}
