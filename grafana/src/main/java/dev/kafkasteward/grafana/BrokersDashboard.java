package dev.kafkasteward.grafana;

import dev.kafkasteward.contract.catalog.DiskMetrics;
import dev.kafkasteward.contract.catalog.JmxMetrics;
import dev.kafkasteward.contract.catalog.MetricDef;
import dev.kafkasteward.contract.catalog.ReplicationMetrics;
import dev.kafkasteward.contract.output.DashboardUids;
import dev.kafkasteward.contract.ownership.Ownership;
import dev.kafkasteward.grafana.model.Dashboard;
import dev.kafkasteward.grafana.model.Panel;
import dev.kafkasteward.grafana.model.RowPanel;
import dev.kafkasteward.grafana.promql.PanelPromQl;
import java.util.ArrayList;
import java.util.List;

/**
 * Brokers and JVM, for investigation: each row puts side by side the two signals seed 000 asks an operator
 * to correlate (request latency with GC pauses, replica lag with network, leader elections with broker
 * restarts, disk growth with topic throughput). The crosshair is shared, so a spike lines up across panels.
 */
final class BrokersDashboard {

    private static final int HALF = GridLayout.COLUMNS / 2;
    private static final int HEIGHT = 8;
    /** Client-facing requests: what producers and consumers wait for. */
    private static final String CLIENT_REQUESTS = "Produce|Fetch|FetchConsumer";
    private static final String P99 = "0.99";

    private BrokersDashboard() {
    }

    static Dashboard build(Ownership ownership) {
        GridLayout grid = new GridLayout();
        List<Panel> panels = new ArrayList<>();
        panels.addAll(health(grid));
        panels.addAll(latency(grid));
        panels.addAll(replication(grid));
        panels.addAll(elections(grid));
        panels.addAll(throughput(grid));
        panels.addAll(jvm(grid));
        String uid = DashboardUids.brokers(ownership.cluster());
        return DashboardFrame.of(uid, "Kafka Steward / Brokers & JVM / " + ownership.cluster(),
                "Brokers and controllers of Kafka cluster " + ownership.cluster() + " (jmx-config metrics, filtered"
                        + " by job and instance) next to the exporter's view, row by row for the correlations an"
                        + " investigation needs.",
                "brokers", "1m", "now-6h",
                DashboardVariables.withJobAndInstance(DashboardVariables.common(ownership)),
                DashboardFrame.clusterLinks(ownership, uid), panels);
    }

    private static List<Panel> health(GridLayout grid) {
        List<Panel> panels = new ArrayList<>();
        panels.add(RowPanel.expanded(grid.nextId(), "Health", grid.row()));
        panels.add(perInstance(grid, "Under-replicated partitions by broker", "Partitions led by each broker with"
                + " a replica out of sync: the broker whose followers cannot keep up, or the one that is missing.",
                JmxMetrics.BROKER_UNDER_REPLICATED_PARTITIONS));
        panels.add(perInstance(grid, "Under min ISR by broker", "Partitions led by each broker where acks=all"
                + " writes fail.", JmxMetrics.BROKER_UNDER_MIN_ISR_PARTITIONS));
        return panels;
    }

    private static List<Panel> latency(GridLayout grid) {
        MetricDef total = JmxMetrics.REQUEST_TOTAL_TIME;
        MetricDef queue = JmxMetrics.REQUEST_QUEUE_TIME;
        MetricDef gc = JmxMetrics.JVM_GC_COLLECTION_SECONDS;
        List<String> clientP99 = List.of(PanelPromQl.matchesRegex("request", CLIENT_REQUESTS), PanelPromQl.equal("quantile", P99));
        return List.of(
                RowPanel.expanded(grid.nextId(), "Request latency with GC pauses", grid.row()),
                Panels.timeseries(head(grid, "Request time p99 (produce, fetch)", "99th percentile of the time to"
                                + " serve produce and fetch requests, per broker (Kafka's own estimate: never average"
                                + " it across brokers). " + total.help(), GrafanaUnit.of(total)),
                        Panels.range(PanelPromQl.aggregate("max", List.of("instance", "request"), total, clientP99),
                                "{{instance}} {{request}}")),
                Panels.timeseries(head(grid, "Request queue time p99", "Time requests wait for a handler thread:"
                                + " rises when handlers stall, for instance during a GC pause. " + queue.help(),
                                GrafanaUnit.of(queue)),
                        Panels.range(PanelPromQl.aggregate("max", List.of("instance", "request"), queue, clientP99),
                                "{{instance}} {{request}}")),
                Panels.timeseries(head(grid, "GC time per second", "Share of wall time each JVM spent in garbage"
                                + " collection: a spike here lining up with request time above is a GC pause. "
                                + gc.help(), "percentunit"),
                        Panels.range(PanelPromQl.aggregateRate("sum", "rate", List.of("instance"), gc, "_sum", List.of()),
                                "{{instance}}")),
                Panels.timeseries(head(grid, "Average GC pause", "Seconds per collection, per JVM and collector:"
                                + " long pauses stall request handlers, followers and consumers alike. " + gc.help(),
                                "s"),
                        Panels.range(PanelPromQl.aggregateRate("sum", "rate", List.of("instance", "gc"), gc, "_sum",
                                List.of()) + " / " + PanelPromQl.aggregateRate("sum", "rate", List.of("instance", "gc"), gc,
                                "_count", List.of()), "{{instance}} {{gc}}")));
    }

    private static List<Panel> replication(GridLayout grid) {
        MetricDef shrinks = JmxMetrics.ISR_SHRINKS;
        MetricDef expands = JmxMetrics.ISR_EXPANDS;
        MetricDef maxLag = JmxMetrics.REPLICA_MAX_LAG;
        MetricDef idle = JmxMetrics.NETWORK_PROCESSOR_IDLE;
        return List.of(
                RowPanel.expanded(grid.nextId(), "Replica lag with network", grid.row()),
                Panels.timeseries(head(grid, "ISR shrinks and expands", "Per broker and second: shrinks are"
                                + " followers dropping out of sync (slow network, slow disk, GC), expands their"
                                + " return. " + shrinks.help(), "ops"),
                        Panels.range(List.of(ratePerInstance(shrinks), ratePerInstance(expands)),
                                List.of("{{instance}} shrinks", "{{instance}} expands"))),
                Panels.timeseries(head(grid, "Network bytes by broker", "Bytes in (produced) and out (fetched by"
                                + " consumers) per broker and second: a saturated link shows here first. "
                                + JmxMetrics.TOPIC_BYTES_IN.help(), "Bps"),
                        Panels.range(List.of(ratePerInstance(JmxMetrics.TOPIC_BYTES_IN),
                                ratePerInstance(JmxMetrics.TOPIC_BYTES_OUT)), List.of("{{instance}} in",
                                "{{instance}} out"))),
                Panels.timeseries(head(grid, "Replica lag (records)", "How far the slowest follower on each"
                                + " broker is behind its leader. " + maxLag.help(), "short"),
                        Panels.range(PanelPromQl.aggregate("max", List.of("instance"), maxLag, List.of()), "{{instance}}")),
                Panels.timeseries(head(grid, "Network processor idle", "Idle share of the network threads; near"
                                + " 0 the broker cannot read requests fast enough. " + idle.help(), "percentunit"),
                        Panels.range(PanelPromQl.aggregate("min", List.of("instance"), idle, List.of()), "{{instance}}")));
    }

    private static List<Panel> elections(GridLayout grid) {
        MetricDef unclean = JmxMetrics.UNCLEAN_LEADER_ELECTIONS;
        MetricDef controller = JmxMetrics.ACTIVE_CONTROLLER_COUNT;
        MetricDef leaders = ReplicationMetrics.BROKER_LEADER_PARTITIONS;
        MetricDef registered = ReplicationMetrics.BROKER_REGISTERED;
        MetricDef epoch = ReplicationMetrics.QUORUM_LEADER_EPOCH;
        MetricDef fenced = JmxMetrics.FENCED_BROKER_COUNT;
        return List.of(
                RowPanel.expanded(grid.nextId(), "Leader elections with broker restarts", grid.row()),
                Panels.timeseries(head(grid, "Active controller", "Which node is the active controller: a change"
                                + " of line is a controller election, usually a restart. " + controller.help(),
                                "short"),
                        Panels.range(PanelPromQl.aggregate("max", List.of("instance"), controller, List.of()),
                                "{{instance}}")),
                Panels.timeseries(head(grid, "Unclean leader elections", "Leaders elected outside the ISR, per"
                                + " second: records were lost. " + unclean.help(), "ops"),
                        Panels.range(PanelPromQl.aggregateRate("sum", "rate", List.of("instance"), unclean, "", List.of()),
                                "{{instance}}")),
                Panels.timeseries(head(grid, "Leaders per broker", "Partitions each broker leads: a broker that"
                                + " restarts drops to 0 and its leaders move to the others. " + leaders.help(), "short"),
                        Panels.range(PanelPromQl.aggregate("max", List.of("broker"), leaders, List.of()), "broker {{broker}}")),
                Panels.timeseries(head(grid, "Brokers registered", "1 while a broker is in the live broker list, 0"
                                + " while it is down or fenced: restarts show as dips. " + registered.help(), "short"),
                        Panels.range(PanelPromQl.aggregate("max", List.of("broker"), registered, List.of()),
                                "broker {{broker}}")),
                Panels.timeseries(head(grid, "KRaft leader epoch", "Increases with every metadata quorum election."
                                + " " + epoch.help(), "short"),
                        Panels.range(PanelPromQl.aggregate("max", List.of(), epoch, List.of()), "epoch")),
                Panels.timeseries(head(grid, "Fenced brokers", "Brokers the controller fenced: registered but not"
                                + " serving. " + fenced.help(), "short"),
                        Panels.range(PanelPromQl.aggregate("max", List.of(), fenced, List.of()), "fenced")));
    }

    private static List<Panel> throughput(GridLayout grid) {
        MetricDef in = JmxMetrics.TOPIC_BYTES_IN;
        MetricDef used = DiskMetrics.LOG_DIR_USED;
        MetricDef total = DiskMetrics.LOG_DIR_TOTAL;
        MetricDef growth = DiskMetrics.LOG_DIR_GROWTH_RATE;
        MetricDef exhaustion = DiskMetrics.LOG_DIR_TIME_TO_EXHAUSTION;
        MetricDef steady = DiskMetrics.LOG_DIR_STEADY_STATE;
        return List.of(
                RowPanel.expanded(grid.nextId(), "Disk growth with topic throughput", grid.row()),
                Panels.timeseries(head(grid, "Bytes in by topic (top 10)", "The ten topics producing the most"
                                + " bytes per second: the usual cause of disk growth. " + in.help(), "Bps"),
                        Panels.range("topk(10, " + PanelPromQl.aggregateRate("sum", "rate", List.of("topic"), in, "",
                                List.of()) + ")", "{{topic}}")),
                Panels.timeseries(head(grid, "Disk used by broker", "Bytes of Kafka data per broker and log dir,"
                                + " next to the volume's size. " + used.help(), "bytes"),
                        Panels.range(List.of(PanelPromQl.aggregate("sum", List.of("broker", "log_dir"), used, List.of()),
                                PanelPromQl.aggregate("sum", List.of("broker", "log_dir"), total, List.of())),
                                List.of("{{broker}} {{log_dir}} used", "{{broker}} {{log_dir}} size"))),
                Panels.timeseries(head(grid, "Disk growth rate", "Net growth of each log dir's volume per second;"
                                + " negative when retention deletes more than arrives. " + growth.help(),
                                GrafanaUnit.of(growth)),
                        Panels.range(PanelPromQl.aggregate("max", List.of("broker", "log_dir"), growth, List.of()),
                                "{{broker}} {{log_dir}}")),
                Panels.timeseries(head(grid, "Disk time to exhaustion", "Seconds until each log dir's volume is"
                                + " full at its current growth (gaps are +Inf: retention levels it off). "
                                + exhaustion.help(), GrafanaUnit.of(exhaustion)),
                        Panels.range(PanelPromQl.aggregate("min", List.of("broker", "log_dir"), exhaustion, List.of()),
                                "{{broker}} {{log_dir}}")),
                Panels.timeseries(head(grid, "Disk steady state vs size", "Where each log dir levels off under the"
                                + " current traffic and retention, next to its volume size: above it, retention alone"
                                + " will not save the disk. " + steady.help(), "bytes"),
                        Panels.range(List.of(PanelPromQl.aggregate("max", List.of("broker", "log_dir"), steady, List.of()),
                                        PanelPromQl.aggregate("max", List.of("broker", "log_dir"), total, List.of())),
                                List.of("{{broker}} {{log_dir}} steady state", "{{broker}} {{log_dir}} size"))));
    }

    private static List<Panel> jvm(GridLayout grid) {
        MetricDef used = JmxMetrics.JVM_MEMORY_USED;
        MetricDef max = JmxMetrics.JVM_MEMORY_MAX;
        MetricDef cpu = JmxMetrics.PROCESS_CPU_SECONDS;
        List<String> heap = List.of(PanelPromQl.equal("area", "heap"));
        return List.of(
                RowPanel.expanded(grid.nextId(), "JVM", grid.row()),
                Panels.timeseries(head(grid, "Heap used and max", "Heap per JVM: used close to max means frequent,"
                                + " longer collections. " + used.help(), "bytes"),
                        Panels.range(List.of(PanelPromQl.aggregate("sum", List.of("instance"), used, heap),
                                        PanelPromQl.aggregate("sum", List.of("instance"), max, heap)),
                                List.of("{{instance}} used", "{{instance}} max"))),
                Panels.timeseries(head(grid, "CPU", "CPU seconds per second each process used (1 = one core). "
                                + cpu.help(), "short"),
                        Panels.range(PanelPromQl.aggregateRate("sum", "rate", List.of("instance"), cpu, "", List.of()),
                                "{{instance}}")));
    }

    private static Panel perInstance(GridLayout grid, String title, String meaning, MetricDef metric) {
        return Panels.timeseries(head(grid, title, meaning + " " + metric.help(), GrafanaUnit.of(metric)),
                Panels.range(PanelPromQl.aggregate("sum", List.of("instance"), metric, List.of()), "{{instance}}"));
    }

    private static String ratePerInstance(MetricDef counter) {
        return PanelPromQl.aggregateRate("sum", "rate", List.of("instance"), counter, "", List.of());
    }

    private static Panels.Head head(GridLayout grid, String title, String description, String unit) {
        return new Panels.Head(grid.nextId(), grid.place(HALF, HEIGHT), title, description, unit);
    }
}
