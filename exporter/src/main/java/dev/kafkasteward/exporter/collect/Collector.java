package dev.kafkasteward.exporter.collect;

import dev.kafkasteward.exporter.observation.Observation;
import dev.kafkasteward.exporter.observation.RecordPosition;
import java.util.Collection;

/**
 * The I/O side of a cycle, in two phases: everything the Admin API answers, then the record
 * timestamps analysis asked for. Tests drive the loop with fakes of this.
 */
public interface Collector {

    Observation collect();

    /** The observation with timestamps of {@code positions} added; never throws. */
    default Observation readTimestamps(Observation observation, Collection<RecordPosition> positions) {
        return observation;
    }
}
