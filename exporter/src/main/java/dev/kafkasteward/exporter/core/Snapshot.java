package dev.kafkasteward.exporter.core;

import dev.kafkasteward.exporter.disk.DiskSnapshot;
import dev.kafkasteward.exporter.lag.LagSnapshot;
import dev.kafkasteward.exporter.replication.ReplicationSnapshot;
import java.time.Instant;

/**
 * What the analyzers made of one observation; immutable, served until the next one replaces it. It
 * also carries the state the next analysis starts from (the disk history).
 */
public record Snapshot(Instant at, boolean complete, LagSnapshot lag, ReplicationSnapshot replication,
                       DiskSnapshot disk) {

    /** A snapshot without disk data. */
    public Snapshot(Instant at, boolean complete, LagSnapshot lag, ReplicationSnapshot replication) {
        this(at, complete, lag, replication, DiskSnapshot.EMPTY);
    }
}
