package dev.kafkasteward.demo.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kafkasteward.contract.testing.Await;
import dev.kafkasteward.demo.stack.RequiredBinaries;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;

/**
 * Issue #16, acceptance 2: two exporter replicas on one cluster, scraped as one job, as the production guide
 * runs them, behind real Prometheus and Alertmanager with a webhook per team. Both up: a lag page reaches its
 * owner once (not once per replica). One replica killed: the same page still reaches the owner, and platform
 * gets the warning for the lost replica, which mutes nothing. Both cut off from Kafka: platform gets the
 * critical "no replica serves fresh data", and Alertmanager holds the cluster's data alerts as inhibited.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(value = 6, unit = java.util.concurrent.TimeUnit.MINUTES)
class ExporterReplicasIT {

    private static final Path WORK = Path.of("target", "e2e-replicas");
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final String LAG = "KafkaConsumerLagAgeWarning";

    private E2eEnvironment env;
    private DrillRunner drills;

    @BeforeAll
    void start() throws Exception {
        env = E2eEnvironment.startWithReplicas(RequiredBinaries.onPath(), WORK, 2);
        drills = new DrillRunner(env);
        String query = "count by (instance) (kafka_consumergroup_lag_age_seconds{group=\"" + OrderTraffic.FULFILLMENT
                + "\"})";
        Await.until(Duration.ofSeconds(90), "Prometheus to hold lag age from both replicas; logs under "
                + WORK.toAbsolutePath(), () -> env.prometheus().seriesCount(query) == 2);
    }

    @AfterAll
    void stop() {
        if (env != null) {
            env.close();
        }
    }

    /** Both replicas up: the lag page reaches fulfillment, each alert once, without a replica's label. */
    @Test
    @Order(1)
    void bothUpTheOwnerIsPagedOnce() throws Exception {
        drills.run(lagDrill("Lag, two replicas up"));
    }

    /**
     * One replica killed: platform is warned of the lost replica, and the lag page still reaches its owner,
     * because the replica left alone keeps feeding the alert and nothing mutes it.
     */
    @Test
    @Order(2)
    void oneReplicaKilledThePageStillArrivesAndPlatformIsWarned() throws Exception {
        Instant killed = Instant.now();
        env.stopReplica(1);
        Notification down = env.receiver().await(killed, n -> n.team().equals("platform") && n.alerts().stream()
                        .anyMatch(a -> a.firing() && a.name().equals("KafkaStewardExporterDown")), TIMEOUT)
                .orElseThrow(() -> new AssertionError("platform was not warned of the lost replica: "
                        + env.receiver().since(killed)));
        Notification.Alert alert = down.alerts().stream().filter(a -> a.name().equals("KafkaStewardExporterDown"))
                .findFirst().orElseThrow();
        assertEquals("warning", alert.labels().get("severity"));
        drills.run(lagDrill("Lag, one replica killed").despite("KafkaStewardExporterDown"));
        assertTrue(env.receiver().since(killed).stream().noneMatch(n -> n.alerts().stream()
                        .anyMatch(a -> a.name().equals("KafkaStewardNoFreshData"))),
                "one replica left serves fresh data: no critical page");
        Instant restarted = Instant.now();
        env.restartReplica(1);
        env.receiver().await(restarted, n -> n.team().equals("platform") && n.resolved()
                        && n.mentions("KafkaStewardExporterDown"), TIMEOUT)
                .orElseThrow(() -> new AssertionError("the lost replica's warning did not resolve after its restart"));
    }

    /**
     * Both replicas cut off from Kafka while a lag alert fires: platform gets the critical page, and
     * Alertmanager holds the lag alert as suppressed by it. Reconnected, the critical page resolves.
     */
    @Test
    @Order(3)
    void bothCutOffTheDataAlertsAreInhibitedAndPlatformGetsTheCriticalPage() throws Exception {
        Instant slowed = Instant.now();
        env.traffic().slowFulfillment(Duration.ofMillis(500));
        try {
            env.receiver().await(slowed, n -> n.team().equals("fulfillment") && n.alerts().stream()
                            .anyMatch(a -> a.firing() && a.name().equals(LAG)), TIMEOUT)
                    .orElseThrow(() -> new AssertionError("no lag page before the cut"));
            Instant cut = Instant.now();
            env.stewardLink().cut();
            Notification critical = env.receiver().await(cut, n -> n.team().equals("platform") && n.alerts().stream()
                            .anyMatch(a -> a.firing() && a.name().equals("KafkaStewardNoFreshData")), TIMEOUT)
                    .orElseThrow(() -> new AssertionError("platform got no critical page with both replicas blind: "
                            + env.receiver().since(cut)));
            assertEquals("critical", critical.alerts().stream()
                    .filter(a -> a.name().equals("KafkaStewardNoFreshData")).findFirst().orElseThrow()
                    .labels().get("severity"));
            Optional<AlertmanagerApi.HeldAlert> lag = Optional.empty();
            Instant deadline = Instant.now().plus(TIMEOUT);
            while (lag.isEmpty() && Instant.now().isBefore(deadline)) {
                lag = env.alertmanager().alerts().stream().filter(a -> a.name().equals(LAG)
                        && a.state().equals("suppressed") && !a.inhibitedBy().isEmpty()).findFirst();
                Thread.sleep(500);
            }
            assertTrue(lag.isPresent(), "the lag alert is not held as inhibited: " + env.alertmanager().alerts());
        } finally {
            Instant restored = Instant.now();
            env.traffic().slowFulfillment(Duration.ZERO);
            env.stewardLink().restore();
            env.receiver().await(restored, n -> n.team().equals("platform") && n.resolved()
                            && n.mentions("KafkaStewardNoFreshData"), TIMEOUT)
                    .orElseThrow(() -> new AssertionError("the critical page did not resolve after reconnecting"));
        }
    }

    private Drill lagDrill(String name) {
        return Drill.of(name, LAG, "fulfillment", Map.of("group", OrderTraffic.FULFILLMENT),
                () -> env.traffic().slowFulfillment(Duration.ofMillis(500)),
                () -> env.traffic().slowFulfillment(Duration.ZERO));
    }
}
