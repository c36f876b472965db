package dev.kafkasteward.exporter.disk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kafkasteward.exporter.observation.ClusterState;
import dev.kafkasteward.exporter.observation.LogDirState;
import dev.kafkasteward.exporter.observation.Observation;
import dev.kafkasteward.exporter.observation.TopicConfig;
import dev.kafkasteward.exporter.observation.TopicLogSize;
import dev.kafkasteward.exporter.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Random;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * The forecaster on synthetic series whose answer is known analytically, driven through the disk
 * analyzer cycle by cycle (history passed from one snapshot to the next) with a fake clock. Each
 * time-to-exhaustion must be within 5 % of the analytic answer.
 */
class DiskForecasterTest {

    private static final Instant T0 = Instant.parse("2026-11-22T00:00:00Z");
    private static final long TOTAL = 1_000_000_000_000L;      // 1 TB volume
    private static final long OTHER = 50_000_000_000L;         // non-Kafka bytes on the volume
    private static final double MB = 1_000_000;
    private static final Duration STEP = Duration.ofMinutes(1);
    private static final Duration WINDOW = Duration.ofHours(6);
    private static final ForecastSettings SETTINGS = new ForecastSettings(WINDOW, 240, 10, Duration.ofMinutes(15));
    private static final long DAY_MS = 24L * 3600 * 1000;
    private static final TopicConfig NO_LIMIT = new TopicConfig(-1, -1, 1, true, false, 1L << 30, 7 * DAY_MS);

    /** Kafka bytes at t seconds after T0; run for one window, then forecast at its end. */
    private static LogDirReport run(DoubleUnaryOperator used, TopicConfig config, Duration length) {
        return runReadingEvery(1, used, config, length).logDirs().get(0);
    }

    /**
     * Like {@link #run}, with the log dir read only every {@code readEvery} cycles: in between, the
     * cycle serves the last read again (with its read time), as the collector does.
     */
    private static DiskSnapshot runReadingEvery(int readEvery, DoubleUnaryOperator used, TopicConfig config,
                                                Duration length) {
        MutableClock clock = new MutableClock(T0);
        DiskAnalyzer analyzer = new DiskAnalyzer(SETTINGS);
        DiskSnapshot snapshot = DiskSnapshot.EMPTY;
        LogDirState dir = null;
        long steps = length.dividedBy(STEP);
        for (long i = 0; i <= steps; i++) {
            if (i % readEvery == 0) {
                double t = Duration.between(T0, clock.instant()).toSeconds();
                long bytes = Math.round(used.applyAsDouble(t));
                dir = LogDirState.of(1, "/data/kafka", clock.instant(), false, OptionalLong.of(TOTAL),
                        OptionalLong.of(TOTAL - OTHER - bytes), Map.of("events", new TopicLogSize(bytes, 1)));
            }
            Observation o = new Observation(clock.instant(), List.of(), List.of(), Map.of(), Map.of(), Map.of(),
                    Map.of(), Map.of(), ClusterState.UNKNOWN, Map.of("events", config), List.of(dir));
            snapshot = analyzer.analyze(o, snapshot.history());
            clock.advance(STEP);
        }
        return snapshot;
    }

    private static double tte(LogDirReport r) {
        return assertInstanceOf(Forecast.Estimated.class, r.forecast(), r.forecast().toString()).seconds();
    }

    private static void assertWithin5Percent(double expected, double actual, String what) {
        assertTrue(Math.abs(actual - expected) <= 0.05 * Math.abs(expected),
                what + ": expected " + expected + " ± 5 %, got " + actual + " (" + error(expected, actual) + ")");
    }

    private static String error(double expected, double actual) {
        return String.format("%.3f %%", 100 * (actual - expected) / expected);
    }

    /** Free space on the trend line at the end of the run divided by the net growth rate. */
    private static double analytic(double baseUsed, double netRate, Duration length) {
        return (TOTAL - OTHER - baseUsed - netRate * length.toSeconds()) / netRate;
    }

    @Test
    void linearGrowth() {
        LogDirReport r = run(t -> 100e9 + 1 * MB * t, NO_LIMIT, WINDOW);
        double expected = analytic(100e9, 1 * MB, WINDOW);
        assertWithin5Percent(expected, tte(r), "time to exhaustion");
        assertWithin5Percent(1 * MB, ((Forecast.Estimated) r.forecast()).bytesPerSecond(), "growth rate");
        assertEquals(SteadyState.UNBOUNDED, r.steadyState(), "growing topic without retention never levels off");
        System.out.println("linear: tte error " + error(expected, tte(r)));
    }

    @Test
    void aDirServedAgainFromItsLastReadAddsNoSample() {
        // Read every 5th cycle (a placement refresh of 5 minutes at a 1-minute interval): one sample per
        // read, at the read's time, and the same answer as reading every cycle.
        DiskSnapshot snapshot = runReadingEvery(5, t -> 100e9 + 1 * MB * t, NO_LIMIT, WINDOW);
        LogDirHistory history = snapshot.history().get(new LogDirKey(1, "/data/kafka"));
        long reads = WINDOW.dividedBy(STEP.multipliedBy(5)) + 1;
        assertEquals(reads, history.samples().size(), "one sample per read, none per repeat");
        assertEquals(T0.plus(WINDOW), history.samples().get(history.samples().size() - 1).at());
        LogDirReport r = snapshot.logDirs().get(0);
        assertWithin5Percent(analytic(100e9, 1 * MB, WINDOW), tte(r), "time to exhaustion");
        assertWithin5Percent(1 * MB, ((Forecast.Estimated) r.forecast()).bytesPerSecond(), "growth rate");
    }

    @Test
    void noisyGrowthWithOutliers() {
        Random random = new Random(42);
        LogDirReport r = run(t -> {
            double noise = random.nextGaussian() * 1e9;                     // ±1 GB jitter
            double spike = random.nextInt(50) == 0 ? 20e9 : 0;              // 2 % of readings 20 GB off
            return 100e9 + 1 * MB * t + noise + spike;
        }, NO_LIMIT, WINDOW);
        double expected = analytic(100e9, 1 * MB, WINDOW);
        assertWithin5Percent(expected, tte(r), "time to exhaustion");
        System.out.println("noisy: tte error " + error(expected, tte(r)));
    }

    @Test
    void sawToothOfSegmentDeletionOnTopOfNetGrowth() {
        // Data arrives at 2 MB/s; every 30 min retention deletes 1.8 GB: net growth 1 MB/s, a saw-tooth
        // of 1.8 GB amplitude whose rising edges are twice as steep as the trend.
        double period = 1800;
        double amplitude = 1 * MB * period;
        TopicConfig thirtyDays = new TopicConfig(30 * DAY_MS, -1, 1, true, false, 1L << 30, 7 * DAY_MS);
        LogDirReport r = run(t -> 100e9 + 1 * MB * t + amplitude * ((t % period) / period - 0.5), thirtyDays,
                WINDOW.plusMinutes(7)); // end mid-tooth: the newest reading is off the trend line
        double expected = analytic(100e9, 1 * MB, WINDOW.plusMinutes(7));
        assertWithin5Percent(expected, tte(r), "time to exhaustion");
        assertWithin5Percent(1 * MB, ((Forecast.Estimated) r.forecast()).bytesPerSecond(), "net growth rate");
        // The topic's arrival rate skips the deletion intervals: 2 MB/s, so 30 days levels off at 5.2 TB.
        double steady = ((SteadyState.Bounded) r.steadyState()).bytes();
        assertWithin5Percent(2 * MB * 30 * 86400 + (1L << 30), steady, "steady state");
        System.out.println("saw-tooth: tte error " + error(expected, tte(r)));
    }

    @Test
    void shrinkingMeansNoExhaustion() {
        LogDirReport r = run(t -> 300e9 - 0.5 * MB * t, NO_LIMIT, WINDOW);
        Forecast.NotGrowing f = assertInstanceOf(Forecast.NotGrowing.class, r.forecast());
        assertWithin5Percent(-0.5 * MB, f.bytesPerSecond(), "growth rate");
    }

    @Test
    void tooFewSamplesGiveNoEstimate() {
        LogDirReport fewSamples = run(t -> 100e9 + 1 * MB * t, NO_LIMIT, STEP.multipliedBy(5));
        assertInstanceOf(Forecast.InsufficientHistory.class, fewSamples.forecast());
        assertInstanceOf(SteadyState.Unknown.class, fewSamples.steadyState(), "topic rate not trusted yet");
        // Enough samples, too short a span: still no estimate.
        ForecastSettings tight = new ForecastSettings(WINDOW, 240, 3, Duration.ofHours(1));
        List<DiskSample> samples = List.of(sample(0, 1), sample(60, 2), sample(120, 3), sample(180, 4));
        assertInstanceOf(Forecast.InsufficientHistory.class,
                new DiskForecaster(tight).forecast(samples, SteadyState.UNBOUNDED));
    }

    @Test
    void growthThatRetentionCapsBelowCapacityDoesNotExhaust() {
        // 1 MB/s into a young topic with retention.ms of one day: it levels off at 86.4 GB plus one
        // active 1 GiB segment, far below the 950 GB the volume holds for Kafka. Linear extrapolation
        // alone would say full in about 10 days.
        TopicConfig oneDay = new TopicConfig(DAY_MS, -1, 1, true, false, 1L << 30, 7 * DAY_MS);
        LogDirReport r = run(t -> 10e9 + 1 * MB * t, oneDay, WINDOW);
        Forecast.CappedByRetention f = assertInstanceOf(Forecast.CappedByRetention.class, r.forecast());
        double expected = 1 * MB * 86400 + (1L << 30);
        assertWithin5Percent(expected, f.steadyStateBytes(), "steady state");
        assertWithin5Percent(expected, ((SteadyState.Bounded) r.steadyState()).bytes(), "steady state");

        // The same growth with 30 days of retention levels off above capacity: a real exhaustion estimate.
        TopicConfig thirtyDays = new TopicConfig(30 * DAY_MS, -1, 1, true, false, 1L << 30, 7 * DAY_MS);
        LogDirReport uncapped = run(t -> 10e9 + 1 * MB * t, thirtyDays, WINDOW);
        assertWithin5Percent(analytic(10e9, 1 * MB, WINDOW), tte(uncapped), "time to exhaustion");
    }

    @Test
    void retentionBytesCapsPerReplica() {
        TopicConfig tenGb = new TopicConfig(-1, 10_000_000_000L, 1, true, false, 1L << 30, 7 * DAY_MS);
        double steady = SteadyStateProjector.topic(new TopicLogSize(5_000_000_000L, 3), 3 * MB, tenGb);
        assertEquals(3 * (10e9 + (1L << 30)), steady, 1.0, "3 replicas x (retention.bytes + one segment)");
    }

    @Test
    void historyStaysBoundedAndWithinTheWindow() {
        LogDirHistory h = LogDirHistory.EMPTY;
        Instant at = T0;
        for (int i = 0; i < 10_000; i++) { // 15 s cycles for ~42 h
            h = h.with(new DiskSample(at, TOTAL, TOTAL - i, i), Map.of(), SETTINGS);
            at = at.plusSeconds(15);
        }
        List<DiskSample> s = h.samples();
        assertTrue(s.size() <= SETTINGS.maxSamples() + 2, "kept " + s.size());
        assertTrue(Duration.between(s.get(0).at(), s.get(s.size() - 1).at()).compareTo(WINDOW) <= 0);
        assertEquals(at.minusSeconds(15), s.get(s.size() - 1).at(), "the newest sample is always kept");
    }

    private static DiskSample sample(long seconds, long consumed) {
        return new DiskSample(T0.plusSeconds(seconds), TOTAL, TOTAL - consumed, consumed);
    }
}
