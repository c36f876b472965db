package dev.kafkasteward.exporter.core;

import dev.kafkasteward.exporter.collect.Observation;
import dev.kafkasteward.exporter.collect.RecordPosition;
import dev.kafkasteward.exporter.deadletter.DeadLetterAnalyzer;
import dev.kafkasteward.exporter.lag.LagAgeEstimator;
import dev.kafkasteward.exporter.lag.LagAnalyzer;
import dev.kafkasteward.exporter.lag.LagHistory;
import dev.kafkasteward.exporter.lag.LagSettings;
import dev.kafkasteward.exporter.replication.ReplicationAnalyzer;
import java.util.List;

/**
 * Runs every analyzer over a cycle's observation, and keeps what they remember between cycles.
 * No I/O, no clock beyond the observation's. A cycle calls {@link #plan} with the Admin phase's
 * observation (which updates the history), then {@link #analyze} with the complete one.
 */
public final class Analysis {

    private final LagAnalyzer lag;
    private final ReplicationAnalyzer replication = new ReplicationAnalyzer();
    private final DeadLetterAnalyzer deadLetters = new DeadLetterAnalyzer();
    private final LagHistory lagHistory = new LagHistory();
    private final int timestampReadBudget;

    public Analysis(LagSettings lagSettings, int timestampReadBudget) {
        this.lag = new LagAnalyzer(lagSettings);
        this.timestampReadBudget = timestampReadBudget;
    }

    public Analysis() {
        this(LagSettings.DEFAULTS, 1_000);
    }

    /** Learns from the Admin phase and says which record timestamps to read. */
    public List<RecordPosition> plan(Observation adminPhase) {
        lagHistory.observe(adminPhase);
        return LagAgeEstimator.readsWanted(adminPhase, lagHistory, timestampReadBudget);
    }

    public Snapshot analyze(Observation observation) {
        lagHistory.remember(observation.recordTimestamps());
        return new Snapshot(observation.at(), observation.complete(), lag.analyze(observation, lagHistory),
                replication.analyze(observation), observation.requests(),
                deadLetters.analyze(observation.deadLetters(), observation.complete()), observation.funnels());
    }

    public LagHistory lagHistory() {
        return lagHistory;
    }
}
