package dev.kafkasteward.exporter.replication;

/**
 * Replica placement and ISR membership of one broker.
 *
 * @param replicas        partitions it holds a replica of
 * @param leaders         partitions it leads
 * @param missingFromIsr  partitions where it is an assigned replica but not in the ISR
 * @param atRiskIfStopped partitions whose ISR it is in and that would drop below their effective minimum ISR
 *                        (or go offline) without it: stopping it now fails acks=all writes to them
 */
public record BrokerHealth(int replicas, int leaders, int missingFromIsr, int atRiskIfStopped) {

    /** Without the at-risk count. */
    public BrokerHealth(int replicas, int leaders, int missingFromIsr) {
        this(replicas, leaders, missingFromIsr, 0);
    }

    /**
     * Whether the broker is drained: it holds no replica and leads no partition, so no partition's ISR
     * depends on it and it can be stopped for good.
     */
    public boolean safeToRemove() {
        return replicas == 0 && leaders == 0;
    }
}
