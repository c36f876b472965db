package dev.kafkasteward.exporter.change;

import dev.kafkasteward.exporter.observation.TopicPartitionId;
import java.util.List;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * How far one partition's reassignment is. Bytes are known once the log dirs of its leader and of every
 * adding replica were read since it started.
 *
 * @param adding           brokers receiving a new replica
 * @param removing         brokers losing theirs once the new ones are in sync
 * @param targetBytes      bytes the adding replicas must hold: the leader's log size, once per adding replica
 * @param copiedBytes      bytes the adding replicas hold so far (each counted up to the leader's size)
 * @param bytesPerSecond   copy rate over the last samples; empty until two samples
 * @param remainingSeconds what is left at that rate; empty while the rate is unknown or zero
 */
public record PartitionProgress(TopicPartitionId id, List<Integer> adding, List<Integer> removing,
                                OptionalLong targetBytes, OptionalLong copiedBytes, OptionalDouble bytesPerSecond,
                                OptionalDouble remainingSeconds) {

    public PartitionProgress {
        adding = List.copyOf(adding);
        removing = List.copyOf(removing);
    }

    /** Copied over target; 1 for an empty log. Empty while the bytes are unknown. */
    public OptionalDouble progress() {
        if (targetBytes.isEmpty() || copiedBytes.isEmpty()) {
            return OptionalDouble.empty();
        }
        long target = targetBytes.getAsLong();
        return OptionalDouble.of(target == 0 ? 1.0 : Math.min(1.0, (double) copiedBytes.getAsLong() / target));
    }
}
