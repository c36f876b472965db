package dev.kafkasteward.contract.ownership;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A dead-letter topic (by name or pattern), who must act on its records, the topic its records
 * came from, an optional header carrying the failure reason, and how decisions on its records are
 * recorded.
 *
 * @param decisions the consumer group whose committed offset marks the records decided (replayed or
 *                  closed), and how long a record may wait for a decision; empty: not followed
 */
public record DeadLetterTopic(NameSelector selector, String owner, String tier, Optional<String> sourceTopic,
                              Optional<String> reasonHeader, List<String> alsoNotify,
                              Map<String, AlertOverride> alerts, Optional<Decisions> decisions)
        implements OwnedSelection {

    public DeadLetterTopic {
        alsoNotify = List.copyOf(alsoNotify);
        alerts = Map.copyOf(alerts);
    }

    /** Without decisions followed. */
    public DeadLetterTopic(NameSelector selector, String owner, String tier, Optional<String> sourceTopic,
                           Optional<String> reasonHeader, List<String> alsoNotify, Map<String, AlertOverride> alerts) {
        this(selector, owner, tier, sourceTopic, reasonHeader, alsoNotify, alerts, Optional.empty());
    }

    /**
     * The closure convention: the team's replay-or-close tool consumes the dead-letter topic as
     * {@code group} and commits past each record once it is replayed or closed (the commit's metadata can
     * say which and why). Its lag is then the records awaiting a decision, its lag age the oldest one's.
     *
     * @param group        the decision consumer group
     * @param decideWithin how long a record may await a decision before the owner is ticketed
     */
    public record Decisions(String group, PromDuration decideWithin) {
        public static final PromDuration DEFAULT_DECIDE_WITHIN = PromDuration.parse("1d").orElseThrow();
    }
}
