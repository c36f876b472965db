package dev.kafkasteward.exporter.gate;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** When a series' current run of samples began: walking back from its newest sample until a gap. */
final class Streaks {

    private Streaks() {
    }

    /**
     * The first sample of the unbroken run that ends with the newest one, sampled every {@code step} (a gap is
     * more than one and a half steps); empty without samples.
     */
    static Optional<Instant> start(List<Instant> samples, Duration step) {
        if (samples.isEmpty()) {
            return Optional.empty();
        }
        long gapMillis = step.toMillis() * 3 / 2;
        Instant start = samples.get(samples.size() - 1);
        for (int i = samples.size() - 2; i >= 0; i--) {
            if (Duration.between(samples.get(i), start).toMillis() > gapMillis) {
                break;
            }
            start = samples.get(i);
        }
        return Optional.of(start);
    }
}
