package dev.kafkasteward.exporter.disk;

import dev.kafkasteward.exporter.observation.CycleAnalyzer;
import dev.kafkasteward.exporter.observation.LogDirState;
import dev.kafkasteward.exporter.observation.Observation;
import dev.kafkasteward.exporter.observation.TopicLogSize;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Disk analysis: (observation, previous history) -> (reports, next history). The observation's time
 * is the clock; a dir is sampled at the time it was read, once per read (log dirs are not read every
 * cycle), so a dir served again from the last read adds no sample. Dirs a cycle did not see (a
 * broker that did not answer) keep their history until it is a window old, so one failed request
 * does not restart every forecast. A forecast counts from the dir's newest sample.
 */
public final class DiskAnalyzer implements CycleAnalyzer<DiskSnapshot> {

    private final ForecastSettings settings;
    private final DiskForecaster forecaster;
    private final SteadyStateProjector projector;
    private DiskHistory history = DiskHistory.EMPTY;

    public DiskAnalyzer(ForecastSettings settings) {
        this.settings = settings;
        this.forecaster = new DiskForecaster(settings);
        this.projector = new SteadyStateProjector(settings.minSpan());
    }

    /** Analyzes with the history of the cycles before, and keeps the next one. */
    @Override
    public DiskSnapshot analyze(Observation observation) {
        DiskSnapshot snapshot = analyze(observation, history);
        history = snapshot.history();
        return snapshot;
    }

    /** The pure step: (observation, previous history) -> (reports, next history). */
    public DiskSnapshot analyze(Observation observation, DiskHistory previous) {
        Instant now = observation.at();
        TreeMap<LogDirKey, LogDirHistory> next = new TreeMap<>();
        previous.logDirs().forEach((key, h) -> {
            if (!h.samples().isEmpty()
                    && !h.samples().get(h.samples().size() - 1).at().isBefore(now.minus(settings.window()))) {
                next.put(key, h);
            }
        });
        List<LogDirReport> reports = new ArrayList<>();
        List<LogDirState> dirs = new ArrayList<>(observation.logDirs());
        dirs.sort(Comparator.comparingInt(LogDirState::broker).thenComparing(LogDirState::path));
        for (LogDirState dir : dirs) {
            LogDirKey key = new LogDirKey(dir.broker(), dir.path());
            if (dir.offline() || dir.totalBytes().isEmpty() || dir.usableBytes().isEmpty()) {
                next.remove(key); // an offline dir's numbers restart from scratch when it returns
                reports.add(new LogDirReport(dir, new Forecast.InsufficientHistory(0, java.time.Duration.ZERO),
                        new SteadyState.Unknown("log dir offline or sizes not reported")));
                continue;
            }
            LogDirHistory before = previous.get(key);
            LogDirHistory after = before.isSampledAt(dir.readAt()) ? before : sampled(before, dir);
            next.put(key, after);
            SteadyState steady = projector.project(dir, after.topicRates(), observation.topicConfigs());
            reports.add(new LogDirReport(dir, forecaster.forecast(after.samples(), steady), steady));
        }
        return new DiskSnapshot(reports, new DiskHistory(next));
    }

    /** {@code before} plus the dir's numbers, sampled when the broker described the dir. */
    private LogDirHistory sampled(LogDirHistory before, LogDirState dir) {
        Instant at = dir.readAt();
        DiskSample sample = new DiskSample(at, dir.totalBytes().getAsLong(), dir.usableBytes().getAsLong(),
                dir.usedBytes());
        return before.with(sample, rates(before.topicRates(), dir, at), settings);
    }

    private Map<String, TopicRate> rates(Map<String, TopicRate> before, LogDirState dir, Instant now) {
        Map<String, TopicRate> out = new HashMap<>();
        for (Map.Entry<String, TopicLogSize> e : dir.topics().entrySet()) {
            TopicLogSize size = e.getValue();
            TopicRate prev = before.get(e.getKey());
            out.put(e.getKey(), prev == null ? TopicRate.first(size.bytes(), now, size.replicas())
                    : prev.next(size.bytes(), now, size.replicas(), settings.window()));
        }
        return out; // topics gone from the dir are dropped
    }
}
