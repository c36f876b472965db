package dev.kafkasteward.exporter.lag;

import dev.kafkasteward.exporter.observation.CycleAnalyzer;
import dev.kafkasteward.exporter.observation.Observation;
import dev.kafkasteward.exporter.observation.RecordPosition;
import dev.kafkasteward.exporter.observation.Stage;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Lag across cycles: the {@link LagHistory} (offset timelines and record timestamps, tens of thousands of small
 * tables updated in place), the last snapshot, and how many cycles in a row each group has been missing. A
 * cycle first {@link #plan plans} with the Admin phase's observation, which updates the history and says which
 * record timestamps to read, then {@link #analyze analyzes} the complete one. Groups a failed cycle could not
 * read keep their last numbers for {@link LagCarryOver#GRACE_CYCLES} cycles.
 */
public final class LagTracker implements CycleAnalyzer<LagSnapshot> {

    private final LagAnalyzer analyzer;
    private final int timestampReadBudget;
    private final LagHistory history = new LagHistory();
    private final Map<String, Integer> absentCycles = new HashMap<>();
    private LagSnapshot last;

    public LagTracker(LagSettings settings, int timestampReadBudget) {
        this.analyzer = new LagAnalyzer(settings);
        this.timestampReadBudget = timestampReadBudget;
    }

    /** Learns from the Admin phase and says which record timestamps to read. */
    public List<RecordPosition> plan(Observation adminPhase) {
        history.observe(adminPhase);
        return LagAgeEstimator.readsWanted(adminPhase, history, timestampReadBudget);
    }

    @Override
    public LagSnapshot analyze(Observation observation) {
        history.remember(observation.recordTimestamps());
        LagSnapshot now = analyzer.analyze(observation, history);
        if (last != null) {
            now = LagCarryOver.apply(now, last,
                    groupsToCarry(now, last, Stage.groupsUnread(observation.errors())),
                    observation.errors().containsKey(Stage.LIST_OFFSETS.label()));
        }
        last = now;
        return now;
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
        for (GroupLag g : before.groups()) {
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

    public LagHistory history() {
        return history;
    }
}
