package dev.kafkasteward.exporter.lag;

/** When the record at a committed offset was written, as far as the exporter knows. */
sealed interface AgeEstimate {

    /** Read from the record itself. */
    record Exact(long timestampMs) implements AgeEstimate {
    }

    /** Interpolated from log-end observations; the true time lies in an interval {@code widthMs} wide. */
    record Interpolated(long timestampMs, long widthMs) implements AgeEstimate {
    }

    /** Older than anything observed (cold start, long stall): only a read can tell. */
    record Unbracketed() implements AgeEstimate {
    }
}
