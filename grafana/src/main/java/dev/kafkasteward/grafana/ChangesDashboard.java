package dev.kafkasteward.grafana;

import dev.kafkasteward.contract.catalog.ChangeMetrics;
import dev.kafkasteward.contract.catalog.JmxMetrics;
import dev.kafkasteward.contract.catalog.MetricDef;
import dev.kafkasteward.contract.catalog.ReplicationMetrics;
import dev.kafkasteward.contract.gate.GateCondition;
import dev.kafkasteward.contract.output.DashboardUids;
import dev.kafkasteward.contract.ownership.Ownership;
import dev.kafkasteward.grafana.model.Dashboard;
import dev.kafkasteward.grafana.model.Panel;
import dev.kafkasteward.grafana.model.RowPanel;
import dev.kafkasteward.grafana.model.Target;
import dev.kafkasteward.grafana.model.Transformation;
import dev.kafkasteward.grafana.promql.PanelPromQl;
import dev.kafkasteward.signals.SignalPlan;
import dev.kafkasteward.signals.change.ChangeAlerts;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The cluster in change (seed 000's Tests 1-3), in the order a change is watched: may I go on (the change
 * gate's conditions), where does the data sit (balance per broker), how far is the move (reassignments and
 * throttles), which broker may stop (drain readiness), and what runs (feature levels and versions).
 */
final class ChangesDashboard {

    private static final int HALF = GridLayout.COLUMNS / 2;
    private static final int HEIGHT = 8;

    private ChangesDashboard() {
    }

    static Dashboard build(Ownership ownership, SignalPlan plan) {
        GridLayout grid = new GridLayout();
        List<Panel> panels = new ArrayList<>();
        panels.addAll(gate(grid, plan));
        panels.addAll(balance(grid));
        panels.addAll(reassignments(grid));
        panels.addAll(drain(grid));
        panels.addAll(versions(grid));
        String uid = DashboardUids.changes(ownership.cluster());
        return DashboardFrame.of(uid, "Kafka Steward / Changes / " + ownership.cluster(),
                "Adding and removing brokers, reassignments and rolling upgrades of Kafka cluster "
                        + ownership.cluster() + ": the change gate's conditions, balance per broker, reassignment"
                        + " progress and throttles, drain readiness and versions. docs/changing-the-cluster.md walks"
                        + " through the procedures.",
                "changes", "30s", "now-3h", DashboardVariables.withJobAndInstance(DashboardVariables.common(ownership)),
                DashboardFrame.clusterLinks(ownership, uid), panels);
    }

    private static List<Panel> gate(GridLayout grid, SignalPlan plan) {
        String blocked = GateCondition.SERIES + "{" + PanelPromQl.CLUSTER + "}";
        long conditions = plan.gate().stream().map(g -> g.condition()).distinct().count();
        return List.of(
                RowPanel.expanded(grid.nextId(), "Change gate: may the next step go ahead?", grid.row()),
                Panels.table(new Panels.Head(grid.nextId(), grid.place(GridLayout.COLUMNS, HEIGHT),
                                "Conditions blocking a change now", "What `kafka-steward gate` answers with: each of"
                                + " the " + conditions + " stop conditions that blocks now, per asset, with its value,"
                                + " threshold and owner. Empty: nothing blocks (the gate still waits for its --stable"
                                + " window). Reassignments in progress block only when the gate is asked to.",
                                "short"),
                        List.of(Target.table("A", blocked)),
                        List.of(Transformation.organize(List.of("Time", "__name__", "cluster"),
                                Map.of("Value", "value", GateCondition.TEAM_LABEL, "owner"))),
                        List.of(), GateCondition.CONDITION_LABEL),
                Panels.timeseries(head(grid, GridLayout.COLUMNS, "Blocking conditions over time", "How many assets"
                                + " each condition blocked: after a broker restart, under-replicated partitions rise"
                                + " and must fall back to nothing before the next step.", "short"),
                        Panels.range("count by (" + GateCondition.CONDITION_LABEL + ") (" + blocked + ")",
                                "{{" + GateCondition.CONDITION_LABEL + "}}")));
    }

    private static List<Panel> balance(GridLayout grid) {
        String c = "{" + PanelPromQl.CLUSTER + "}";
        return List.of(
                RowPanel.expanded(grid.nextId(), "Balance per broker", grid.row()),
                Panels.timeseries(head(grid, HALF, "Replicas per broker", "Partition replicas each broker holds. A"
                                + " broker that joined holds none until partitions are reassigned onto it: Kafka never"
                                + " moves existing data by itself.", "short"),
                        Panels.range(ChangeAlerts.BROKER_REPLICAS + c, "broker {{broker}}")),
                Panels.timeseries(head(grid, HALF, "Distance from the cluster mean", "Each broker's replicas,"
                                + " leaders and bytes on disk against the cluster's mean: 0 on the mean, -100 % empty."
                                + " KafkaBrokerUnderloaded fires below -50 % of the replicas for an hour.",
                                "percentunit"),
                        Panels.range(List.of(ChangeAlerts.BROKER_REPLICAS_SKEW + c, ChangeAlerts.BROKER_LEADERS_SKEW + c,
                                        ChangeAlerts.BROKER_LOG_BYTES_SKEW + c),
                                List.of("broker {{broker}} replicas", "broker {{broker}} leaders",
                                        "broker {{broker}} bytes"))),
                Panels.timeseries(head(grid, HALF, "Leaders per broker", "Partitions each broker leads: leadership"
                                + " follows the preferred replica once the reassignment is done.", "short"),
                        Panels.range(ChangeAlerts.BROKER_LEADERS + c, "broker {{broker}}")),
                Panels.timeseries(head(grid, HALF, "Bytes on disk per broker", "Kafka data per broker, all its log"
                                + " dirs.", "bytes"),
                        Panels.range(ChangeAlerts.BROKER_LOG_BYTES + c, "broker {{broker}}")));
    }

    private static List<Panel> reassignments(GridLayout grid) {
        MetricDef progress = ChangeMetrics.TOPIC_REASSIGNMENT_PROGRESS;
        MetricDef remaining = ChangeMetrics.TOPIC_REASSIGNMENT_REMAINING;
        MetricDef rate = ChangeMetrics.TOPIC_REASSIGNMENT_COPY_RATE;
        MetricDef throttle = ChangeMetrics.BROKER_REPLICATION_THROTTLE;
        MetricDef throttled = ChangeMetrics.TOPIC_REPLICATION_THROTTLED_REPLICAS;
        return List.of(
                RowPanel.expanded(grid.nextId(), "Reassignments and throttles", grid.row()),
                Panels.timeseries(head(grid, HALF, "Reassignment progress", "Bytes copied over bytes to copy, per"
                                + " topic; a finished topic stays at 100 % for 10 minutes. " + progress.help(),
                                GrafanaUnit.of(progress)),
                        Panels.range(PanelPromQl.aggregate("max", List.of("topic"), progress, List.of()), "{{topic}}")),
                Panels.timeseries(head(grid, HALF, "Time to finish", "At the copy rate of the last minute. "
                                + remaining.help(), GrafanaUnit.of(remaining)),
                        Panels.range(PanelPromQl.aggregate("max", List.of("topic"), remaining, List.of()), "{{topic}}")),
                Panels.timeseries(head(grid, HALF, "Copy rate and throttles", "How fast the moving partitions copy,"
                                + " next to the throttle rates set on brokers: a copy rate flat at the throttle means"
                                + " the throttle sets the pace. " + rate.help(), "Bps"),
                        Panels.range(List.of(PanelPromQl.aggregate("max", List.of("topic"), rate, List.of()),
                                        PanelPromQl.aggregate("max", List.of("broker", "direction"), throttle, List.of())),
                                List.of("copy {{topic}}", "throttle broker {{broker}} {{direction}}"))),
                Panels.timeseries(head(grid, HALF, "Throttled replicas per topic", "Replicas listed as throttled:"
                                + " they should go when the reassignment is verified (KafkaTopicThrottleLeftover). "
                                + throttled.help(), "short"),
                        Panels.range(PanelPromQl.aggregate("max", List.of("topic", "direction"), throttled, List.of()),
                                "{{topic}} {{direction}}")));
    }

    private static List<Panel> drain(GridLayout grid) {
        List<String> broker = List.of("broker");
        return List.of(
                RowPanel.expanded(grid.nextId(), "Drain readiness", grid.row()),
                Panels.table(new Panels.Head(grid.nextId(), grid.place(GridLayout.COLUMNS, HEIGHT),
                                "May this broker stop?", "Per broker: replicas and leaderships still on it, partitions"
                                + " that fall below min.insync.replicas if it stops now (must be 0 before a restart),"
                                + " and whether it is drained (safe to remove for good: no replica, no leadership).",
                                "short"),
                        List.of(instant("A", ReplicationMetrics.BROKER_REPLICA_PARTITIONS, broker),
                                instant("B", ReplicationMetrics.BROKER_LEADER_PARTITIONS, broker),
                                instant("C", ChangeMetrics.BROKER_PARTITIONS_AT_RISK_IF_STOPPED, broker),
                                instant("D", ChangeMetrics.BROKER_SAFE_TO_REMOVE, broker)),
                        List.of(Transformation.merge(), Transformation.organize(List.of("Time"), Map.of(
                                "Value #A", "Replicas", "Value #B", "Leaders", "Value #C", "At risk if stopped",
                                "Value #D", "Safe to remove"))),
                        List.of(), "At risk if stopped"));
    }

    private static List<Panel> versions(GridLayout grid) {
        MetricDef features = ChangeMetrics.CLUSTER_FEATURE_LEVEL;
        MetricDef version = JmxMetrics.APP_VERSION;
        return List.of(
                RowPanel.expanded(grid.nextId(), "Versions", grid.row()),
                Panels.timeseries(head(grid, HALF, "Finalized feature levels", "metadata.version and the other"
                                + " features every broker agreed to use: finalize them only once every node runs the"
                                + " new software. " + features.help(), "short"),
                        Panels.range(PanelPromQl.aggregate("max", List.of("feature"), features, List.of()),
                                "{{feature}}")),
                Panels.timeseries(head(grid, HALF, "Nodes per Kafka version", "Brokers and controllers running each"
                                + " version (jmx-config, filtered by job and instance): two lines during a rolling upgrade,"
                                + " one after it. "
                                + version.help(), "short"),
                        Panels.range(PanelPromQl.aggregate("count", List.of("version"), version, List.of()),
                                "{{version}}")));
    }

    private static Target instant(String refId, MetricDef metric, List<String> by) {
        return Target.table(refId, PanelPromQl.aggregate("max", by, metric, List.of()));
    }

    private static Panels.Head head(GridLayout grid, int width, String title, String description, String unit) {
        return new Panels.Head(grid.nextId(), grid.place(width, HEIGHT), title, description, unit);
    }
}
