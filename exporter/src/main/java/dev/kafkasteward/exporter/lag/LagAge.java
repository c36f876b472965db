package dev.kafkasteward.exporter.lag;

/** Lag age of a partition: known in seconds, or explicitly unknown with a reason, never a silent 0. */
public sealed interface LagAge {

    record Known(double seconds) implements LagAge {
    }

    /** {@code reason} is a short label value, e.g. {@code timestamp_not_read}. */
    record Unknown(String reason) implements LagAge {
    }
}
