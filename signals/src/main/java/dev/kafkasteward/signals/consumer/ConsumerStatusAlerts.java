package dev.kafkasteward.signals.consumer;

import dev.kafkasteward.contract.catalog.AlertCatalog;
import dev.kafkasteward.contract.catalog.LagMetrics;
import dev.kafkasteward.contract.ownership.Ownership;
import dev.kafkasteward.contract.ownership.PromDuration;
import dev.kafkasteward.signals.ServingReplicas;
import dev.kafkasteward.signals.promql.PromQl;
import dev.kafkasteward.signals.promql.ValueUnit;
import dev.kafkasteward.signals.AlertInstance;
import dev.kafkasteward.signals.Condition;
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
 * Consumer partitions that are stalled, stopped or unassigned, and records retention deleted before
 * the group read them; per consumer-group entry, to its owner, one alert per group and topic.
 */
public final class ConsumerStatusAlerts extends ConsumerFamily {

    public static final String STALLED = AlertCatalog.CONSUMER_PARTITION_STALLED.name();
    public static final String STOPPED = AlertCatalog.CONSUMER_PARTITION_STOPPED.name();
    public static final String UNASSIGNED = AlertCatalog.CONSUMER_PARTITION_UNASSIGNED.name();
    public static final String RECORDS_LOST = AlertCatalog.CONSUMER_RECORDS_LOST.name();
    public static final String RETENTION_HEADROOM = AlertCatalog.CONSUMER_RETENTION_HEADROOM_LOW.name();
    /** Time left before retention deletes unread records; below it, the owner has to act now. */
    static final long HEADROOM_SECONDS = 3600;

    /** One status signal: the status value and what it means to the owner. */
    private record StatusSignal(String alert, String status, SeverityRule severity, String summary, String meaning) {
    }

    private static final List<StatusSignal> STATUS_SIGNALS = List.of(
            new StatusSignal(STALLED, "stalled", SeverityRule.TIER, "is stalled on",
                    "have lag while the group's members do not move the committed offset"),
            new StatusSignal(STOPPED, "stopped", SeverityRule.TIER, "has stopped consuming",
                    "have lag and no member of the group consumes them"),
            new StatusSignal(UNASSIGNED, "unassigned", SeverityRule.WARNING, "leaves partitions unassigned on",
                    "are assigned to no member although the group is live"));

    public ConsumerStatusAlerts(double timeScale, ConsumerEntries entries) {
        super(timeScale, entries);
    }

    @Override
    public String name() {
        return "consumer-status";
    }

    @Override
    void instances(ConsumerEntries.Planned p, String cluster, List<AlertInstance> instances) {
        PromDuration alertFor = scaled(p.tier().alertFor());
        String owner = p.entry().owner();
        Recipient to = p.recipient();
        for (StatusSignal s : STATUS_SIGNALS) {
            // Per partition the largest over exporter replicas first: two replicas do not double the count.
            Condition condition = Condition.above("count by (cluster, group, topic) (max by (cluster, group,"
                    + " topic, partition) (" + ServingReplicas.only(LagMetrics.PARTITION_STATUS.select(
                    with(p.matchers(cluster), PromQl.eq("status", s.status())))) + ") == 1)", 0);
            Text text = new Text(v -> "Consumer group " + v.label("group") + " " + s.summary() + " topic "
                    + v.label("topic") + ".",
                    v -> v.value(ValueUnit.NUMBER) + " partitions of topic " + v.label("topic") + " in cluster "
                            + v.label("cluster") + " " + s.meaning() + " (group " + v.label("group") + ", "
                            + p.tier().name() + "). Owner: " + owner + ".");
            instances.add(to.alert(s.alert(), condition, alertFor, s.severity(), text,
                    statusScenarios(p, cluster, s.status())));
        }
        Condition lost = Condition.above("sum by (cluster, group, topic) (max by (cluster, group, topic, partition)"
                + " (" + ServingReplicas.only(LagMetrics.RECORDS_LOST.select(p.matchers(cluster).toArray(String[]::new)))
                + "))", 0);
        instances.add(to.alert(RECORDS_LOST, lost, PromDuration.ofSeconds(0), SeverityRule.TIER,
                new Text(v -> "Consumer group " + v.label("group") + " lost records of topic " + v.label("topic")
                        + ".",
                        v -> "Retention deleted " + v.value(ValueUnit.NUMBER) + " records of topic "
                                + v.label("topic") + " in cluster " + v.label("cluster") + " before consumer group "
                                + v.label("group") + " read them. Owner: " + owner + "."),
                lostScenarios(p, cluster)));
        Condition headroom = Condition.below("min by (cluster, group, topic) ("
                + ServingReplicas.only(LagMetrics.RETENTION_HEADROOM.select(p.matchers(cluster).toArray(String[]::new)))
                + ")",
                HEADROOM_SECONDS);
        instances.add(to.alert(RETENTION_HEADROOM, headroom, alertFor, SeverityRule.TIER,
                new Text(v -> "Retention is about to delete records consumer group " + v.label("group")
                        + " has not read.",
                        v -> "Retention may delete unread records of topic " + v.label("topic") + " in cluster "
                                + v.label("cluster") + " in " + v.value(ValueUnit.DURATION) + " (threshold 1h):"
                                + " consumer group " + v.label("group") + " must catch up. Owner: " + owner + "."),
                p.sample().map(group -> List.of(Scenarios.gauge(LagMetrics.RETENTION_HEADROOM, cluster,
                        List.of("group", "topic"), Map.of("group", group, "topic", "orders", "partition", "0"), 1200,
                        Map.of("group", group, "topic", "fine", "partition", "0"), 86400))).orElse(List.of())));
    }

    private static String[] with(List<String> matchers, String extra) {
        List<String> all = new ArrayList<>(matchers);
        all.add(extra);
        return all.toArray(String[]::new);
    }

    /** Two partitions of one topic in the status (fires, value 2); another topic fine; the same elsewhere. */
    private static List<Scenario> statusScenarios(ConsumerEntries.Planned p, String cluster, String status) {
        return p.sample().map(group -> {
            List<Input> inputs = new ArrayList<>();
            for (String c : List.of(cluster, cluster + Scenarios.OTHER_CLUSTER_SUFFIX)) {
                for (String partition : List.of("0", "1")) {
                    inputs.add(Input.gauge(LagMetrics.PARTITION_STATUS, Map.of("cluster", c, "group", group,
                            "topic", "in-" + status, "partition", partition, "status", status), 1));
                }
                inputs.add(Input.gauge(LagMetrics.PARTITION_STATUS, Map.of("cluster", c, "group", group,
                        "topic", "fine", "partition", "0", "status", status), 0));
                inputs.add(Input.gauge(LagMetrics.PARTITION_STATUS, Map.of("cluster", c, "group", group,
                        "topic", "fine", "partition", "0", "status", "ok"), 1));
            }
            return List.of(new Scenario(inputs, List.of(Firing.of(Map.of("cluster", cluster, "group", group,
                    "topic", "in-" + status), 2)), 0));
        }).orElse(List.of());
    }

    private static List<Scenario> lostScenarios(ConsumerEntries.Planned p, String cluster) {
        return p.sample().map(group -> List.of(Scenarios.gauge(LagMetrics.RECORDS_LOST, cluster,
                List.of("group", "topic"), Map.of("group", group, "topic", "orders", "partition", "0"), 1500,
                null, 0))).orElse(List.of());
    }
}
