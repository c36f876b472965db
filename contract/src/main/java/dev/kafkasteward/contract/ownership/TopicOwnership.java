package dev.kafkasteward.contract.ownership;

import java.util.List;

/** Topics (by name or pattern), the team that produces them, and who else is told when producers cannot write. */
public record TopicOwnership(NameSelector selector, String owner, String tier, List<String> alsoNotify)
        implements OwnedSelection {

    public TopicOwnership {
        alsoNotify = List.copyOf(alsoNotify);
    }
}
