package dev.kafkasteward.grafana;

import dev.kafkasteward.contract.ownership.Ownership;
import java.util.ArrayList;
import java.util.List;

/**
 * The alerts that can page a team, by what the team owns, so its dashboard links their runbooks.
 * The names mirror the rules module's alert names (they are not in contract yet; see README), and grow
 * as the rules for dead letters, funnels and the platform land there.
 */
final class TeamAlerts {

    static final List<String> CONSUMER_GROUP_ALERTS = List.of("KafkaConsumerLagAgeWarning",
            "KafkaConsumerLagAgeCritical");

    private TeamAlerts() {
    }

    static List<String> of(Ownership ownership, String team) {
        List<String> alerts = new ArrayList<>();
        if (ownership.consumerGroups().stream().anyMatch(g -> g.owner().equals(team))) {
            alerts.addAll(CONSUMER_GROUP_ALERTS);
        }
        return alerts;
    }
}
