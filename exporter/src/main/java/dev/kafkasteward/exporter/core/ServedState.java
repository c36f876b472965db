package dev.kafkasteward.exporter.core;

import java.util.Optional;

/** The pair a scrape reads atomically: the latest snapshot (none before the first) and the status. */
public record ServedState(Optional<Snapshot> snapshot, CollectionStatus status) {
}
