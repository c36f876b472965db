package dev.kafkasteward.exporter.replication;

/**
 * Replica placement and ISR membership of one broker.
 *
 * @param replicas       partitions it holds a replica of
 * @param leaders        partitions it leads
 * @param missingFromIsr partitions where it is an assigned replica but not in the ISR
 */
public record BrokerHealth(int replicas, int leaders, int missingFromIsr) {
}
