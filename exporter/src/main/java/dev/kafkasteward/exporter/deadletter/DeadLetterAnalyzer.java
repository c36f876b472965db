package dev.kafkasteward.exporter.deadletter;

import dev.kafkasteward.exporter.observation.CycleAnalyzer;
import dev.kafkasteward.exporter.observation.DeadLetterObservation;
import dev.kafkasteward.exporter.observation.LogOffsets;
import dev.kafkasteward.exporter.observation.Observation;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;

/**
 * Dead-letter observations into per-topic totals and failure-reason counts. Keeps the reason
 * counters across cycles (they count records read since start), with bounded label budgets per
 * topic so a burst of distinct exception messages cannot blow up the series count.
 */
public final class DeadLetterAnalyzer implements CycleAnalyzer<DeadLetterSnapshot> {

    /** Distinct reasons (and source topics) per dead-letter topic before further ones become "other". */
    public static final int DEFAULT_LABEL_BUDGET = 20;
    static final String UNKNOWN_SOURCE = "unknown";

    private final int labelBudget;
    private final Map<String, TopicState> state = new HashMap<>();

    public DeadLetterAnalyzer() {
        this(DEFAULT_LABEL_BUDGET);
    }

    public DeadLetterAnalyzer(int labelBudget) {
        this.labelBudget = labelBudget;
    }

    private final class TopicState {
        final LabelBudget reasons = new LabelBudget(labelBudget);
        final LabelBudget sources = new LabelBudget(labelBudget);
        final Map<List<String>, Long> counts = new TreeMap<>(DeadLetterAnalyzer::compareKeys);
        long skipped;
        long read;
    }

    @Override
    public DeadLetterSnapshot analyze(Observation observation) {
        return analyze(observation.deadLetters(), observation.complete());
    }

    /** @param complete whether the cycle met no error: only then do absent topics lose their counters */
    public DeadLetterSnapshot analyze(DeadLetterObservation observation, boolean complete) {
        List<DeadLetterSnapshot.TopicStats> out = new ArrayList<>();
        for (DeadLetterObservation.Topic t : observation.topics()) {
            TopicState s = state.computeIfAbsent(t.topic(), k -> new TopicState());
            s.skipped += t.skipped();
            s.read += t.newRecords().size();
            for (DeadLetterObservation.NewRecord r : t.newRecords()) {
                Failure f = Failure.of(r.headers(), t.reasonHeader(), t.sourceTopic());
                String source = s.sources.admit(f.sourceTopic().orElse(UNKNOWN_SOURCE));
                String reason = s.reasons.admit(f.reason().orElse(LabelBudget.OTHER));
                s.counts.merge(List.of(source, reason), 1L, Long::sum);
            }
            boolean allOffsets = t.offsets().size() == t.partitions();
            OptionalLong written = allOffsets
                    ? OptionalLong.of(t.offsets().values().stream().mapToLong(LogOffsets::end).sum())
                    : OptionalLong.empty();
            OptionalLong retained = allOffsets
                    ? OptionalLong.of(t.offsets().values().stream().mapToLong(o -> o.end() - o.start()).sum())
                    : OptionalLong.empty();
            OptionalLong newest = t.newestTimestamps().values().stream().mapToLong(Long::longValue).max();
            List<DeadLetterSnapshot.ReasonCount> reasons = new ArrayList<>();
            s.counts.forEach((k, n) -> reasons.add(new DeadLetterSnapshot.ReasonCount(k.get(0), k.get(1), n)));
            out.add(new DeadLetterSnapshot.TopicStats(t.topic(), written, retained, newest, t.unread(), s.read, s.skipped, reasons));
        }
        if (complete) {
            state.keySet().retainAll(observation.topics().stream().map(DeadLetterObservation.Topic::topic).toList());
        }
        out.sort((a, b) -> a.topic().compareTo(b.topic()));
        return new DeadLetterSnapshot(out);
    }

    private static int compareKeys(List<String> a, List<String> b) {
        int c = a.get(0).compareTo(b.get(0));
        return c != 0 ? c : a.get(1).compareTo(b.get(1));
    }
}
