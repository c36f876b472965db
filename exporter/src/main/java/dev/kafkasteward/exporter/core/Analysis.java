package dev.kafkasteward.exporter.core;

import dev.kafkasteward.exporter.collect.Observation;
import dev.kafkasteward.exporter.disk.DiskAnalyzer;
import dev.kafkasteward.exporter.disk.DiskHistory;
import dev.kafkasteward.exporter.disk.ForecastSettings;
import dev.kafkasteward.exporter.lag.LagAnalyzer;
import dev.kafkasteward.exporter.replication.ReplicationAnalyzer;
import java.util.Optional;

/**
 * Runs every analyzer over one observation: (observation, previous snapshot) -> snapshot. Pure: no
 * I/O, no clock beyond the observation's; state between cycles travels inside the snapshots.
 */
public final class Analysis {

    private final LagAnalyzer lag = new LagAnalyzer();
    private final ReplicationAnalyzer replication = new ReplicationAnalyzer();
    private final DiskAnalyzer disk;

    public Analysis() {
        this(ForecastSettings.DEFAULTS);
    }

    public Analysis(ForecastSettings forecast) {
        this.disk = new DiskAnalyzer(forecast);
    }

    /** Analysis of a first observation, with no history. */
    public Snapshot analyze(Observation observation) {
        return analyze(observation, Optional.empty());
    }

    public Snapshot analyze(Observation observation, Optional<Snapshot> previous) {
        DiskHistory history = previous.map(s -> s.disk().history()).orElse(DiskHistory.EMPTY);
        return new Snapshot(observation.at(), observation.complete(), lag.analyze(observation),
                replication.analyze(observation), disk.analyze(observation, history));
    }
}
