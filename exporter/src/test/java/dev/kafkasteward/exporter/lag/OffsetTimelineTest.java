package dev.kafkasteward.exporter.lag;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class OffsetTimelineTest {

    @Test
    void interpolatesWithinTheIntervalAnOffsetWasWrittenIn() {
        OffsetTimeline t = new OffsetTimeline(8);
        t.observe(100, 10_000);
        t.observe(200, 20_000); // offsets 100..199 written in (10 s, 20 s]

        OffsetTimeline.Bracket b = t.bracket(150);

        assertEquals(15_050, b.estimateMs());
        assertEquals(10_000, b.widthMs());
    }

    @Test
    void offsetsOlderThanTheTableOrNotYetWrittenAreNotBracketed() {
        OffsetTimeline t = new OffsetTimeline(8);
        t.observe(100, 10_000);
        t.observe(200, 20_000);

        assertNull(t.bracket(99), "cold start: before the first observation");
        assertNull(t.bracket(200), "at the log end: not written yet");
    }

    @Test
    void anIdlePartitionTightensTheLowerBoundOfTheNextRecord() {
        OffsetTimeline t = new OffsetTimeline(8);
        t.observe(100, 10_000);
        t.observe(100, 50_000); // nothing new for 40 s
        t.observe(101, 51_000);

        OffsetTimeline.Bracket b = t.bracket(100);

        assertEquals(1_000, b.widthMs(), "record 100 was written in (50 s, 51 s], not in (10 s, 51 s]");
        assertEquals(2, t.size());
    }

    @Test
    void aTruncatedOrRecreatedLogStartsOver() {
        OffsetTimeline t = new OffsetTimeline(8);
        t.observe(500, 10_000);
        t.observe(600, 20_000);
        t.observe(5, 30_000);

        assertEquals(1, t.size());
        assertNull(t.bracket(550));
    }

    @Test
    void staysBoundedAndKeepsPrecisionWhereThePaceChanged() {
        OffsetTimeline t = new OffsetTimeline(16);
        long offset = 0;
        // 1,000 cycles of 1 s: steady 10 records/s, except a burst of 5,000 records at cycle 700.
        for (int cycle = 0; cycle < 1_000; cycle++) {
            offset += cycle == 700 ? 5_000 : 10;
            t.observe(offset, cycle * 1_000L);
        }

        assertEquals(16, t.size());
        // A record of the burst: written in (699 s, 700 s].
        OffsetTimeline.Bracket burst = t.bracket(7_000 + 2_500);
        assertTrue(Math.abs(burst.estimateMs() - 699_500) <= 1_000, "burst estimate " + burst.estimateMs());
        // A steady old record: offset 2,000 was written at about 199 s.
        OffsetTimeline.Bracket old = t.bracket(2_000);
        assertTrue(Math.abs(old.estimateMs() - 199_000) <= 0.02 * (1_000_000 - 199_000),
                "old estimate " + old.estimateMs() + " within 2 % of its age");
    }
}
