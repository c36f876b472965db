package dev.kafkasteward.signals.apps;

import dev.kafkasteward.contract.catalog.AlertCatalog;
import dev.kafkasteward.contract.catalog.JmxMetrics;
import dev.kafkasteward.contract.ownership.ConnectorOwnership;
import dev.kafkasteward.contract.ownership.Ownership;
import dev.kafkasteward.contract.ownership.PromDuration;
import dev.kafkasteward.contract.ownership.ResponsibilityArea;
import dev.kafkasteward.signals.Condition;
import dev.kafkasteward.signals.Inhibition;
import dev.kafkasteward.signals.promql.PromQl;
import dev.kafkasteward.signals.promql.ValueUnit;
import dev.kafkasteward.signals.AlertInstance;
import dev.kafkasteward.signals.InstanceFamily;
import dev.kafkasteward.signals.Recipient;
import dev.kafkasteward.signals.Scenario;
import dev.kafkasteward.signals.Scenario.Firing;
import dev.kafkasteward.signals.Scenario.Input;
import dev.kafkasteward.signals.Scenarios;
import dev.kafkasteward.signals.SeverityRule;
import dev.kafkasteward.signals.Text;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Kafka Connect, per connector in ownership.yml, to the connector's owner: the connector failed,
 * tasks failed, records lost on the way to the connector's dead-letter queue.
 */
public final class ConnectAlerts extends InstanceFamily {

    public static final String CONNECTOR_FAILED = AlertCatalog.CONNECT_CONNECTOR_FAILED.name();
    public static final String TASK_FAILED = AlertCatalog.CONNECT_TASK_FAILED.name();
    public static final String DLQ_FAILURES = AlertCatalog.CONNECT_DLQ_PRODUCE_FAILURES.name();

    public ConnectAlerts(double timeScale) {
        super(timeScale);
    }

    @Override
    public String name() {
        return "connect";
    }

    /** The connectors one alert set is about: a declared one, or every connector no entry names. */
    private record Connectors(String matcher, String sample, Recipient recipient) {
    }

    @Override
    public List<AlertInstance> instances(Ownership ownership) {
        String cluster = ownership.cluster();
        List<AlertInstance> instances = new ArrayList<>();
        for (Connectors connectors : connectors(ownership)) {
            PromDuration alertFor = scaled(PromDuration.ofSeconds(120));
            String c = PromQl.eq("cluster", cluster);
            String n = connectors.matcher();
            Recipient to = connectors.recipient();
            String owner = to.team();
            instances.add(to.alert(CONNECTOR_FAILED, Condition.above("max by (cluster, connector) ("
                    + JmxMetrics.CONNECT_CONNECTOR_STATUS.select(c, n, PromQl.eq("status", "failed")) + ")", 0),
                    alertFor, SeverityRule.TIER,
                    new Text(v -> "Connector " + v.label("connector") + " has failed.",
                            v -> "Kafka Connect reports connector " + v.label("connector") + " in cluster "
                                    + v.label("cluster") + " as failed: its pipeline moves no data. Owner: " + owner + "."),
                    List.of(statusScenario(cluster, connectors.sample(), false))));
            instances.add(to.alert(TASK_FAILED, Condition.above("count by (cluster, connector) ("
                    + JmxMetrics.CONNECT_TASK_STATUS.select(c, n, PromQl.eq("status", "failed")) + " == 1)", 0),
                    alertFor, SeverityRule.TIER,
                    new Text(v -> "Tasks of connector " + v.label("connector") + " have failed.",
                            v -> v.value(ValueUnit.NUMBER) + " tasks of connector " + v.label("connector")
                                    + " in cluster " + v.label("cluster") + " have failed: their share of the data is"
                                    + " not moving. Owner: " + owner + "."),
                    List.of(statusScenario(cluster, connectors.sample(), true))));
            instances.add(to.alert(DLQ_FAILURES, Condition.above("sum by (cluster, connector) (increase("
                    + JmxMetrics.CONNECT_DLQ_PRODUCE_FAILURES.select(c, n) + "[" + window("10m") + "]))", 0),
                    PromDuration.ofSeconds(0), SeverityRule.TIER,
                    new Text(v -> "Connector " + v.label("connector") + " loses records meant for its dead-letter queue.",
                            v -> v.value(ValueUnit.NUMBER) + " records of connector " + v.label("connector")
                                    + " in cluster " + v.label("cluster") + " failed to reach its dead-letter queue in"
                                    + " 10 minutes: they are lost. Owner: " + owner + "."),
                    List.of(Scenarios.counter(JmxMetrics.CONNECT_DLQ_PRODUCE_FAILURES, cluster, List.of("connector"),
                            Map.of("connector", connectors.sample(), "task", "0"), 2,
                            Map.of("connector", connectors.sample(), "task", "1"), 0, 20, 10))));
        }
        return instances;
    }

    /** Each declared connector, then every other connector, which the {@code unowned} owner answers for. */
    private static List<Connectors> connectors(Ownership ownership) {
        List<Connectors> all = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (ConnectorOwnership connector : ownership.connectors()) {
            all.add(new Connectors(PromQl.eq("connector", connector.name()), connector.name(),
                    Recipient.of(ownership, ResponsibilityArea.CONNECT_TASKS, connector.owner(), connector.alsoNotify(),
                            connector.tier(), connector.alerts())));
            names.add(connector.name());
        }
        String unowned = "unowned-connector";
        while (names.contains(unowned)) {
            unowned += "-x";
        }
        all.add(new Connectors(names.isEmpty() ? PromQl.matches("connector", ".+")
                : PromQl.notMatches("connector", names.stream().map(PromQl::regexLiteral)
                .collect(java.util.stream.Collectors.joining("|"))), unowned,
                Recipient.of(ownership, ResponsibilityArea.CONNECT_TASKS, ownership.unowned().owner(), List.of(),
                        ownership.unowned().tier(), Map.of())));
        return all;
    }

    /** Failed connector or two failed tasks fire; a running one and other connectors do not. */
    private static Scenario statusScenario(String cluster, String connector, boolean tasks) {
        List<Input> inputs = new ArrayList<>();
        var metric = tasks ? JmxMetrics.CONNECT_TASK_STATUS : JmxMetrics.CONNECT_CONNECTOR_STATUS;
        for (String[] t : new String[][] {{cluster, connector, "failed", "1"}, {cluster, connector, "running", "0"},
                {cluster + Scenarios.OTHER_CLUSTER_SUFFIX, connector, "failed", "1"}}) {
            for (String task : tasks ? List.of("0", "1") : List.of("")) {
                Map<String, String> labels = new java.util.TreeMap<>(Map.of("cluster", t[0], "connector", t[1],
                        "status", t[2], "instance", "connect-1:7073"));
                if (tasks) {
                    labels.put("task", task);
                }
                inputs.add(Input.gauge(metric, labels, Double.parseDouble(t[3])));
            }
        }
        return new Scenario(inputs, List.of(Firing.of(Map.of("cluster", cluster, "connector", connector),
                tasks ? 2 : 1)), 0);
    }

    @Override
    public List<Inhibition> inhibitions() {
        // A failed connector explains its failed tasks.
        return List.of(Inhibition.of(CONNECTOR_FAILED, PromQl.eq("alertname", TASK_FAILED),
                List.of("cluster", "connector")));
    }
}
