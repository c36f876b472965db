package dev.kafkasteward.exporter.change;

import java.util.OptionalDouble;

/**
 * How far a topic's reassignment is: the batch of its partitions that started moving since it last had none,
 * those that finished counted as fully copied. A finished batch stays for {@link ReassignmentTracker#FINISHED_KEPT}
 * at 100 %, so its end is seen, then goes.
 *
 * @param partitions       partitions of the batch, moving or finished
 * @param moving           of which still moving
 * @param adding           replicas being added to the moving ones
 * @param removing         replicas being removed from the moving ones
 * @param targetBytes      bytes to copy in all: finished partitions' last target plus the moving ones' known targets
 * @param copiedBytes      bytes copied: finished partitions' targets plus what the moving ones hold
 * @param bytesKnown       every moving partition's bytes are known
 * @param bytesPerSecond   sum of the moving partitions' copy rates; empty while none is known
 * @param remainingSeconds bytes left over that rate (copies run side by side); 0 once finished
 */
public record TopicProgress(int partitions, int moving, int adding, int removing, long targetBytes, long copiedBytes,
                            boolean bytesKnown, OptionalDouble bytesPerSecond, OptionalDouble remainingSeconds) {

    public boolean finished() {
        return moving == 0;
    }

    /** Copied over target; with no bytes to copy, the share of partitions finished. */
    public double progress() {
        if (finished()) {
            return 1.0;
        }
        if (targetBytes > 0) {
            return Math.min(1.0, (double) copiedBytes / targetBytes);
        }
        return (double) (partitions - moving) / partitions;
    }
}
