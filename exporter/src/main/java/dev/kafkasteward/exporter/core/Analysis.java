package dev.kafkasteward.exporter.core;

import dev.kafkasteward.exporter.collect.Observation;
import dev.kafkasteward.exporter.deadletter.DeadLetterAnalyzer;
import dev.kafkasteward.exporter.lag.LagAnalyzer;
import dev.kafkasteward.exporter.replication.ReplicationAnalyzer;

/** Runs every analyzer over one observation. Pure: no I/O, no clock beyond the observation's. */
public final class Analysis {

    private final LagAnalyzer lag = new LagAnalyzer();
    private final ReplicationAnalyzer replication = new ReplicationAnalyzer();
    private final DeadLetterAnalyzer deadLetters = new DeadLetterAnalyzer();

    public Snapshot analyze(Observation observation) {
        return new Snapshot(observation.at(), observation.complete(), lag.analyze(observation),
                replication.analyze(observation),
                deadLetters.analyze(observation.deadLetters(), observation.complete()), observation.funnels());
    }
}
