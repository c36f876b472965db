package dev.kafkasteward.exporter.core;

import dev.kafkasteward.exporter.change.ChangeSnapshot;
import dev.kafkasteward.exporter.compat.CompatView;
import dev.kafkasteward.exporter.deadletter.DeadLetterSnapshot;
import dev.kafkasteward.exporter.disk.DiskSnapshot;
import dev.kafkasteward.exporter.lag.LagSnapshot;
import dev.kafkasteward.exporter.observation.FunnelSnapshot;
import dev.kafkasteward.exporter.replication.ReplicationSnapshot;
import dev.kafkasteward.exporter.share.ShareGroupSnapshot;
import java.time.Instant;
import java.util.Map;
import java.util.SortedMap;

/**
 * What the analyzers made of one cycle; immutable, served until the next one replaces it. It also
 * carries the state the next disk analysis starts from.
 *
 * @param requests    requests the cycle sent to Kafka, by client (admin, consumer)
 * @param deadLetters dead-letter totals and failure reasons
 * @param funnels     funnel state of the partitions this replica reads
 * @param change      reassignments, throttles and feature levels
 * @param compat      the raw positions compatibility profiles serve; empty unless one is on
 * @param shareGroups share groups' backlog, its age and status
 * @param rebalances  rebalances per consumer group since the exporter first saw it
 */
public record Snapshot(Instant at, boolean complete, LagSnapshot lag, ReplicationSnapshot replication,
                       DiskSnapshot disk, Map<String, Long> requests, DeadLetterSnapshot deadLetters,
                       FunnelSnapshot funnels, ChangeSnapshot change, CompatView compat,
                       ShareGroupSnapshot shareGroups, SortedMap<String, Long> rebalances) {

    public Snapshot {
        requests = Map.copyOf(requests);
        change = change == null ? ChangeSnapshot.EMPTY : change;
        compat = compat == null ? CompatView.EMPTY : compat;
        shareGroups = shareGroups == null ? ShareGroupSnapshot.EMPTY : shareGroups;
        rebalances = java.util.Collections.unmodifiableSortedMap(new java.util.TreeMap<>(rebalances));
    }

    /** A snapshot without rebalance counts. */
    public Snapshot(Instant at, boolean complete, LagSnapshot lag, ReplicationSnapshot replication,
                    DiskSnapshot disk, Map<String, Long> requests, DeadLetterSnapshot deadLetters,
                    FunnelSnapshot funnels, ChangeSnapshot change, CompatView compat, ShareGroupSnapshot shareGroups) {
        this(at, complete, lag, replication, disk, requests, deadLetters, funnels, change, compat, shareGroups,
                new java.util.TreeMap<>());
    }

    /** A snapshot without share groups. */
    public Snapshot(Instant at, boolean complete, LagSnapshot lag, ReplicationSnapshot replication,
                    DiskSnapshot disk, Map<String, Long> requests, DeadLetterSnapshot deadLetters,
                    FunnelSnapshot funnels, ChangeSnapshot change, CompatView compat) {
        this(at, complete, lag, replication, disk, requests, deadLetters, funnels, change, compat,
                ShareGroupSnapshot.EMPTY);
    }

    /** A snapshot without the compatibility profiles' positions. */
    public Snapshot(Instant at, boolean complete, LagSnapshot lag, ReplicationSnapshot replication,
                    DiskSnapshot disk, Map<String, Long> requests, DeadLetterSnapshot deadLetters,
                    FunnelSnapshot funnels, ChangeSnapshot change) {
        this(at, complete, lag, replication, disk, requests, deadLetters, funnels, change, CompatView.EMPTY);
    }

    /** A snapshot without change data. */
    public Snapshot(Instant at, boolean complete, LagSnapshot lag, ReplicationSnapshot replication,
                    DiskSnapshot disk, Map<String, Long> requests, DeadLetterSnapshot deadLetters,
                    FunnelSnapshot funnels) {
        this(at, complete, lag, replication, disk, requests, deadLetters, funnels, ChangeSnapshot.EMPTY);
    }

    /** A snapshot without dead letters or funnels. */
    public Snapshot(Instant at, boolean complete, LagSnapshot lag, ReplicationSnapshot replication,
                    DiskSnapshot disk, Map<String, Long> requests) {
        this(at, complete, lag, replication, disk, requests, DeadLetterSnapshot.EMPTY, FunnelSnapshot.EMPTY);
    }

    /** A snapshot without disk data. */
    public Snapshot(Instant at, boolean complete, LagSnapshot lag, ReplicationSnapshot replication,
                    Map<String, Long> requests) {
        this(at, complete, lag, replication, DiskSnapshot.EMPTY, requests);
    }
}
