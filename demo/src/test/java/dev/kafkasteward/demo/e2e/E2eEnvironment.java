package dev.kafkasteward.demo.e2e;

import dev.kafkasteward.contract.ownership.Ownership;
import dev.kafkasteward.contract.ownership.OwnershipException;
import dev.kafkasteward.contract.ownership.OwnershipLoader;
import dev.kafkasteward.contract.testing.GatedListeners;
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
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * Everything a drill runs against, started once: a 3-broker KRaft cluster with steady order traffic,
 * the exporter (1 s cycle, reaching Kafka through its own {@link GatedListeners}), the rules and routing generated from {@code e2e/ownership.yml} with every
 * timer scaled from minutes to seconds, Alertmanager and Prometheus as child processes (1 s scrape and
 * evaluation), and the teams' webhooks answered in-process. Closing stops it all, last started first.
 * {@link #startForDashboards} adds what only the dashboards need.
 */
final class E2eEnvironment implements AutoCloseable {

    /** A minute of production timing becomes a second: {@code for: 2m} is 2 s, group_interval 5m is 5 s. */
    static final double TIME_SCALE = 1.0 / 60;
    static final Duration PACE = Duration.ofSeconds(1);
    /** The Prometheus job of the brokers' jmx metrics, when the environment serves them. */
    static final String JMX_JOB = "kafka-broker";

    private final Deque<AutoCloseable> started = new ArrayDeque<>();
    private WebhookReceiver receiver;
    private Ownership ownership;
    private GatedListeners link;
    private EmbeddedCluster cluster;
    private OrderTraffic traffic;
    private StewardExporter exporter;
    private MonitoringStack stack;

    private E2eEnvironment() {
    }

    /** The environment the drills run in; {@code workDir} is emptied first. */
    static E2eEnvironment start(StackBinaries binaries, Path workDir) throws Exception {
        return start(binaries, workDir, false);
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
        return start(binaries, workDir, true);
    }

    private static E2eEnvironment start(StackBinaries binaries, Path workDir, boolean dashboards) throws Exception {
        E2eEnvironment env = new E2eEnvironment();
        try {
            env.startAll(binaries, workDir, dashboards);
            return env;
        } catch (Exception | Error e) {
            env.close();
            throw e;
        }
    }

    private void startAll(StackBinaries binaries, Path workDir, boolean dashboards) throws Exception {
        TestFiles.deleteTree(workDir);
        Files.createDirectories(workDir);
        receiver = track(WebhookReceiver.start());
        ownership = ownership(workDir.resolve("ownership.yml"), receiver.baseUrl());
        Path generated = workDir.resolve("generated");
        new RulesGenerator(RulesOptions.defaults().withTimeScale(TIME_SCALE)).generate(ownership).writeTo(generated);

        link = track(GatedListeners.forBrokers(3));
        cluster = track(EmbeddedCluster.start(3, link.brokerConfig()));
        cluster.createTopics(Orders.TOPICS, 3);
        traffic = track(OrderTraffic.start(cluster.bootstrapServers()));
        Properties props = new Properties();
        props.put("bootstrap.servers", link.bootstrapServers()); // its own cuttable path, see GatedListeners
        StewardExporter.Config config = StewardExporter.Config.of(ownership, props)
                .listen("127.0.0.1", 0).every(PACE).lagSettings(new LagSettings(Duration.ofSeconds(3)))
                .collecting(CollectorSettings.DEFAULTS.withPlacementRefresh(
                        scaled(CollectorSettings.DEFAULT_PLACEMENT_REFRESH)));
        exporter = track(StewardExporter.start(dashboards ? config.forecasting(scaled(ForecastSettings.DEFAULTS))
                : config));
        List<PrometheusConfig.ScrapeConfig> moreScrapes = List.of();
        if (dashboards) {
            InProcessJmxExporter jmx = track(InProcessJmxExporter.start(JmxConfigs.BROKER, workDir.resolve("jmx")));
            moreScrapes = List.of(new PrometheusConfig.ScrapeConfig(JMX_JOB, List.of(
                    new PrometheusConfig.StaticConfig(List.of(jmx.target()), Map.of("cluster", ownership.cluster())))));
        }
        stack = track(MonitoringStack.start(new MonitoringStack.Settings(binaries, workDir.resolve("stack"),
                "127.0.0.1:" + exporter.port(), List.of(generated.resolve(RulesGenerator.RULES_GLOB)),
                generated.resolve(RulesGenerator.ALERTMANAGER_FILE), PACE, 0, 0, moreScrapes)));
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

    StewardExporter exporter() {
        return exporter;
    }

    MonitoringStack stack() {
        return stack;
    }

    PrometheusApi prometheus() {
        return new PrometheusApi(stack.prometheusUrl());
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
