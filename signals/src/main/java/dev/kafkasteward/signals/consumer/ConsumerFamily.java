package dev.kafkasteward.signals.consumer;

import dev.kafkasteward.contract.ownership.Ownership;
import dev.kafkasteward.signals.AlertInstance;
import dev.kafkasteward.signals.InstanceFamily;
import java.util.ArrayList;
import java.util.List;

/**
 * A family whose alerts are per consumer-group entry, planned once by {@link ConsumerEntries} (shared by
 * every consumer family, so they agree on who owns which group): each family says what one entry gets.
 */
abstract class ConsumerFamily extends InstanceFamily {

    private final ConsumerEntries entries;

    ConsumerFamily(double timeScale, ConsumerEntries entries) {
        super(timeScale);
        this.entries = entries;
    }

    @Override
    public final List<AlertInstance> instances(Ownership ownership) {
        List<AlertInstance> instances = new ArrayList<>();
        entries(ownership).forEach(p -> instances(p, ownership.cluster(), instances));
        return instances;
    }

    /** The entries this family alerts on; all of them unless a family needs something of theirs. */
    List<ConsumerEntries.Planned> entries(Ownership ownership) {
        return entries.plan(ownership);
    }

    /** Adds the alerts of entry {@code p} in {@code cluster} to {@code instances}. */
    abstract void instances(ConsumerEntries.Planned p, String cluster, List<AlertInstance> instances);
}
