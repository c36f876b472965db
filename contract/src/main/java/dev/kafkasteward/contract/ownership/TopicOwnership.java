package dev.kafkasteward.contract.ownership;

import java.util.List;
import java.util.Map;

/** Topics (by name or pattern), the team that produces them, and who else is told when producers cannot write. */
public record TopicOwnership(NameSelector selector, String owner, String tier, List<String> alsoNotify,
                             Map<String, AlertOverride> alerts) implements OwnedSelection {

    public TopicOwnership {
        alsoNotify = List.copyOf(alsoNotify);
        alerts = Map.copyOf(alerts);
    }

    /** A topic entry that changes none of its alerts. */
    public TopicOwnership(NameSelector selector, String owner, String tier, List<String> alsoNotify) {
        this(selector, owner, tier, alsoNotify, Map.of());
    }
}
