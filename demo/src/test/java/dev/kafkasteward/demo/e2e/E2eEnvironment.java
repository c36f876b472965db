package dev.kafkasteward.demo.e2e;

import dev.kafkasteward.contract.ownership.Funnel;
import dev.kafkasteward.contract.ownership.Ownership;
import dev.kafkasteward.contract.ownership.OwnershipException;
import dev.kafkasteward.contract.ownership.OwnershipLoader;
import dev.kafkasteward.contract.ownership.PromDuration;
import dev.kafkasteward.contract.testing.GatedListeners;
import dev.kafkasteward.contract.testing.PortRace;
import dev.kafkasteward.contract.testing.TestFiles;
import dev.kafkasteward.demo.EmbeddedCluster;
import dev.kafkasteward.demo.Orders;
import dev.kafkasteward.demo.stack.MonitoringStack;
import dev.kafkasteward.demo.stack.PrometheusConfig;
import dev.kafkasteward.demo.stack.StackBinaries;
import dev.kafkasteward.exporter.StewardExporter;
import dev.kafkasteward.exporter.collect.CollectorSettings;
import dev.kafkasteward.exporter.disk.ForecastSettings;
import dev.kafkasteward.exporter.lag.LagSettings;
import dev.kafkasteward.jmxconfig.JmxConfigs;
import dev.kafkasteward.rules.RulesGenerator;
import dev.kafkasteward.rules.RulesOptions;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.utils.AppInfoParser;

/**
 * Everything a drill runs against, started once: a 3-broker KRaft cluster with steady order traffic (four
 * brokers for the change drills, {@link #startForChanges}),
 * the exporter (1 s cycle, reaching Kafka through its own {@link GatedListeners}; one or more replicas, scraped
 * as one job), the rules and routing generated from {@code e2e/ownership.yml} with every timer scaled from
 * minutes to seconds, Alertmanager and Prometheus as child processes (1 s scrape and evaluation), and the teams'
 * webhooks answered in-process. This JVM runs the fulfillment service's consumer, so its JVM metrics
 * ({@code client.yml}, served in-process) are scraped as the fulfillment service's job. Closing stops it all,
 * last started first. {@link #startForDashboards} adds what only the dashboards need.
 */
final class E2eEnvironment implements AutoCloseable {

    /** A minute of production timing becomes a second: {@code for: 2m} is 2 s, group_interval 5m is 5 s. */
    static final double TIME_SCALE = 1.0 / 60;
    static final Duration PACE = Duration.ofSeconds(1);
    /** The MBean domain a Kafka server registers its app-info under. */
    private static final String APP_INFO_PREFIX = "kafka.server";
    /** The Prometheus job of the brokers' jmx metrics, when the environment serves them. */
    static final String JMX_JOB = "kafka-broker";
    /** The Prometheus job of this JVM as the fulfillment service ({@code jvm_job} in e2e/ownership.yml). */
    static final String FULFILLMENT_JOB = "fulfillment-service";
    /** Refund requests and completions (funnel {@code refunds}); only the dropped-keys drill writes here. */
    static final String REFUNDS = "payments.refunds.v1";

    private final Deque<AutoCloseable> started = new ArrayDeque<>();
    private WebhookReceiver receiver;
    private Ownership ownership;
    private GatedListeners link;
    private EmbeddedCluster cluster;
    private OrderTraffic traffic;
    private final List<StewardExporter> replicas = new ArrayList<>();
    /** Replicas a drill stopped and did not restart: closed already. */
    private final java.util.Set<Integer> stopped = new java.util.HashSet<>();
    private StewardExporter.Config exporterConfig;
    private MonitoringStack stack;

    private E2eEnvironment() {
    }

    /** The environment the drills run in; {@code workDir} is emptied first. */
    static E2eEnvironment start(StackBinaries binaries, Path workDir) throws Exception {
        return start(binaries, workDir, false, 1, Shape.DRILLS);
    }

    /** The drills' environment with {@code replicas} exporter replicas, as the production guide runs them. */
    static E2eEnvironment startWithReplicas(StackBinaries binaries, Path workDir, int replicas) throws Exception {
        return start(binaries, workDir, false, replicas, Shape.DRILLS);
    }

    /**
     * The same, plus what only dashboards show: Prometheus also scrapes the brokers' jmx metrics
     * ({@code broker.yml}, served in-process by {@link InProcessJmxExporter}) as job {@value #JMX_JOB}, with a
     * {@code cluster} target label as grafana/README.md asks for jmx series; and the exporter forecasts disks
     * after {@link #TIME_SCALE} of the history it needs in production (15 s instead of 15 min). The drills run
     * without both: the jmx-based alerts would evaluate one merged view of all brokers, and a forecast of the
     * shared volume the log dirs live on could page the platform team in the middle of a drill.
     */
    static E2eEnvironment startForDashboards(StackBinaries binaries, Path workDir) throws Exception {
        return start(binaries, workDir, true, 1, Shape.DRILLS);
    }

    /**
     * Seed 000's Tests 1-3: four brokers, the order topics and traffic on the first three and the fourth started
     * only after them (it joins empty, as an added broker does), and a one-second replication quota window, so a
     * throttle bites at once rather than after Kafka's default eleven seconds. Replica fetches carry at most 64 kB
     * per partition: a throttle admits one fetch whenever the (two-second) window has room, so with Kafka's 1 MB per
     * partition each fetch would bring a burst larger than the throttle allows in a window.
     */
    static E2eEnvironment startForChanges(StackBinaries binaries, Path workDir) throws Exception {
        return start(binaries, workDir, false, 1, Shape.CHANGES);
    }

    /**
     * The cluster's shape: how many brokers, whether the last one joins only after the topics and traffic are
     * placed, and broker configuration for every node.
     */
    private record Shape(int brokers, boolean lastJoinsLate, Map<String, String> config) {
        // Kafka's own timer, scaled like the rules: leaders go back to their preferred broker 5 s (not 5 min)
        // after a restart, within KafkaLeaderImbalanceLasting's scaled 30 s.
        static final Shape DRILLS = new Shape(3, false, Map.of("leader.imbalance.check.interval.seconds", "5"));
        static final Shape CHANGES = new Shape(4, true, Map.of("leader.imbalance.check.interval.seconds", "5",
                "replication.quota.window.num", "2", "replication.quota.window.size.seconds", "1",
                "replica.fetch.max.bytes", "65536", "replica.fetch.response.max.bytes", "131072"));
    }

    private static E2eEnvironment start(StackBinaries binaries, Path workDir, boolean dashboards, int replicas,
                                        Shape shape) throws Exception {
        E2eEnvironment env = new E2eEnvironment();
        try {
            env.startAll(binaries, workDir, dashboards, replicas, shape);
            return env;
        } catch (Exception | Error e) {
            env.close();
            throw e;
        }
    }

    private void startAll(StackBinaries binaries, Path workDir, boolean dashboards, int replicaCount, Shape shape)
            throws Exception {
        TestFiles.deleteTree(workDir);
        Files.createDirectories(workDir);
        receiver = track(WebhookReceiver.start());
        ownership = ownership(workDir.resolve("ownership.yml"), receiver.baseUrl());
        Path generated = workDir.resolve("generated");
        new RulesGenerator(RulesOptions.defaults().withTimeScale(TIME_SCALE)).generate(ownership).writeTo(generated);

        startCluster(shape);
        int late = shape.brokers() - 1;
        if (shape.lastJoinsLate()) {
            cluster.stopBroker(late);
        }
        cluster.createTopics(Orders.TOPICS, 3);
        cluster.createTopics(List.of(REFUNDS), 3);
        traffic = track(OrderTraffic.start(cluster.bootstrapServers()));
        if (shape.lastJoinsLate()) {
            awaitConsumerOffsetsTopic(); // the consumers' offsets live on the first brokers too
            cluster.startBroker(late);
        }
        Properties props = new Properties();
        props.put("bootstrap.servers", link.bootstrapServers()); // its own cuttable path, see GatedListeners
        StewardExporter.Config config = StewardExporter.Config.of(withScaledFunnelWindows(ownership), props)
                .every(PACE).lagSettings(new LagSettings(Duration.ofSeconds(3)))
                .collecting(CollectorSettings.DEFAULTS
                        .withPlacementRefresh(scaled(CollectorSettings.DEFAULT_PLACEMENT_REFRESH))
                        .withTopicConfigRefresh(scaled(CollectorSettings.DEFAULT_TOPIC_CONFIG_REFRESH)));
        exporterConfig = dashboards ? config.forecasting(scaled(ForecastSettings.DEFAULTS)) : config;
        for (int i = 0; i < replicaCount; i++) {
            replicas.add(StewardExporter.start(exporterConfig.listen("127.0.0.1", 0)));
        }
        started.push(this::stopReplicas);
        List<PrometheusConfig.ScrapeConfig> moreScrapes = new ArrayList<>();
        if (dashboards) {
            registerAppInfo(shape.brokers());
            InProcessJmxExporter jmx = track(InProcessJmxExporter.start(JmxConfigs.BROKER, workDir.resolve("jmx")));
            moreScrapes.add(new PrometheusConfig.ScrapeConfig(JMX_JOB, List.of(
                    new PrometheusConfig.StaticConfig(List.of(jmx.target()), Map.of("cluster", ownership.cluster())))));
        } else {
            InProcessJmxExporter client = track(InProcessJmxExporter.start(JmxConfigs.CLIENT,
                    workDir.resolve("jmx-client")));
            moreScrapes.add(new PrometheusConfig.ScrapeConfig(FULFILLMENT_JOB, List.of(new PrometheusConfig
                    .StaticConfig(List.of(client.target()), Map.of("cluster", ownership.cluster())))));
        }
        stack = track(MonitoringStack.start(new MonitoringStack.Settings(binaries, workDir.resolve("stack"),
                exporterTargets(), List.of(generated.resolve(RulesGenerator.RULES_GLOB)),
                generated.resolve(RulesGenerator.ALERTMANAGER_FILE), PACE, 0, 0, moreScrapes)));
    }

    /**
     * The gated listeners and the cluster behind them. A gate's listener port is picked free and bound by its
     * broker a moment later; with test JVMs running side by side another one may take it in between, so a
     * start that finds its port taken is made again on fresh ports.
     */
    private void startCluster(Shape shape) throws Exception {
        GatedListeners[] gates = new GatedListeners[1];
        EmbeddedCluster started = PortRace.retry(() -> {
            gates[0] = GatedListeners.forBrokers(shape.brokers());
            try {
                return EmbeddedCluster.start(shape.brokers(), gates[0].brokerConfig(), shape.config());
            } catch (Exception e) {
                gates[0].close();
                throw e;
            }
        });
        link = track(gates[0]);
        cluster = track(started);
    }

    /**
     * Registers each broker's {@code kafka.server:type=app-info} MBean with Kafka's own AppInfoParser, as
     * KafkaRaftServer does when a real node starts: the test kit starts BrokerServer directly and skips it, and
     * the Changes dashboard's version panel reads it.
     */
    private void registerAppInfo(int brokers) {
        for (int id = 0; id < brokers; id++) {
            String node = String.valueOf(id);
            // A metrics registry per node, as each real node has its own.
            org.apache.kafka.common.metrics.Metrics metrics = new org.apache.kafka.common.metrics.Metrics();
            AppInfoParser.registerAppInfo(APP_INFO_PREFIX, node, metrics, System.currentTimeMillis());
            started.push(() -> {
                AppInfoParser.unregisterAppInfo(APP_INFO_PREFIX, node, metrics);
                metrics.close();
            });
        }
    }

    private void awaitConsumerOffsetsTopic() throws Exception {
        try (org.apache.kafka.clients.admin.Admin admin = org.apache.kafka.clients.admin.Admin.create(
                Map.of("bootstrap.servers", cluster.bootstrapServers()))) {
            dev.kafkasteward.contract.testing.Await.until(Duration.ofSeconds(60), "__consumer_offsets created",
                    () -> admin.listTopics(new org.apache.kafka.clients.admin.ListTopicsOptions().listInternal(true))
                            .names().get().contains("__consumer_offsets"));
        }
    }

    private void stopReplicas() {
        for (int i = 0; i < replicas.size(); i++) {
            if (!stopped.contains(i)) {
                replicas.get(i).close();
            }
        }
    }

    /**
     * The ownership the exporter reads: funnel windows scaled like the rules' look-back over them, so a key
     * expires unfinished after the window the dropped-keys alert counts over (10m in the file, 10 s in both).
     */
    private static Ownership withScaledFunnelWindows(Ownership ownership) {
        List<Funnel> funnels = ownership.funnels().stream().map(f -> new Funnel(f.name(), f.owner(), f.tier(),
                f.correlation(), PromDuration.ofMillis(scaled(f.window().value()).toMillis()), f.stages(),
                f.alsoNotify(), f.alerts(), f.truth())).toList();
        return new Ownership(ownership.cluster(), ownership.teams(), ownership.tiers(), ownership.topics(),
                ownership.consumerGroups(), ownership.shareGroups(), ownership.deadLetterTopics(), ownership.connectors(),
                ownership.clientApps(), funnels, ownership.platform(), ownership.unowned(),
                ownership.sharedResponsibility());
    }

    private static ForecastSettings scaled(ForecastSettings production) {
        return new ForecastSettings(scaled(production.window()), production.maxSamples(), production.minSamples(),
                scaled(production.minSpan()));
    }

    private static Duration scaled(Duration production) {
        return Duration.ofMillis(Math.round(production.toMillis() * TIME_SCALE));
    }

    /** The drills' ownership file with every team's webhook pointed at this run's receiver. */
    private static Ownership ownership(Path file, String webhookBase) throws IOException, OwnershipException {
        try (InputStream in = E2eEnvironment.class.getResourceAsStream("/e2e/ownership.yml")) {
            if (in == null) {
                throw new IllegalStateException("test resource e2e/ownership.yml is missing");
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("${WEBHOOK_BASE}", webhookBase);
            Files.writeString(file, text, StandardCharsets.UTF_8);
        }
        return new OwnershipLoader().load(file);
    }

    private <T extends AutoCloseable> T track(T resource) {
        started.push(resource);
        return resource;
    }

    WebhookReceiver receiver() {
        return receiver;
    }

    Ownership ownership() {
        return ownership;
    }

    EmbeddedCluster cluster() {
        return cluster;
    }

    /** The exporter's path to Kafka: {@link GatedListeners#cut()} cuts it off, applications carry on. */
    GatedListeners stewardLink() {
        return link;
    }

    OrderTraffic traffic() {
        return traffic;
    }

    /** The first exporter replica. */
    StewardExporter exporter() {
        return replicas.get(0);
    }

    /** {@code host:port} of every exporter replica, as Prometheus labels their series' {@code instance}. */
    List<String> exporterTargets() {
        return replicas.stream().map(r -> "127.0.0.1:" + r.port()).toList();
    }

    /** Stops replica {@code index}, as a crash would: Prometheus finds its port closed. */
    void stopReplica(int index) {
        replicas.get(index).close();
        stopped.add(index);
    }

    /** Starts replica {@code index} again on its old port, as an orchestrator restarting it would. */
    void restartReplica(int index) throws IOException {
        int port = replicas.get(index).port();
        replicas.set(index, StewardExporter.start(exporterConfig.listen("127.0.0.1", port)));
        stopped.remove(index);
    }

    MonitoringStack stack() {
        return stack;
    }

    PrometheusApi prometheus() {
        return new PrometheusApi(stack.prometheusUrl());
    }

    AlertmanagerApi alertmanager() {
        return new AlertmanagerApi(stack.alertmanagerUrl());
    }

    @Override
    public void close() {
        while (!started.isEmpty()) {
            try {
                started.pop().close();
            } catch (Exception e) {
                System.err.println("e2e shutdown: " + e);
            }
        }
    }
}
