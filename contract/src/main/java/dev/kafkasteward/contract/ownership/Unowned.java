package dev.kafkasteward.contract.ownership;

import java.util.Optional;

/**
 * Who answers for what no entry claims, so nothing is silent: consumer groups, topics and connectors no
 * entry names, and topics that look like dead-letter topics although none is declared.
 *
 * @param owner              the team (default: the platform owner)
 * @param tier               their tier (default: {@code default_tier}, else the platform's tier)
 * @param deadLetterPattern  topics no entry claims that still count as dead-letter topics; empty when the
 *                           file turns this off with {@code dead_letter_pattern: ''}
 */
public record Unowned(String owner, String tier, Optional<NameSelector> deadLetterPattern) {

    /** Spring Kafka's {@code -dlt}/{@code .DLT}, Connect's and most teams' {@code dlq}, and spelled-out names. */
    public static final String DEFAULT_DEAD_LETTER_PATTERN = ".*(dlq|DLQ|dlt|DLT|dead[-_.]?letter).*";
    /** Every name: the catch-all consumer-group and topic entries use it. */
    public static final String EVERYTHING = ".*";
}
