package dev.kafkasteward.exporter.core;

import dev.kafkasteward.exporter.collect.Observation;
import dev.kafkasteward.exporter.collect.RecordPosition;
import dev.kafkasteward.exporter.disk.DiskAnalyzer;
import dev.kafkasteward.exporter.disk.DiskHistory;
import dev.kafkasteward.exporter.disk.ForecastSettings;
import dev.kafkasteward.exporter.lag.LagAgeEstimator;
import dev.kafkasteward.exporter.lag.LagAnalyzer;
import dev.kafkasteward.exporter.lag.LagHistory;
import dev.kafkasteward.exporter.lag.LagSettings;
import dev.kafkasteward.exporter.replication.ReplicationAnalyzer;
import java.util.List;
import java.util.Optional;

/**
 * Runs every analyzer over a cycle's observation. No I/O, no clock beyond the observation's. A
 * cycle calls {@link #plan} with the Admin phase's observation (which updates the lag history),
 * then {@link #analyze} with the complete one and the previous snapshot. The disk history travels
 * immutably inside the snapshots; the lag history, tens of thousands of small tables, is kept
 * here and updated in place.
 */
public final class Analysis {

    private final LagAnalyzer lag;
    private final ReplicationAnalyzer replication = new ReplicationAnalyzer();
    private final DiskAnalyzer disk;
    private final LagHistory lagHistory = new LagHistory();
    private final int timestampReadBudget;

    public Analysis(LagSettings lagSettings, int timestampReadBudget, ForecastSettings forecast) {
        this.lag = new LagAnalyzer(lagSettings);
        this.timestampReadBudget = timestampReadBudget;
        this.disk = new DiskAnalyzer(forecast);
    }

    public Analysis(LagSettings lagSettings, int timestampReadBudget) {
        this(lagSettings, timestampReadBudget, ForecastSettings.DEFAULTS);
    }

    public Analysis() {
        this(LagSettings.DEFAULTS, 1_000);
    }

    /** Learns from the Admin phase and says which record timestamps to read. */
    public List<RecordPosition> plan(Observation adminPhase) {
        lagHistory.observe(adminPhase);
        return LagAgeEstimator.readsWanted(adminPhase, lagHistory, timestampReadBudget);
    }

    /** Analysis of an observation with no previous snapshot. */
    public Snapshot analyze(Observation observation) {
        return analyze(observation, Optional.empty());
    }

    public Snapshot analyze(Observation observation, Optional<Snapshot> previous) {
        lagHistory.remember(observation.recordTimestamps());
        DiskHistory history = previous.map(s -> s.disk().history()).orElse(DiskHistory.EMPTY);
        return new Snapshot(observation.at(), observation.complete(), lag.analyze(observation, lagHistory),
                replication.analyze(observation), disk.analyze(observation, history), observation.requests());
    }

    public LagHistory lagHistory() {
        return lagHistory;
    }
}
