package dev.kafkasteward.exporter.collect;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which periodic reads a cycle makes, so that a warm cycle stays within a request budget:
 * {@code requestsPerBroker} × live brokers. Every cycle makes the reads lag needs (offsets, group
 * descriptions, log ends, cluster and quorum: {@link #fixedCost}). The periodic reads — group listing
 * (due every cycle: it finds new groups; deleted ones go at once, as describing them says so), log
 * starts (every {@code logStartEvery} cycles), placement (log dirs and reassignments, every
 * {@code placementRefresh}), a full topic-config refresh and settings (feature levels and broker throttles),
 * both every {@code topicConfigRefresh}, only while a reassignment is in
 * progress, its progress (the log dirs of the brokers involved, due every cycle), and, while there are share
 * groups and no answer about them is in flight, a share-group answer (due every cycle) — take turns in what is
 * left: the one due longest goes first, whatever it costs, so none starves;
 * the others follow while they fit. A read never made, or asked {@link #again}, goes at once,
 * budget or not (cold start, a failed listing).
 *
 * <p>Only memory of when each read was last made; time comes from the caller. Not thread-safe.
 */
final class ReadSchedule {

    /** The periodic reads. On equal waits the earlier one goes first: the listing, due every cycle, yields. */
    enum Read { LOG_STARTS, PLACEMENT, TOPIC_CONFIGS, SETTINGS, PROGRESS, SHARE_ANSWER, GROUP_LISTING }

    private final int requestsPerBroker;
    private final int logStartEvery;
    private final Duration placementRefresh;
    private final Duration topicConfigRefresh;
    private final Map<Read, Instant> lastMade = new EnumMap<>(Read.class);
    /** Every read goes in the first cycle, except progress: there is no reassignment to follow yet. */
    private final Set<Read> urgent = EnumSet.complementOf(EnumSet.of(Read.PROGRESS));
    /** Admin calls the share-group answer of this cycle would make (0: none wanted), set before {@link #plan}. */
    private int shareAnswerCalls;
    private int cyclesSinceStarts;
    private Instant startsDueSince;

    ReadSchedule(int requestsPerBroker, int logStartEvery, Duration placementRefresh, Duration topicConfigRefresh) {
        this.requestsPerBroker = requestsPerBroker;
        this.logStartEvery = logStartEvery;
        this.placementRefresh = placementRefresh;
        this.topicConfigRefresh = topicConfigRefresh;
    }

    static ReadSchedule of(CollectorSettings settings) {
        return new ReadSchedule(settings.requestsPerBroker(), settings.logStartEvery(), settings.placementRefresh(),
                settings.topicConfigRefresh());
    }

    /**
     * Requests of a cycle's reads for lag on {@code brokers}: a FindCoordinator per group call
     * ({@code groupCalls}: offsets and one per description protocol in use) and one request per
     * coordinator for each, one ListOffsets per leader, DescribeCluster and DescribeMetadataQuorum,
     * and ListPartitionReassignments while one is in progress. Upper bounds: every broker counts as a
     * coordinator and a leader.
     */
    static int fixedCost(int brokers, int groupCalls, boolean reassigning) {
        return groupCalls + brokers * groupCalls + brokers + 2 + (reassigning ? 1 : 0);
    }

    /** Requests of one periodic read on {@code brokers}. */
    static int cost(Read read, int brokers) {
        return switch (read) {
            case GROUP_LISTING -> brokers + 1; // the Metadata that finds the brokers, then ListGroups each
            case LOG_STARTS -> brokers;        // ListOffsets per leader
            case PLACEMENT -> brokers + 1;     // DescribeLogDirs each, ListPartitionReassignments
            case TOPIC_CONFIGS -> 1;           // one DescribeConfigs for all topics
            case SETTINGS -> brokers + 1;      // DescribeFeatures, DescribeConfigs each (a broker describes only itself)
            case PROGRESS -> brokers;          // DescribeLogDirs of each broker involved: at most all
            case SHARE_ANSWER -> brokers + 1;  // per call (see costOf), a FindCoordinator and one per coordinator
        };
    }

    /**
     * A share-group answer is wanted this cycle, making {@code calls} Admin calls (offsets, and descriptions
     * of the groups not listed empty); 0 when there are no share groups or an answer is in flight.
     */
    void shareAnswer(int calls) {
        shareAnswerCalls = calls;
    }

    /** Requests of {@code read} in this cycle: a share-group answer's depend on its calls ({@link #shareAnswer}). */
    int costOf(Read read, int brokers) {
        return read == Read.SHARE_ANSWER ? shareAnswerCalls * cost(read, brokers) : cost(read, brokers);
    }

    /** The reads this cycle makes, at {@code now}, on {@code brokers} whose lag reads cost {@code fixedCost}. */
    Set<Read> plan(Instant now, int brokers, int fixedCost) {
        return plan(now, brokers, fixedCost, false);
    }

    /** The same; progress is read only while {@code reassigning}. */
    Set<Read> plan(Instant now, int brokers, int fixedCost, boolean reassigning) {
        cyclesSinceStarts++;
        if (cyclesSinceStarts >= logStartEvery && startsDueSince == null) {
            startsDueSince = now;
        }
        List<Read> due = new ArrayList<>();
        Set<Read> out = EnumSet.noneOf(Read.class);
        for (Read r : Read.values()) {
            if (r == Read.PROGRESS && !reassigning || r == Read.SHARE_ANSWER && shareAnswerCalls == 0) {
                continue;
            }
            if (urgent.contains(r)) {
                out.add(r);
            } else if (!dueSince(r).isAfter(now)) {
                due.add(r);
            }
        }
        due.sort(Comparator.comparing(this::dueSince).thenComparing(Comparator.naturalOrder()));
        long left = requestsPerBroker == 0 ? Long.MAX_VALUE : (long) requestsPerBroker * brokers - fixedCost;
        for (Read r : out) {
            left -= costOf(r, brokers);
        }
        boolean first = true;
        for (Read r : due) {
            int cost = costOf(r, brokers);
            if (first || cost <= left) {
                out.add(r);
                left -= cost;
                first = false;
            }
        }
        return out;
    }

    /** {@code read} was made at {@code at}; it is due again after its period. */
    void made(Read read, Instant at) {
        lastMade.put(read, at);
        urgent.remove(read);
        if (read == Read.LOG_STARTS) {
            cyclesSinceStarts = 0;
            startsDueSince = null;
        }
    }

    /** {@code read} goes in the next cycle, budget or not. */
    void again(Read read) {
        urgent.add(read);
    }

    private Instant dueSince(Read read) {
        Instant last = lastMade.getOrDefault(read, Instant.MIN);
        return switch (read) {
            case GROUP_LISTING, PROGRESS, SHARE_ANSWER -> last;
            case LOG_STARTS -> startsDueSince == null ? Instant.MAX : startsDueSince;
            case PLACEMENT -> plus(last, placementRefresh);
            case TOPIC_CONFIGS, SETTINGS -> plus(last, topicConfigRefresh);
        };
    }

    private static Instant plus(Instant last, Duration every) {
        return last.equals(Instant.MIN) ? last : last.plus(every);
    }
}
