package dev.kafkasteward.contract.ownership;

import java.util.List;
import java.util.Map;

/**
 * A share group (KIP-932, Kafka's queues) or a pattern of them, and who answers for its backlog: its age above
 * {@code backlogAgeWarning} / {@code backlogAgeCritical} alerts the owner, as does a stalled or stopped group.
 * The thresholds default to the tier's lag-age thresholds.
 */
public record ShareGroupOwnership(NameSelector selector, String owner, String tier, PromDuration backlogAgeWarning,
                                  PromDuration backlogAgeCritical, List<String> alsoNotify,
                                  Map<String, AlertOverride> alerts) implements OwnedSelection {

    public ShareGroupOwnership {
        alsoNotify = List.copyOf(alsoNotify);
        alerts = Map.copyOf(alerts);
    }
}
