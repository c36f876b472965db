package dev.kafkasteward.contract.testing;

import dev.kafkasteward.contract.ownership.Ownership;
import dev.kafkasteward.contract.ownership.OwnershipException;
import dev.kafkasteward.contract.ownership.OwnershipLoader;

/**
 * A synthetic ownership file of any size: {@code teams} teams with webhook receivers, three tiers,
 * and {@code groups} consumer-group entries (every tenth a pattern, every fifth with a freshness
 * objective), plus a dead-letter topic, a connector, a client app and a funnel per team.
 */
public final class LargeOwnership {

    private LargeOwnership() {
    }

    public static Ownership generate(int teams, int groups) {
        try {
            return new OwnershipLoader().parse("large.yml", yaml(teams, groups));
        } catch (OwnershipException e) {
            throw new AssertionError(e.getMessage(), e);
        }
    }

    public static String yaml(int teams, int groups) {
        StringBuilder y = new StringBuilder("cluster: big-prod\ndefault_tier: silver\nteams:\n");
        for (int t = 0; t < teams; t++) {
            y.append("  team-").append(t).append(":\n    receivers:\n      - type: webhook\n")
                    .append("        url: http://127.0.0.1:9095/hooks/team-").append(t).append('\n');
        }
        y.append("""
                tiers:
                  gold:
                    severity: critical
                    lag_age_warning: 1m
                    lag_age_critical: 5m
                    for: 2m
                  silver:
                    severity: warning
                    lag_age_warning: 5m
                    lag_age_critical: 15m
                    for: 5m
                  bronze:
                    severity: info
                    lag_age_warning: 30m
                    lag_age_critical: 2h
                    for: 15m
                consumer_groups:
                """);
        String[] tiers = {"gold", "silver", "bronze"};
        for (int g = 0; g < groups; g++) {
            String team = "team-" + (g % teams);
            if (g % 10 == 9) {
                y.append("  - pattern: 'batch-").append(g).append("-[a-z]+'\n");
            } else {
                y.append("  - name: service-").append(g).append('\n');
            }
            y.append("    owner: ").append(team).append("\n    tier: ").append(tiers[g % 3]).append('\n');
            if (g % 5 == 0) {
                y.append("    freshness:\n      lag_age_under: ").append(30 + g % 7 * 30).append("s\n")
                        .append("      objective: 99.").append(g % 10).append("%\n");
            }
        }
        y.append("dead_letter_topics:\n");
        for (int t = 0; t < teams; t++) {
            y.append("  - name: team-").append(t).append(".dlq\n    owner: team-").append(t).append('\n');
        }
        y.append("connectors:\n");
        for (int t = 0; t < teams; t++) {
            y.append("  - name: connector-").append(t).append("\n    owner: team-").append(t).append('\n');
        }
        y.append("client_apps:\n");
        for (int t = 0; t < teams; t++) {
            y.append("  - name: app-").append(t).append("\n    owner: team-").append(t)
                    .append("\n    match:\n      client_id: \"app-").append(t).append("-.*\"\n");
        }
        y.append("funnels:\n");
        for (int t = 0; t < teams; t++) {
            y.append("  - name: flow-").append(t).append("\n    owner: team-").append(t).append('\n')
                    .append("    correlation:\n      key: true\n    stages:\n")
                    .append("      - name: start\n        topic: flow-").append(t).append(".start\n        max_wait: 5m\n")
                    .append("      - name: end\n        topic: flow-").append(t).append(".end\n");
        }
        y.append("platform:\n  owner: team-0\n  tier: gold\n");
        return y.toString();
    }
}
