package dev.kafkasteward.contract.ownership;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A dead-letter topic (by name or pattern), who must act on its records, the topic its records
 * came from, and an optional header carrying the failure reason.
 */
public record DeadLetterTopic(NameSelector selector, String owner, String tier, Optional<String> sourceTopic,
                              Optional<String> reasonHeader, List<String> alsoNotify,
                              Map<String, AlertOverride> alerts) implements OwnedSelection {

    public DeadLetterTopic {
        alsoNotify = List.copyOf(alsoNotify);
        alerts = Map.copyOf(alerts);
    }
}
