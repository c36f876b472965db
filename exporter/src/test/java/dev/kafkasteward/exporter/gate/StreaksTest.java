package dev.kafkasteward.exporter.gate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StreaksTest {

    private static final Instant T = Instant.parse("2026-12-07T12:00:00Z");
    private static final Duration STEP = Duration.ofSeconds(15);

    private static Instant at(int seconds) {
        return T.plusSeconds(seconds);
    }

    @Test
    void theRunEndingNowStartsAfterTheLastGap() {
        assertEquals(Optional.of(at(60)), Streaks.start(List.of(at(0), at(15), at(60), at(75), at(90)), STEP));
    }

    @Test
    void anUnbrokenRunStartsAtTheFirstSample() {
        assertEquals(Optional.of(at(0)), Streaks.start(List.of(at(0), at(15), at(30)), STEP));
        assertEquals(Optional.of(at(0)), Streaks.start(List.of(at(0), at(22)), STEP), "within 1.5 steps");
    }

    @Test
    void noSamplesNoStart() {
        assertEquals(Optional.empty(), Streaks.start(List.of(), STEP));
    }
}
