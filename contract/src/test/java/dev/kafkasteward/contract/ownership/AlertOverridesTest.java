package dev.kafkasteward.contract.ownership;

import static dev.kafkasteward.contract.ownership.Loading.BASE;
import static dev.kafkasteward.contract.ownership.Loading.assertDiagnostic;
import static dev.kafkasteward.contract.ownership.Loading.errors;
import static dev.kafkasteward.contract.ownership.Loading.line;
import static dev.kafkasteward.contract.ownership.Loading.load;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** {@code alerts:} on an entry: turn one of its alerts off or change its severity, by the alert's name. */
class AlertOverridesTest {

    private static final String DEFAULTED = BASE + "default_tier: tier-1\n";

    @Test
    void anEntryTurnsAnAlertOffOrChangesItsSeverity() {
        Ownership o = load(DEFAULTED + """
                consumer_groups:
                  - name: batch-loader
                    owner: checkout
                    alerts:
                      KafkaConsumerPartitionStalled: {enabled: false}
                      KafkaConsumerRecordsLost: {severity: info}
                """);
        assertEquals(Map.of("KafkaConsumerPartitionStalled", new AlertOverride(false, Optional.empty()),
                        "KafkaConsumerRecordsLost", new AlertOverride(true, Optional.of(Severity.INFO))),
                o.consumerGroupOwner("batch-loader").orElseThrow().alerts());
    }

    @Test
    void platformOverridesItsOwnAlerts() {
        Ownership o = load(DEFAULTED.replace("platform:\n  owner: payments\n  tier: tier-1\n", """
                platform:
                  owner: payments
                  tier: tier-1
                  alerts:
                    KafkaLeadershipChurn: {severity: info}
                    KafkaJvmHeapHigh: {enabled: false}
                """));
        assertEquals(Map.of("KafkaLeadershipChurn", new AlertOverride(true, Optional.of(Severity.INFO)),
                "KafkaJvmHeapHigh", new AlertOverride(false, Optional.empty())), o.platform().alerts());
    }

    @Test
    void anUnknownAlertAnotherEntrysAlertAndAnEmptyOverrideAreReportedAtOnceWhereWritten() {
        List<Diagnostic> found = errors(DEFAULTED + """
                topics:
                  - name: orders
                    owner: checkout
                    alerts:
                      KafkaTopicUnderMinIsrr: {enabled: false}
                      KafkaConsumerRecordsLost: {enabled: false}
                      KafkaTopicAtMinIsr: {}
                      KafkaTopicOfflinePartitions: {severity: loud}
                """);
        assertEquals(4, found.size(), Loading.lines(found));
        String topicAlerts = "; alerts about a topic: KafkaTopicUnderMinIsr, KafkaTopicOfflinePartitions,"
                + " KafkaTopicAtMinIsr, KafkaTopicReplicationFactorBelowTier, KafkaTopicMinInsyncReplicasBelowTier,"
                + " KafkaTopicUncleanLeaderElectionEnabled, KafkaTopicRetentionBelowTier";
        assertDiagnostic(line(5) + 1, 7, "unknown alert 'KafkaTopicUnderMinIsrr' (did you mean"
                + " 'KafkaTopicUnderMinIsr'?)" + topicAlerts, found.get(0));
        assertDiagnostic(line(6) + 1, 7, "alert 'KafkaConsumerRecordsLost' is not about a topic" + topicAlerts,
                found.get(1));
        assertDiagnostic(line(7) + 1, 27, "alert 'KafkaTopicAtMinIsr' of a topic changes nothing: set"
                + " 'enabled: false' or a 'severity'", found.get(2));
        assertDiagnostic(line(8) + 1, 47, "unknown severity 'loud'; expected one of: critical, warning, info",
                found.get(3));
    }
}
