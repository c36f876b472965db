package dev.kafkasteward.contract.ownership;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A client application whose JMX metrics are scraped: its Kafka client series recognised by label regexes
 * ({@code match}, for instance {@code client_id: "checkout-.*"}), its JVM by the Prometheus job scraping it
 * ({@code jvm_job}), so its JVM alerts reach its owner rather than the platform team.
 *
 * @param match  label regexes on the app's client series; empty when only its JVM is watched
 * @param jvmJob a regex for the {@code job} label of the app's scrape targets
 */
public record ClientApp(String name, String owner, String tier, Map<String, String> match, Optional<String> jvmJob,
                        List<String> alsoNotify, Map<String, AlertOverride> alerts) {

    public ClientApp {
        match = Map.copyOf(match);
        alsoNotify = List.copyOf(alsoNotify);
        alerts = Map.copyOf(alerts);
    }
}
