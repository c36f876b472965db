package dev.kafkasteward.exporter.collect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kafkasteward.exporter.collect.ReadSchedule.Read;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ReadScheduleTest {

    private static final Instant START = Instant.parse("2026-11-22T10:00:00Z");
    private static final Duration INTERVAL = Duration.ofSeconds(15);
    /** Classic groups only: offsets and DescribeGroups, each with its FindCoordinator. */
    private static final int GROUP_CALLS = 2;

    private static ReadSchedule schedule(int requestsPerBroker) {
        return new ReadSchedule(requestsPerBroker, 4, Duration.ofSeconds(30), Duration.ofMinutes(5));
    }

    /** The reads of each cycle, {@code cycles} cycles {@link #INTERVAL} apart, every planned read made. */
    private static List<Set<Read>> run(ReadSchedule schedule, int brokers, int cycles) {
        List<Set<Read>> out = new ArrayList<>();
        for (int i = 0; i < cycles; i++) {
            Instant now = START.plus(INTERVAL.multipliedBy(i));
            Set<Read> reads = schedule.plan(now, brokers, ReadSchedule.fixedCost(brokers, GROUP_CALLS, false));
            reads.forEach(r -> schedule.made(r, now));
            out.add(reads);
        }
        return out;
    }

    private static int requests(Set<Read> reads, int brokers) {
        return ReadSchedule.fixedCost(brokers, GROUP_CALLS, false)
                + reads.stream().mapToInt(r -> ReadSchedule.cost(r, brokers)).sum();
    }

    /** Most cycles between two makings of each read, over {@code cycles}. */
    private static Map<Read, Integer> longestGaps(List<Set<Read>> cycles) {
        Map<Read, Integer> last = new EnumMap<>(Read.class);
        Map<Read, Integer> gaps = new EnumMap<>(Read.class);
        for (int i = 0; i < cycles.size(); i++) {
            for (Read r : cycles.get(i)) {
                if (last.containsKey(r)) {
                    gaps.merge(r, i - last.get(r), Math::max);
                }
                last.put(r, i);
            }
        }
        return gaps;
    }

    @Test
    void theFirstCycleMakesEveryReadWhateverTheBudget() {
        assertEquals(EnumSet.complementOf(EnumSet.of(Read.PROGRESS, Read.SHARE_ANSWER)), schedule(6).plan(START, 3, 1_000),
                "progress only follows a reassignment");
    }

    @Test
    void onThreeBrokersEveryWarmCycleStaysWithinSixRequestsPerBroker() {
        List<Set<Read>> cycles = run(schedule(6), 3, 400);
        assertEquals(3 * 3 + 4, ReadSchedule.fixedCost(3, GROUP_CALLS, false),
                "OffsetFetch, DescribeGroups, ListOffsets per broker; 2 FindCoordinator, DescribeCluster, quorum");
        for (int i = 1; i < cycles.size(); i++) {
            int requests = requests(cycles.get(i), 3);
            assertTrue(requests <= 18, "cycle " + i + " sends " + requests + ": " + cycles.get(i));
        }
    }

    @Test
    void theLongestWaitingReadGoesFirstSoNoneWaitsMoreThanOneCyclePerOtherRead() {
        Map<Read, Integer> gaps = longestGaps(run(schedule(6), 3, 400));
        // Due, a read waits only for the reads due before it: at most the three others, one per cycle.
        assertTrue(gaps.get(Read.GROUP_LISTING) <= 1 + 3, "listing: " + gaps);
        assertTrue(gaps.get(Read.PLACEMENT) <= 2 + 3, "placement (30 s = 2 cycles): " + gaps);
        assertTrue(gaps.get(Read.LOG_STARTS) <= 4 + 3, "log starts (every 4 cycles): " + gaps);
        assertTrue(gaps.get(Read.TOPIC_CONFIGS) <= 20 + 3, "topic configs (5 min = 20 cycles): " + gaps);
    }

    @Test
    void withoutABudgetEveryReadIsMadeWhenDue() {
        List<Set<Read>> cycles = run(schedule(0), 3, 41);
        for (int i = 0; i < cycles.size(); i++) {
            Set<Read> reads = cycles.get(i);
            assertTrue(reads.contains(Read.GROUP_LISTING), "cycle " + i);
            assertEquals(i % 4 == 0, reads.contains(Read.LOG_STARTS), "cycle " + i);
            assertEquals(i % 2 == 0, reads.contains(Read.PLACEMENT), "cycle " + i);
            assertEquals(i % 20 == 0, reads.contains(Read.TOPIC_CONFIGS), "cycle " + i);
            assertEquals(i % 20 == 0, reads.contains(Read.SETTINGS), "cycle " + i);
            assertFalse(reads.contains(Read.PROGRESS), "cycle " + i + ": nothing is being reassigned");
        }
    }

    @Test
    void aBudgetTheLagReadsAlreadyExceedStillMakesOneDueReadPerCycle() {
        // One broker: 7 requests for lag against a budget of 6. Each cycle makes exactly one periodic read.
        List<Set<Read>> cycles = run(schedule(6), 1, 100);
        for (int i = 1; i < cycles.size(); i++) {
            assertEquals(1, cycles.get(i).size(), "cycle " + i + ": " + cycles.get(i));
        }
        assertEquals(EnumSet.complementOf(EnumSet.of(Read.PROGRESS, Read.SHARE_ANSWER)), longestGaps(cycles).keySet(),
                "every read is made again");
    }

    @Test
    void aReadAskedAgainGoesInTheNextCycleOverTheBudget() {
        ReadSchedule schedule = schedule(6);
        List<Set<Read>> warm = run(schedule, 3, 2);
        assertTrue(warm.get(1).contains(Read.GROUP_LISTING), "due since the first cycle: " + warm.get(1));
        Instant third = START.plus(INTERVAL.multipliedBy(2));
        // A failed listing goes at once; placement, due since this instant, goes as the first due read.
        schedule.again(Read.GROUP_LISTING);
        Set<Read> reads = schedule.plan(third, 3, ReadSchedule.fixedCost(3, GROUP_CALLS, false));
        assertEquals(EnumSet.of(Read.PLACEMENT, Read.GROUP_LISTING), reads);
        assertTrue(requests(reads, 3) > 18, "over the budget: " + requests(reads, 3));
        reads.forEach(r -> schedule.made(r, third));
        assertEquals(EnumSet.of(Read.GROUP_LISTING),
                schedule.plan(third.plus(INTERVAL), 3, ReadSchedule.fixedCost(3, GROUP_CALLS, false)),
                "made, it is no longer urgent");
    }

    @Test
    void whileAReassignmentRunsItsProgressTakesTurnsWithTheListingWithinTheBudget() {
        ReadSchedule schedule = schedule(6);
        run(schedule, 3, 2);
        int fixed = ReadSchedule.fixedCost(3, GROUP_CALLS, true);
        List<Set<Read>> cycles = new ArrayList<>();
        for (int i = 2; i < 40; i++) {
            Instant now = START.plus(INTERVAL.multipliedBy(i));
            Set<Read> reads = schedule.plan(now, 3, fixed, true);
            reads.forEach(r -> schedule.made(r, now));
            cycles.add(reads);
            int requests = fixed + reads.stream().mapToInt(r -> ReadSchedule.cost(r, 3)).sum();
            assertTrue(requests <= 18, "cycle " + i + " sends " + requests + ": " + reads);
        }
        Map<Read, Integer> gaps = longestGaps(cycles);
        assertTrue(gaps.get(Read.PROGRESS) <= 1 + 4, "progress, due every cycle, waits for the others: " + gaps);
        assertTrue(gaps.get(Read.GROUP_LISTING) <= 1 + 4, "the listing still comes round: " + gaps);
    }

    /**
     * A share-group answer with both calls (offsets and descriptions: 8 requests on 3 brokers) never fits beside the
     * lag's 13, so it goes when it has waited longest, alone, as any read does that does not fit.
     */
    @Test
    void aShareGroupAnswerTakesTurnsWithTheOtherReadsAndIsNotPlannedWhileOneIsInFlight() {
        ReadSchedule schedule = schedule(6);
        schedule.shareAnswer(2);
        run(schedule, 3, 2); // the first answer goes at once, as every read never made
        int fixed = ReadSchedule.fixedCost(3, GROUP_CALLS, false);
        List<Set<Read>> cycles = new ArrayList<>();
        for (int i = 2; i < 40; i++) {
            Instant now = START.plus(INTERVAL.multipliedBy(i));
            // An answer asked in one cycle arrives in the next: none is wanted in between.
            boolean idle = cycles.isEmpty() || !cycles.get(cycles.size() - 1).contains(Read.SHARE_ANSWER);
            schedule.shareAnswer(idle ? 2 : 0);
            Set<Read> reads = schedule.plan(now, 3, fixed);
            reads.forEach(r -> schedule.made(r, now));
            cycles.add(reads);
            int requests = fixed + reads.stream().mapToInt(r -> schedule.costOf(r, 3)).sum();
            assertTrue(requests <= 18 || reads.size() == 1, "cycle " + i + " sends " + requests + ": " + reads);
            assertFalse(!idle && reads.contains(Read.SHARE_ANSWER), "cycle " + i + ": an answer is in flight");
        }
        Map<Read, Integer> gaps = longestGaps(cycles);
        assertTrue(gaps.get(Read.SHARE_ANSWER) <= 2 + 4, "the share answer comes round: " + gaps);
        assertTrue(gaps.get(Read.GROUP_LISTING) <= 1 + 4, "and the listing: " + gaps);
    }

    @Test
    void moreBrokersLeaveRoomForSeveralReadsInOneCycle() {
        // Six brokers: 22 requests for lag, 36 allowed; listing (7) and placement (7) both fit.
        ReadSchedule schedule = schedule(6);
        run(schedule, 6, 2);
        Set<Read> reads = schedule.plan(START.plus(INTERVAL.multipliedBy(2)), 6,
                ReadSchedule.fixedCost(6, GROUP_CALLS, false));
        assertEquals(EnumSet.of(Read.PLACEMENT, Read.GROUP_LISTING), reads);
        assertTrue(requests(reads, 6) <= 36, "" + requests(reads, 6));
    }
}
