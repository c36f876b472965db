package dev.kafkasteward.contract.testing;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;

/** Bounded polling for conditions in integration tests. */
public final class Await {

    private Await() {
    }

    /** Polls {@code check} until it returns true, failing with {@code what} after {@code limit}. */
    public static void until(Duration limit, String what, Callable<Boolean> check) throws Exception {
        Instant deadline = Instant.now().plus(limit);
        Exception last = null;
        while (Instant.now().isBefore(deadline)) {
            try {
                if (Boolean.TRUE.equals(check.call())) {
                    return;
                }
            } catch (Exception e) {
                last = e;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("timed out after " + limit + " waiting for: " + what
                + (last != null ? " (last error: " + last + ")" : ""));
    }
}
