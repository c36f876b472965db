package dev.kafkasteward.contract.ownership;

/** Topics (by name or pattern) and the team that produces them. */
public record TopicOwnership(NameSelector selector, String owner, String tier) implements OwnedSelection {
}
