package dev.kafkasteward.demo;

import dev.kafkasteward.contract.output.GeneratedFiles;
import dev.kafkasteward.contract.ownership.Ownership;
import dev.kafkasteward.contract.ownership.TopicOwnership;
import dev.kafkasteward.exporter.StewardExporter;
import dev.kafkasteward.exporter.collect.CollectorSettings;
import dev.kafkasteward.exporter.disk.ForecastSettings;
import dev.kafkasteward.exporter.lag.LagSettings;
import dev.kafkasteward.grafana.DashboardGenerator;
import dev.kafkasteward.rules.RulesGenerator;
import dev.kafkasteward.rules.RulesOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Properties;
import java.util.Set;

/**
 * The whole demo as one closeable: an embedded 3-broker KRaft cluster with the order platform's
 * topics and simulated services, the exporter watching it, and the generated rules, routing and
 * dashboards written to a folder.
 */
public final class Demo implements AutoCloseable {

    /**
     * What to run: the ownership model, where to serve and write, how fast to collect, and the rules'
     * time scale (every {@code for:}, range window and Alertmanager timer multiplied by it, so alerts
     * fire within the demo's first minutes; 1 is production's pace).
     */
    public record Options(Ownership ownership, String host, int exporterPort, Path outputDir, Duration interval,
                          double timeScale) {
    }

    /**
     * A demo setting: disk forecasts from 3 samples over 20 s within a 10-minute window (production:
     * 10 samples over 15 minutes within 6 hours), so time to exhaustion and steady state show within
     * the first minute. A forecast this short follows every burst; never run the exporter with it.
     */
    public static final ForecastSettings DEMO_FORECAST = new ForecastSettings(Duration.ofMinutes(10), 240, 3,
            Duration.ofSeconds(20));

    /** A demo setting: log dirs read every 5 s (production: 30 s), for the forecast's samples. */
    public static final Duration DEMO_PLACEMENT_REFRESH = Duration.ofSeconds(5);

    private final EmbeddedCluster cluster;
    private final OrderPlatform platform;
    private final StewardExporter exporter;
    private final GeneratedFiles generated;

    private Demo(EmbeddedCluster cluster, OrderPlatform platform, StewardExporter exporter, GeneratedFiles generated) {
        this.cluster = cluster;
        this.platform = platform;
        this.exporter = exporter;
        this.generated = generated;
    }

    public static Demo start(Options options) throws Exception {
        GeneratedFiles generated = new RulesGenerator(RulesOptions.defaults().withTimeScale(options.timeScale()))
                .generate(options.ownership())
                .plus(new DashboardGenerator().generate(options.ownership()));
        generated.writeTo(options.outputDir());

        EmbeddedCluster cluster = EmbeddedCluster.start(3);
        OrderPlatform platform = null;
        try {
            cluster.createTopics(topics(options.ownership()), 3);
            platform = OrderPlatform.start(cluster.bootstrapServers(), OrderPlatform.Pace.DEFAULT);
            Properties props = new Properties();
            props.put("bootstrap.servers", cluster.bootstrapServers());
            StewardExporter exporter = StewardExporter.start(StewardExporter.Config.of(options.ownership(), props)
                    .listen(options.host(), options.exporterPort()).every(options.interval())
                    .lagSettings(new LagSettings(Duration.ofSeconds(30)))
                    .forecasting(DEMO_FORECAST)
                    .collecting(CollectorSettings.DEFAULTS.withPlacementRefresh(DEMO_PLACEMENT_REFRESH)));
            return new Demo(cluster, platform, exporter, generated);
        } catch (Exception e) {
            if (platform != null) {
                platform.close();
            }
            cluster.close();
            throw e;
        }
    }

    /** The platform's topics plus every exactly-named topic the ownership file declares. */
    private static Set<String> topics(Ownership ownership) {
        Set<String> names = new LinkedHashSet<>(Orders.TOPICS);
        ownership.topics().stream().map(TopicOwnership::selector).filter(s -> !s.isPattern())
                .forEach(s -> names.add(s.name()));
        return names;
    }

    public String bootstrapServers() {
        return cluster.bootstrapServers();
    }

    public int exporterPort() {
        return exporter.port();
    }

    public GeneratedFiles generated() {
        return generated;
    }

    @Override
    public void close() throws Exception {
        exporter.close();
        platform.close();
        cluster.close();
    }
}
