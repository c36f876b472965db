package dev.kafkasteward.contract.ownership;

/** A Kafka Connect connector and the pipeline owner alerted when it or its tasks fail. */
public record ConnectorOwnership(String name, String owner, String tier) {
}
