package dev.kafkasteward.exporter.funnel;

import dev.kafkasteward.contract.ownership.Funnel;
import dev.kafkasteward.exporter.observation.FunnelSnapshot;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Progress of one funnel's correlation keys, one {@link KeyStore} per partition number (the unit the
 * consumer group moves between replicas). A key waits in its furthest stage reached: events of an
 * earlier stage read later (topics are read in no particular order) never move it back, repeated
 * events of a stage never count twice, and the key enters its stage at the timestamp of the event
 * that brought it there. Completed keys are kept for the window so late earlier-stage events do
 * not resurrect them; any key whose stage entry is older than the window is dropped — exactly the
 * state a restart rebuilds by re-reading the window.
 */
final class FunnelState {

    static final int MAX_STAGES_WITH_KEY = 8;

    /** A stage compiled from ownership: its matcher and max wait in seconds (-1: none). */
    record CompiledStage(String name, String topic, StageMatcher matcher, long maxWaitSeconds) {
    }

    private final String name;
    private final List<CompiledStage> stages;
    private final Optional<KeyExtractor> key;
    private final long windowSeconds;
    private final int maxKeys;
    private final int last;

    private final Map<Integer, KeyStore> stores = new HashMap<>();
    private int tracked;
    private final long[] events;
    private final long[] expired;
    private final long[] duplicates;
    private final long[] missing;
    private final long[] unparsable;
    private final long[] misplaced;
    private long completions;
    private long overflows;

    FunnelState(Funnel funnel, int maxKeys) {
        this.name = funnel.name();
        List<CompiledStage> compiled = new ArrayList<>();
        for (Funnel.Stage s : funnel.stages()) {
            compiled.add(new CompiledStage(s.name(), s.topic(), StageMatcher.of(s.match()),
                    s.maxWait().map(d -> d.seconds()).orElse(-1L)));
        }
        this.stages = List.copyOf(compiled);
        this.key = funnel.correlation().map(KeyExtractor::of);
        if (key.isPresent() && stages.size() > MAX_STAGES_WITH_KEY) {
            throw new IllegalArgumentException("funnel " + name + ": at most " + MAX_STAGES_WITH_KEY
                    + " stages can be tracked with a correlation key, got " + stages.size());
        }
        this.windowSeconds = funnel.window().seconds();
        this.maxKeys = maxKeys;
        this.last = stages.size() - 1;
        this.events = new long[stages.size()];
        this.expired = new long[stages.size()];
        this.duplicates = new long[stages.size()];
        this.missing = new long[stages.size()];
        this.unparsable = new long[stages.size()];
        this.misplaced = new long[stages.size()];
    }

    String name() {
        return name;
    }

    List<CompiledStage> stages() {
        return stages;
    }

    long windowSeconds() {
        return windowSeconds;
    }

    int trackedKeys() {
        return tracked;
    }

    /** A record of stage {@code s}'s topic: count and track it if it matches. {@code live}: not a re-read. */
    void offer(int s, FunnelRecord record, boolean live) {
        if (!stages.get(s).matcher().matches(record)) {
            return;
        }
        if (key.isEmpty()) {
            if (live) {
                events[s]++;
            }
            return;
        }
        long hash = key.get().keyHash(record);
        if (hash == KeyHash.NONE) {
            if (live) {
                events[s]++; // it reached the stage; without a key it just cannot be followed
                if (key.get().missReason(record).equals(KeyExtractor.UNPARSABLE)) {
                    unparsable[s]++;
                } else {
                    missing[s]++;
                }
            }
            return;
        }
        int at = KeyStore.toStoredSeconds(record.timestampMs());
        KeyStore store = stores.computeIfAbsent(record.partition(), p -> new KeyStore());
        int slot = store.find(hash);
        if (slot < 0) {
            if (live && onAnotherPartition(record.partition(), hash)) {
                // Co-partitioned stage topics put a key on one partition number; this one is elsewhere too.
                misplaced[s]++;
            }
            if (tracked >= maxKeys) {
                overflows++;
                if (live) {
                    events[s]++;
                }
                return;
            }
            store.insert(slot, hash, (byte) (1 << s), at);
            tracked++;
            countFirstArrival(s, live);
            return;
        }
        int mask = store.mask(slot) & 0xff;
        int bit = 1 << s;
        int furthest = 31 - Integer.numberOfLeadingZeros(mask);
        if ((mask & bit) != 0) {
            if (live) {
                duplicates[s]++; // the key entered this stage before, within the window
            }
            if (s == furthest && at < store.entered(slot)) {
                store.update(slot, (byte) mask, at); // a duplicate that happened earlier: keep the first entry
            }
            return;
        }
        store.update(slot, (byte) (mask | bit), s > furthest ? at : store.entered(slot));
        countFirstArrival(s, live);
    }

    /** Whether another partition number of this replica tracks the key: the stages are not co-partitioned. */
    private boolean onAnotherPartition(int partition, long hash) {
        for (Map.Entry<Integer, KeyStore> e : stores.entrySet()) {
            if (e.getKey() != partition && e.getValue().find(hash) >= 0) {
                return true;
            }
        }
        return false;
    }

    private void countFirstArrival(int s, boolean live) {
        if (live) {
            events[s]++;
            if (s == last) {
                completions++;
            }
        }
    }

    /** Forgets the keys of a partition number this replica no longer reads. */
    void drop(int partition) {
        KeyStore gone = stores.remove(partition);
        if (gone != null) {
            tracked -= gone.size();
        }
    }

    void clear() {
        stores.clear();
        tracked = 0;
    }

    /** Drops keys older than the window and counts the rest, as of {@code now}. */
    FunnelSnapshot.FunnelStats sweep(Instant now, boolean rebuilding) {
        int nowSeconds = KeyStore.toStoredSeconds(now.toEpochMilli());
        long oldest = (long) nowSeconds - windowSeconds;
        long[] waiting = new long[stages.size()];
        long[] overdue = new long[stages.size()];
        long[] completed = new long[1];
        for (KeyStore store : stores.values()) {
            int before = store.size();
            store.sweep((mask, entered) -> {
                int furthest = 31 - Integer.numberOfLeadingZeros(mask & 0xff);
                if (entered < oldest) {
                    if (furthest != last) {
                        expired[furthest]++;
                    }
                    return true;
                }
                if (furthest == last) {
                    completed[0]++;
                } else {
                    waiting[furthest]++;
                    long maxWait = stages.get(furthest).maxWaitSeconds();
                    if (maxWait >= 0 && nowSeconds - (long) entered > maxWait) {
                        overdue[furthest]++;
                    }
                }
                return false;
            });
            tracked -= before - store.size();
        }
        boolean countsValid = key.isPresent() && !rebuilding;
        List<FunnelSnapshot.StageStats> out = new ArrayList<>();
        for (int s = 0; s < stages.size(); s++) {
            boolean waits = countsValid && s != last;
            OptionalLong w = waits ? OptionalLong.of(waiting[s]) : OptionalLong.empty();
            OptionalLong o = waits && stages.get(s).maxWaitSeconds() >= 0
                    ? OptionalLong.of(overdue[s]) : OptionalLong.empty();
            java.util.SortedMap<String, Long> misses = new java.util.TreeMap<>();
            if (key.isPresent()) {
                misses.put(KeyExtractor.MISSING, missing[s]);
                misses.put(KeyExtractor.UNPARSABLE, unparsable[s]);
            }
            out.add(new FunnelSnapshot.StageStats(stages.get(s).name(), events[s], w, o, expired[s], duplicates[s],
                    misses, misplaced[s]));
        }
        return new FunnelSnapshot.FunnelStats(name, rebuilding, out,
                countsValid ? OptionalLong.of(completed[0]) : OptionalLong.empty(), completions, overflows);
    }
}
