package dev.kafkasteward.signals.platform;

import dev.kafkasteward.contract.catalog.AlertCatalog;
import dev.kafkasteward.contract.catalog.JmxMetrics;
import dev.kafkasteward.contract.catalog.MetricDef;
import dev.kafkasteward.contract.ownership.ResponsibilityArea;
import dev.kafkasteward.signals.Condition;
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
 * Latency as clients feel it: p99 produce and consumer-fetch time per broker, and p99 time requests
 * wait for a handler thread (the first sign of a saturated broker).
 */
public final class BrokerRequestAlerts {

    public static final String PRODUCE_LATENCY = AlertCatalog.PRODUCE_LATENCY_HIGH.name();
    public static final String FETCH_LATENCY = AlertCatalog.FETCH_LATENCY_HIGH.name();
    public static final String QUEUE_TIME = AlertCatalog.REQUEST_QUEUE_TIME_HIGH.name();
    public static final String FAILED_PRODUCE = AlertCatalog.BROKER_FAILED_PRODUCE_REQUESTS.name();
    public static final String FAILED_FETCH = AlertCatalog.BROKER_FAILED_FETCH_REQUESTS.name();
    static final double PRODUCE_P99_SECONDS = 0.5;
    /** Includes the consumer's fetch.max.wait.ms (500 ms by default) of long polling. */
    static final double FETCH_P99_SECONDS = 1.5;
    static final double QUEUE_P99_SECONDS = 0.1;

    private BrokerRequestAlerts() {
    }

    public static PlatformFamily family(double timeScale) {
        return new PlatformFamily("broker-requests", ResponsibilityArea.BROKERS_AND_CONTROLLERS, timeScale, List.of(
                failed(FAILED_PRODUCE, JmxMetrics.FAILED_PRODUCE_REQUESTS, "produce", timeScale),
                failed(FAILED_FETCH, JmxMetrics.FAILED_FETCH_REQUESTS, "fetch", timeScale),
                latency(PRODUCE_LATENCY, "Produce", "produce", PRODUCE_P99_SECONDS),
                latency(FETCH_LATENCY, "FetchConsumer", "consumer fetch", FETCH_P99_SECONDS),
                new PlatformSignal(QUEUE_TIME, SeverityRule.WARNING, Durations.parse("10m"),
                        c -> Condition.above("max by (cluster, instance, request) ("
                                + JmxMetrics.REQUEST_QUEUE_TIME.select(PromQl.eq("cluster", c),
                                PromQl.eq("quantile", "0.99")) + ")", QUEUE_P99_SECONDS),
                        new Text(v -> "Requests wait for a handler on broker " + v.label("instance") + ".",
                                v -> "The 99th percentile time " + v.label("request") + " requests wait in broker "
                                        + v.label("instance") + "'s request queue in cluster " + v.label("cluster")
                                        + " is " + v.value(ValueUnit.DURATION) + ", above "
                                        + PromQl.number(QUEUE_P99_SECONDS) + "s: its request handlers are saturated."),
                        c -> Scenarios.gauge(JmxMetrics.REQUEST_QUEUE_TIME, c, List.of("instance", "request"),
                                Map.of("instance", "broker-1:7071", "request", "Produce", "quantile", "0.99"), 0.25,
                                Map.of("instance", "broker-2:7071", "request", "Produce", "quantile", "0.99"),
                                0.01))),
                List.of());
    }

    /**
     * Failed requests of one kind on a broker, all topics, lasting 10 minutes: a short burst while leaders
     * move is normal, a steady stream is not. Per-topic meters appear only after a failure, so per topic the
     * owners get the causes instead (KafkaTopicUnderMinIsr, KafkaTopicOfflinePartitions).
     */
    private static PlatformSignal failed(String alert, MetricDef metric, String kind, double timeScale) {
        return new PlatformSignal(alert, SeverityRule.WARNING, Durations.parse("10m"),
                c -> Condition.above("sum by (cluster, instance) (rate(" + metric.select(PromQl.eq("cluster", c))
                        + "[" + Durations.window("5m", timeScale) + "]))", 0),
                new Text(v -> "Broker " + v.label("instance") + " keeps failing " + kind + " requests.",
                        v -> "Broker " + v.label("instance") + " in cluster " + v.label("cluster") + " fails "
                                + v.value(ValueUnit.NUMBER) + " " + kind + " requests per second, for 10 minutes:"
                                + " its clients see errors on every retry."),
                // 6 failures a minute: 0.1 per second, more per second when the scenario's minute is scaled down.
                c -> Scenarios.counter(metric, c, List.of("instance"), Map.of("instance", "broker-1:7071"), 6,
                        Map.of("instance", "broker-2:7071"), 0, 0.1 / timeScale, 5));
    }

    private static PlatformSignal latency(String alert, String request, String words, double threshold) {
        MetricDef metric = JmxMetrics.REQUEST_TOTAL_TIME;
        return new PlatformSignal(alert, SeverityRule.WARNING, Durations.parse("10m"),
                c -> Condition.above("max by (cluster, instance) (" + metric.select(PromQl.eq("cluster", c),
                        PromQl.eq("request", request), PromQl.eq("quantile", "0.99")) + ")", threshold),
                new Text(v -> "Broker " + v.label("instance") + " serves " + words + " requests slowly.",
                        v -> "The 99th percentile " + words + " request time on broker " + v.label("instance")
                                + " in cluster " + v.label("cluster") + " is " + v.value(ValueUnit.DURATION)
                                + ", above " + PromQl.number(threshold) + "s."),
                c -> Scenarios.gauge(metric, c, List.of("instance"),
                        Map.of("instance", "broker-1:7071", "request", request, "quantile", "0.99"), threshold * 2,
                        Map.of("instance", "broker-2:7071", "request", request, "quantile", "0.99"), threshold / 2));
    }
}
