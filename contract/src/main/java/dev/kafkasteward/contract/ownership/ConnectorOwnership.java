package dev.kafkasteward.contract.ownership;

import java.util.List;
import java.util.Map;

/** A Kafka Connect connector, the pipeline owner alerted when it or its tasks fail, and who else is told. */
public record ConnectorOwnership(String name, String owner, String tier, List<String> alsoNotify,
                                 Map<String, AlertOverride> alerts) {

    public ConnectorOwnership {
        alsoNotify = List.copyOf(alsoNotify);
        alerts = Map.copyOf(alerts);
    }
}
