package dev.kafkasteward.signals.platform;

import dev.kafkasteward.contract.catalog.AlertCatalog;
import dev.kafkasteward.contract.catalog.JmxMetrics;
import dev.kafkasteward.contract.catalog.ReplicationMetrics;
import dev.kafkasteward.contract.ownership.ResponsibilityArea;
import dev.kafkasteward.signals.ServingReplicas;
import dev.kafkasteward.signals.Condition;
import dev.kafkasteward.signals.Inhibition;
import dev.kafkasteward.signals.promql.Durations;
import dev.kafkasteward.signals.promql.PromQl;
import dev.kafkasteward.signals.promql.ValueUnit;
import dev.kafkasteward.signals.PlatformFamily;
import dev.kafkasteward.signals.PlatformSignal;
import dev.kafkasteward.signals.Scenarios;
import dev.kafkasteward.signals.SeverityRule;
import dev.kafkasteward.signals.Text;
import java.util.List;
import java.util.Map;

/**
 * Durability: under-replicated partitions (per topic from the exporter, per broker from JMX),
 * partitions under min ISR (acks=all writes fail) and ISR churn. All go to the platform owner.
 */
public final class ReplicationAlerts {

    public static final String TOPIC_URP = AlertCatalog.TOPIC_UNDER_REPLICATED.name();
    public static final String BROKER_URP = AlertCatalog.BROKER_UNDER_REPLICATED.name();
    public static final String BROKER_UNDER_MIN_ISR = AlertCatalog.BROKER_UNDER_MIN_ISR.name();
    public static final String ISR_SHRINKS = AlertCatalog.ISR_SHRINK_RATE_HIGH.name();
    static final int ISR_SHRINKS_IN_15M = 5;

    private ReplicationAlerts() {
    }

    public static PlatformFamily family(double timeScale) {
        return new PlatformFamily("replication", ResponsibilityArea.BROKERS_AND_CONTROLLERS, timeScale, List.of(
                new PlatformSignal(TOPIC_URP, SeverityRule.WARNING, Durations.parse("10m"),
                        c -> Condition.above("max by (cluster, topic) ("
                                + ServingReplicas.only(ReplicationMetrics.TOPIC_UNDER_REPLICATED_PARTITIONS.select(
                                PromQl.eq("cluster", c)))
                                + ")", 0),
                        new Text(v -> "Topic " + v.label("topic") + " has under-replicated partitions.",
                                v -> v.value(ValueUnit.NUMBER) + " partitions of topic " + v.label("topic")
                                        + " in cluster " + v.label("cluster") + " have fewer in-sync replicas than"
                                        + " replicas for 10 minutes: durability is reduced."),
                        c -> Scenarios.gauge(ReplicationMetrics.TOPIC_UNDER_REPLICATED_PARTITIONS, c, List.of("topic"),
                                Map.of("topic", "orders"), 3, Map.of("topic", "healthy"), 0)),
                new PlatformSignal(BROKER_URP, SeverityRule.WARNING, Durations.parse("10m"),
                        c -> Condition.above("max by (cluster, instance) ("
                                + JmxMetrics.BROKER_UNDER_REPLICATED_PARTITIONS.select(PromQl.eq("cluster", c)) + ")", 0),
                        new Text(v -> "Broker " + v.label("instance") + " leads under-replicated partitions.",
                                v -> "Broker " + v.label("instance") + " in cluster " + v.label("cluster") + " leads "
                                        + v.value(ValueUnit.NUMBER) + " partitions whose followers are not all in sync"
                                        + " for 10 minutes."),
                        c -> Scenarios.gauge(JmxMetrics.BROKER_UNDER_REPLICATED_PARTITIONS, c, List.of("instance"),
                                Map.of("instance", "broker-1:7071"), 4, Map.of("instance", "broker-2:7071"), 0)),
                new PlatformSignal(BROKER_UNDER_MIN_ISR, SeverityRule.TIER, Durations.parse("1m"),
                        c -> Condition.above("max by (cluster, instance) ("
                                + JmxMetrics.BROKER_UNDER_MIN_ISR_PARTITIONS.select(PromQl.eq("cluster", c)) + ")", 0),
                        new Text(v -> "Broker " + v.label("instance") + " leads partitions under min.insync.replicas.",
                                v -> "Broker " + v.label("instance") + " in cluster " + v.label("cluster") + " leads "
                                        + v.value(ValueUnit.NUMBER) + " partitions with fewer in-sync replicas than"
                                        + " min.insync.replicas: producers with acks=all fail on them."),
                        c -> Scenarios.gauge(JmxMetrics.BROKER_UNDER_MIN_ISR_PARTITIONS, c, List.of("instance"),
                                Map.of("instance", "broker-1:7071"), 2, Map.of("instance", "broker-2:7071"), 0)),
                new PlatformSignal(ISR_SHRINKS, SeverityRule.WARNING, Durations.parse("5m"),
                        c -> Condition.above("sum by (cluster, instance) (increase(" + JmxMetrics.ISR_SHRINKS.select(
                                PromQl.eq("cluster", c)) + "[" + Durations.window("15m", timeScale) + "]))",
                                ISR_SHRINKS_IN_15M),
                        new Text(v -> "In-sync replica sets shrink often on broker " + v.label("instance") + ".",
                                v -> "Partitions on broker " + v.label("instance") + " in cluster " + v.label("cluster")
                                        + " lost in-sync replicas " + v.value(ValueUnit.NUMBER) + " times in 15 minutes"
                                        + " (threshold " + ISR_SHRINKS_IN_15M + "): followers keep falling behind."),
                        c -> Scenarios.counter(JmxMetrics.ISR_SHRINKS, c, List.of("instance"),
                                Map.of("instance", "broker-1:7071"), 1, Map.of("instance", "broker-2:7071"), 0.2,
                                15, 15))),
                // The broker view names the broker; the topic view is the fallback when JMX is not scraped.
                List.of(Inhibition.of(BROKER_URP, PromQl.eq("alertname", TOPIC_URP), List.of("cluster"))));
    }
}
