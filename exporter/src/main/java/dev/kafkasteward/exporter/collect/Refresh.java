package dev.kafkasteward.exporter.collect;

import java.time.Duration;
import java.time.Instant;

/** When a read that is cached between cycles is due again: the one rule the cached readers share. */
final class Refresh {

    private Refresh() {
    }

    /** Due once {@code every} has passed since {@code last} ({@link Instant#MIN}: never read). */
    static boolean due(Instant last, Duration every, Instant now) {
        return !now.isBefore(last.plus(every));
    }
}
