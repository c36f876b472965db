package dev.kafkasteward.exporter.core;

import dev.kafkasteward.exporter.deadletter.DeadLetterSnapshot;
import dev.kafkasteward.exporter.funnel.FunnelSnapshot;
import dev.kafkasteward.exporter.lag.LagSnapshot;
import dev.kafkasteward.exporter.replication.ReplicationSnapshot;
import java.time.Instant;

/** What the analyzers made of one observation; immutable, served until the next one replaces it. */
public record Snapshot(Instant at, boolean complete, LagSnapshot lag, ReplicationSnapshot replication,
                       DeadLetterSnapshot deadLetters, FunnelSnapshot funnels) {

    /** A snapshot without dead letters or funnels. */
    public Snapshot(Instant at, boolean complete, LagSnapshot lag, ReplicationSnapshot replication) {
        this(at, complete, lag, replication, DeadLetterSnapshot.EMPTY, FunnelSnapshot.EMPTY);
    }
}
