package dev.kafkasteward.signals;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kafkasteward.contract.catalog.AlertCatalog;
import dev.kafkasteward.contract.ownership.Ownership;
import dev.kafkasteward.contract.ownership.OwnershipException;
import dev.kafkasteward.contract.ownership.OwnershipLoader;
import dev.kafkasteward.contract.ownership.Severity;
import dev.kafkasteward.contract.testing.LargeOwnership;
import java.nio.file.Path;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The plan the generators render: its alerts are the catalog's, and an entry's overrides shape them. */
class SignalPlanTest {

    private static final Signals SIGNALS = new Signals(SignalOptions.defaults());

    @Test
    void theSignalsProduceExactlyTheCatalogsAlerts() throws OwnershipException {
        SortedSet<String> generated = new TreeSet<>();
        for (Ownership ownership : List.of(load("../examples/ownership.yml"),
                load("../rules/src/test/resources/routing.yml"), LargeOwnership.generate(3, 10))) {
            SIGNALS.plan(ownership).instances().forEach(i -> generated.add(i.alert()));
        }
        SortedSet<String> catalog = new TreeSet<>();
        AlertCatalog.ALL.forEach(a -> catalog.add(a.name()));
        assertEquals(catalog, generated);
    }

    @Test
    void anEntryTurnsOffOrDowngradesItsOwnAlertsOnly() throws OwnershipException {
        Ownership ownership = new OwnershipLoader().parse("overrides.yml", """
                cluster: c
                default_tier: gold
                teams:
                  analytics:
                    receivers: [{type: webhook, url: "http://127.0.0.1:1/a"}]
                  platform:
                    receivers: [{type: webhook, url: "http://127.0.0.1:1/p"}]
                tiers:
                  gold:
                    severity: critical
                consumer_groups:
                  - pattern: 'batch-.*'
                    owner: analytics
                    alerts:
                      KafkaConsumerPartitionStalled: {enabled: false}
                      KafkaConsumerRecordsLost: {severity: info}
                platform:
                  owner: platform
                  alerts:
                    KafkaLeadershipChurn: {enabled: false}
                """);
        List<AlertInstance> instances = SIGNALS.plan(ownership).instances();
        List<AlertInstance> batch = instances.stream().filter(i -> i.expr().contains("batch-.*")
                && !i.expr().contains("group!~")).toList();
        assertFalse(batch.isEmpty());
        assertTrue(batch.stream().noneMatch(i -> i.alert().equals("KafkaConsumerPartitionStalled")));
        assertEquals(Severity.INFO, batch.stream().filter(i -> i.alert().equals("KafkaConsumerRecordsLost"))
                .findFirst().orElseThrow().severity());
        // The catch-all for other groups keeps both, at the tier's severity.
        List<AlertInstance> others = instances.stream().filter(i -> i.expr().contains("group!~")).toList();
        assertTrue(others.stream().anyMatch(i -> i.alert().equals("KafkaConsumerPartitionStalled")));
        assertEquals(Severity.CRITICAL, others.stream().filter(i -> i.alert().equals("KafkaConsumerRecordsLost"))
                .findFirst().orElseThrow().severity());
        assertTrue(instances.stream().noneMatch(i -> i.alert().equals("KafkaLeadershipChurn")));
    }

    private static Ownership load(String path) throws OwnershipException {
        return new OwnershipLoader().load(Path.of(path));
    }
}
