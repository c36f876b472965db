package dev.kafkasteward.contract.ownership;

import java.util.Map;

/**
 * A client application whose JMX metrics are scraped, recognised by label regexes on its series
 * (for instance {@code client_id: "checkout-.*"}).
 */
public record ClientApp(String name, String owner, String tier, Map<String, String> match) {

    public ClientApp {
        match = Map.copyOf(match);
    }
}
