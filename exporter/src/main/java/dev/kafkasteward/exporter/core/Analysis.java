package dev.kafkasteward.exporter.core;

import dev.kafkasteward.exporter.change.ChangeAnalyzer;
import dev.kafkasteward.exporter.collect.CollectorSettings;
import dev.kafkasteward.exporter.collect.Observation;
import dev.kafkasteward.exporter.collect.RecordPosition;
import dev.kafkasteward.exporter.collect.Stage;
import dev.kafkasteward.exporter.compat.CompatView;
import dev.kafkasteward.exporter.deadletter.DeadLetterAnalyzer;
import dev.kafkasteward.exporter.disk.DiskAnalyzer;
import dev.kafkasteward.exporter.disk.DiskHistory;
import dev.kafkasteward.exporter.disk.ForecastSettings;
import dev.kafkasteward.exporter.lag.LagAgeEstimator;
import dev.kafkasteward.exporter.lag.LagAnalyzer;
import dev.kafkasteward.exporter.lag.LagCarryOver;
import dev.kafkasteward.exporter.lag.LagHistory;
import dev.kafkasteward.exporter.lag.LagSettings;
import dev.kafkasteward.exporter.lag.LagSnapshot;
import dev.kafkasteward.exporter.replication.ReplicationAnalyzer;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

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
    private final DeadLetterAnalyzer deadLetters = new DeadLetterAnalyzer();
    private final ChangeAnalyzer change = new ChangeAnalyzer();
    private final LagHistory lagHistory = new LagHistory();
    private final Map<String, Integer> absentCycles = new HashMap<>();
    private final int timestampReadBudget;
    private final boolean keepPositions;

    /**
     * @param keepPositions keep the observation's raw positions with each snapshot, for the
     *                      compatibility profiles ({@link CompatView})
     */
    public Analysis(LagSettings lagSettings, int timestampReadBudget, ForecastSettings forecast,
                    boolean keepPositions) {
        this.lag = new LagAnalyzer(lagSettings);
        this.timestampReadBudget = timestampReadBudget;
        this.disk = new DiskAnalyzer(forecast);
        this.keepPositions = keepPositions;
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
        LagSnapshot lagNow = lag.analyze(observation, lagHistory);
        if (previous.isPresent()) {
            lagNow = LagCarryOver.apply(lagNow, previous.get().lag(),
                    groupsToCarry(lagNow, previous.get().lag(), Stage.groupsUnread(observation.errors())),
                    observation.errors().containsKey(Stage.LIST_OFFSETS.label()));
        }
        return new Snapshot(observation.at(), observation.complete(), lagNow,
                replication.analyze(observation), disk.analyze(observation, history), observation.requests(),
                deadLetters.analyze(observation.deadLetters(), observation.complete()), observation.funnels(),
                change.analyze(observation), keepPositions ? CompatView.of(observation) : CompatView.EMPTY);
    }

    /**
     * Groups served before but not seen now, for their first few absent cycles in a row, when the
     * cycle failed to list groups or read their offsets. A group missing from a cycle that read
     * every group is gone (deleted, or out of scope), and its series go at once.
     */
    private Map<String, Integer> groupsToCarry(LagSnapshot now, LagSnapshot before, boolean groupsUnread) {
        if (!groupsUnread) {
            absentCycles.clear();
            return Map.of();
        }
        Set<String> seen = new HashSet<>();
        now.groups().forEach(g -> seen.add(g.group()));
        Map<String, Integer> stillAbsent = new HashMap<>();
        for (var g : before.groups()) {
            if (!seen.contains(g.group())) {
                int cycles = absentCycles.getOrDefault(g.group(), 0) + 1;
                if (cycles <= LagCarryOver.GRACE_CYCLES) {
                    stillAbsent.put(g.group(), cycles);
                }
            }
        }
        absentCycles.clear();
        absentCycles.putAll(stillAbsent);
        return Map.copyOf(stillAbsent);
    }

    public LagHistory lagHistory() {
        return lagHistory;
    }
}
