package dev.kafkasteward.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kafkasteward.contract.output.GeneratedFiles;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Golden assertions on the lag-age rules generated for the example and for overlapping entries. */
class LagAgeRulesTest {

    /** Every lag-age rule reads only serving exporter replicas. */
    private static final String SERVING = " and on (cluster, instance) kafka_steward:serving_replica)";

    private final GeneratedFiles example = new RulesGenerator(RulesOptions.defaults()).generate(Fixtures.example());

    @Test
    void fulfillmentServiceWarningRule() {
        JsonNode rule = rule(example, "KafkaConsumerLagAgeWarning", "fulfillment");
        assertEquals("max by (cluster, group, topic) ((kafka_consumergroup_lag_age_seconds{cluster=\"orders-prod\","
                + " group=\"fulfillment-service\"}" + SERVING + ") > 30", rule.get("expr").asText());
        assertEquals("2m", rule.get("for").asText());
        assertEquals(Map.of("cluster", "orders-prod", "team", "fulfillment", "severity", "warning", "tier", "tier-1"),
                map(rule.get("labels")));
        assertEquals(Map.of(
                "summary", "Consumer group {{ $labels.group }} is more than 30s behind on topic {{ $labels.topic }}.",
                "description", "The oldest record consumer group {{ $labels.group }} has not consumed from topic"
                        + " {{ $labels.topic }} in cluster {{ $labels.cluster }} is {{ $value | humanizeDuration }} old,"
                        + " above the warning threshold of 30s for tier-1. Owner: fulfillment.",
                "runbook_url", RulesOptions.DEFAULT_RUNBOOK_BASE_URL + "/kafkaconsumerlagagewarning.md",
                "dashboard_url", "http://localhost:3000/d/ks-team-fulfillment--orders-prod?var-cluster=orders-prod"),
                map(rule.get("annotations")));
    }

    @Test
    void fulfillmentServiceCriticalRuleHasTheTierSeverity() {
        JsonNode rule = rule(example, "KafkaConsumerLagAgeCritical", "fulfillment");
        assertEquals("max by (cluster, group, topic) ((kafka_consumergroup_lag_age_seconds{cluster=\"orders-prod\","
                + " group=\"fulfillment-service\"}" + SERVING + ") > 120", rule.get("expr").asText());
        assertEquals("2m", rule.get("for").asText());
        assertEquals(Map.of("cluster", "orders-prod", "team", "fulfillment", "severity", "critical", "tier", "tier-1"),
                map(rule.get("labels")));
    }

    @Test
    void tierTwoCriticalThresholdPagesWithTheTierSeverity() {
        JsonNode rule = rule(example, "KafkaConsumerLagAgeCritical", "customer-timeline");
        assertEquals("warning", rule.get("labels").get("severity").asText());
        assertEquals("5m", rule.get("for").asText());
        assertTrue(rule.get("expr").asText().endsWith(" > 900"), rule.get("expr").asText());
    }

    @Test
    void everyEntryGetsOneWarningAndOneCriticalRule() {
        List<JsonNode> rules = Generated.rules(example).stream()
                .filter(r -> r.get("alert").asText().startsWith("KafkaConsumerLagAge")).toList();
        // Two entries, and the catch-all for groups no entry claims.
        assertEquals(List.of("KafkaConsumerLagAgeWarning", "KafkaConsumerLagAgeCritical", "KafkaConsumerLagAgeWarning",
                "KafkaConsumerLagAgeCritical", "KafkaConsumerLagAgeWarning", "KafkaConsumerLagAgeCritical"),
                rules.stream().map(r -> r.get("alert").asText()).toList());
        rules.forEach(r -> {
            String name = r.get("alert").asText();
            assertTrue(name.length() <= 40 && name.matches("[A-Z][A-Za-z0-9]*"), name);
            String summary = r.get("annotations").get("summary").asText();
            assertTrue(Character.isUpperCase(summary.charAt(0)) && summary.endsWith("."), summary);
            assertTrue(r.get("annotations").get("description").asText().contains("{{ $value | humanizeDuration }}"));
        });
    }

    @Test
    void laterEntriesExcludeEveryEarlierEntryThatClaimsTheSameGroups() {
        GeneratedFiles files = new RulesGenerator(RulesOptions.defaults()).generate(Fixtures.patterns());
        List<String> warnings = Generated.rules(files).stream()
                .filter(r -> r.get("alert").asText().equals("KafkaConsumerLagAgeWarning"))
                .map(r -> r.get("expr").asText()).toList();
        String metric = "kafka_consumergroup_lag_age_seconds";
        assertEquals(List.of(
                "max by (cluster, group, topic) ((" + metric + "{cluster=\"payments-eu\", group=\"ledger.writer\"}"
                        + SERVING + ") > 60",
                "max by (cluster, group, topic) ((" + metric + "{cluster=\"payments-eu\","
                        + " group=~\"risk-(scoring|rules)-[0-9]+\"}" + SERVING + ") > 600",
                "max by (cluster, group, topic) ((" + metric + "{cluster=\"payments-eu\", group=~\"ledger\\\\..*\","
                        + " group!~\"ledger\\\\.writer|(?:risk-(scoring|rules)-[0-9]+)\"}" + SERVING + ") > 3600",
                // risk-scoring-7 is claimed by the risk pattern above it: no rules of its own.
                "max by (cluster, group, topic) ((" + metric + "{cluster=\"payments-eu\", group=~\".*\","
                        + " group!~\"ledger\\\\.writer|(?:risk-(scoring|rules)-[0-9]+)|(?:ledger\\\\..*)|risk-scoring-7\"}"
                        + SERVING + ") > 7200"),
                warnings);
    }

    @Test
    void infoTierNeverPagesLouderAtTheLowerThreshold() {
        GeneratedFiles files = new RulesGenerator(RulesOptions.defaults()).generate(Fixtures.patterns());
        Generated.rules(files).stream().filter(r -> r.get("labels").get("tier").asText().equals("quiet"))
                .forEach(r -> assertEquals("info", r.get("labels").get("severity").asText(), r.toString()));
    }

    @Test
    void rulesAreSplitIntoGroupsOfAtMostTwenty() {
        StringBuilder yaml = new StringBuilder("""
                cluster: big
                teams:
                  a:
                    receivers:
                      - type: webhook
                        url: http://127.0.0.1:9/a
                tiers:
                  t:
                    severity: critical
                default_tier: t
                platform:
                  owner: a
                  tier: t
                consumer_groups:
                """);
        for (int i = 0; i < 11; i++) {
            yaml.append("  - name: group-").append(i).append("\n    owner: a\n");
        }
        List<JsonNode> groups = new java.util.ArrayList<>();
        Generated.groups(new RulesGenerator(RulesOptions.defaults()).generate(Fixtures.parse(yaml.toString())))
                .forEach(g -> {
                    if (g.get("name").asText().startsWith("kafka-steward.consumer-lag-age.")) {
                        groups.add(g);
                    }
                });
        assertEquals(2, groups.size());
        assertEquals("kafka-steward.consumer-lag-age.1", groups.get(0).get("name").asText());
        assertEquals(20, groups.get(0).get("rules").size());
        assertEquals("kafka-steward.consumer-lag-age.2", groups.get(1).get("name").asText());
        assertEquals(4, groups.get(1).get("rules").size(), "group-10, then the catch-all for unowned groups");
        assertEquals("max by (cluster, group, topic) ((kafka_consumergroup_lag_age_seconds{cluster=\"big\","
                + " group=\"group-10\"}" + SERVING + ")"
                + " > 300", groups.get(1).get("rules").get(0).get("expr").asText());
    }

    @Test
    void timeScaleShortensForButNotThresholds() {
        GeneratedFiles fast = new RulesGenerator(RulesOptions.defaults().withTimeScale(0.01)).generate(Fixtures.example());
        JsonNode tier1 = rule(fast, "KafkaConsumerLagAgeWarning", "fulfillment");
        assertEquals("1s", tier1.get("for").asText()); // 2m * 0.01 = 1.2s, rounded
        assertTrue(tier1.get("expr").asText().endsWith(" > 30"));
        assertEquals("3s", rule(fast, "KafkaConsumerLagAgeWarning", "customer-timeline").get("for").asText());
        JsonNode route = Generated.tree(fast, RulesGenerator.ALERTMANAGER_FILE).get("route");
        assertEquals("1s", route.get("group_wait").asText()); // 30s * 0.01 = 0.3s, at least 1s
        assertEquals("3s", route.get("group_interval").asText());
        assertEquals("2m24s", route.get("repeat_interval").asText());
    }

    @Test
    void withoutEntriesEveryGroupIsTheUnownedOwners() {
        GeneratedFiles files = new RulesGenerator(RulesOptions.defaults()).generate(Fixtures.parse("""
                cluster: none
                teams:
                  a:
                    receivers:
                      - type: webhook
                        url: http://127.0.0.1:9/a
                tiers:
                  t:
                    severity: critical
                platform:
                  owner: a
                  tier: t
                """));
        // No entries: every consumer group is unowned and its alerts go to the platform owner.
        List<JsonNode> consumer = Generated.rules(files).stream()
                .filter(r -> r.get("alert").asText().startsWith("KafkaConsumer")).toList();
        assertFalse(consumer.isEmpty());
        consumer.forEach(r -> assertEquals("a", r.get("labels").get("team").asText()));
        assertTrue(consumer.stream().allMatch(r -> r.get("expr").asText().contains("group=~\".*\"")),
                "the catch-all selects every group");
    }

    private static JsonNode rule(GeneratedFiles files, String alert, String team) {
        return Generated.rules(files).stream()
                .filter(r -> r.get("alert").asText().equals(alert) && r.get("labels").get("team").asText().equals(team))
                .findFirst().orElseThrow(() -> new AssertionError("no " + alert + " for " + team));
    }

    private static Map<String, String> map(JsonNode node) {
        Map<String, String> map = new TreeMap<>();
        node.fields().forEachRemaining(e -> map.put(e.getKey(), e.getValue().asText()));
        return map;
    }
}
