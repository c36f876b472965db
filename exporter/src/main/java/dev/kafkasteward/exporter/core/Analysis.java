package dev.kafkasteward.exporter.core;

import dev.kafkasteward.exporter.change.ChangeAnalyzer;
import dev.kafkasteward.exporter.collect.CollectorSettings;
import dev.kafkasteward.exporter.compat.CompatView;
import dev.kafkasteward.exporter.deadletter.DeadLetterAnalyzer;
import dev.kafkasteward.exporter.disk.DiskAnalyzer;
import dev.kafkasteward.exporter.disk.ForecastSettings;
import dev.kafkasteward.exporter.lag.LagHistory;
import dev.kafkasteward.exporter.lag.LagSettings;
import dev.kafkasteward.exporter.lag.LagTracker;
import dev.kafkasteward.exporter.lag.RebalanceCounter;
import dev.kafkasteward.exporter.observation.CycleAnalyzer;
import dev.kafkasteward.exporter.observation.Observation;
import dev.kafkasteward.exporter.observation.RecordPosition;
import dev.kafkasteward.exporter.replication.ReplicationAnalyzer;
import dev.kafkasteward.exporter.share.ShareGroupTracker;
import java.util.List;

/**
 * Runs every analyzer over a cycle's observation. No I/O, no clock beyond the observation's. A
 * cycle calls {@link #plan} with the Admin phase's observation (lag decides which record timestamps
 * to read), then {@link #analyze} with the complete one. Every analyzer is a {@link CycleAnalyzer}:
 * what it keeps between cycles is its own, so this class holds no state but them.
 */
public final class Analysis {

    private final LagTracker lag;
    private final ReplicationAnalyzer replication = new ReplicationAnalyzer();
    private final DiskAnalyzer disk;
    private final DeadLetterAnalyzer deadLetters = new DeadLetterAnalyzer();
    private final ChangeAnalyzer change = new ChangeAnalyzer();
    private final ShareGroupTracker shareGroups;
    private final RebalanceCounter rebalances = new RebalanceCounter();
    private final boolean keepPositions;
    private final int timestampReadBudget;

    /**
     * @param keepPositions keep the observation's raw positions with each snapshot, for the
     *                      compatibility profiles ({@link CompatView})
     */
    public Analysis(LagSettings lagSettings, int timestampReadBudget, ForecastSettings forecast,
                    boolean keepPositions) {
        this.lag = new LagTracker(lagSettings, timestampReadBudget);
        this.shareGroups = new ShareGroupTracker(lagSettings);
        this.disk = new DiskAnalyzer(forecast);
        this.keepPositions = keepPositions;
        this.timestampReadBudget = timestampReadBudget;
    }

    public Analysis(LagSettings lagSettings, int timestampReadBudget, ForecastSettings forecast) {
        this(lagSettings, timestampReadBudget, forecast, false);
    }

    public Analysis(LagSettings lagSettings, int timestampReadBudget) {
        this(lagSettings, timestampReadBudget, ForecastSettings.DEFAULTS);
    }

    public Analysis() {
        this(LagSettings.DEFAULTS, CollectorSettings.DEFAULT_TIMESTAMP_READS);
    }

    /** Learns from the Admin phase and says which record timestamps to read: lag's, then share groups'. */
    public List<RecordPosition> plan(Observation adminPhase) {
        List<RecordPosition> lagReads = lag.plan(adminPhase);
        List<RecordPosition> shareReads = shareGroups.plan(adminPhase);
        if (shareReads.isEmpty()) {
            return lagReads;
        }
        // One budget for both: share groups get what lag leaves of --timestamp-reads, the rest next cycle.
        java.util.Set<RecordPosition> all = new java.util.LinkedHashSet<>(lagReads);
        for (RecordPosition p : shareReads) {
            if (all.size() >= timestampReadBudget) {
                break;
            }
            all.add(p);
        }
        return List.copyOf(all);
    }

    /** The snapshot of a complete observation, each analyzer adding what it learnt in the cycles before. */
    public Snapshot analyze(Observation observation) {
        return new Snapshot(observation.at(), observation.complete(), lag.analyze(observation),
                replication.analyze(observation), disk.analyze(observation), observation.requests(),
                deadLetters.analyze(observation), observation.funnels(), change.analyze(observation),
                keepPositions ? CompatView.of(observation) : CompatView.EMPTY, shareGroups.analyze(observation),
                rebalances.analyze(observation));
    }

    public LagHistory lagHistory() {
        return lag.history();
    }
}
