package dev.kafkasteward.exporter.core;

import dev.kafkasteward.exporter.lag.LagSnapshot;
import dev.kafkasteward.exporter.replication.ReplicationSnapshot;
import java.time.Instant;
import java.util.Map;

/**
 * What the analyzers made of one cycle; immutable, served until the next one replaces it.
 *
 * @param requests requests the cycle sent to Kafka, by client (admin, consumer)
 */
public record Snapshot(Instant at, boolean complete, LagSnapshot lag, ReplicationSnapshot replication,
                       Map<String, Long> requests) {

    public Snapshot {
        requests = Map.copyOf(requests);
    }
}
