package dev.kafkasteward.exporter;

import dev.kafkasteward.contract.catalog.CompatMetrics;
import dev.kafkasteward.contract.ownership.Funnel;
import dev.kafkasteward.contract.ownership.Ownership;
import dev.kafkasteward.contract.ownership.OwnershipLoader;
import dev.kafkasteward.exporter.collect.CollectorSettings;
import dev.kafkasteward.exporter.collect.DeadLetterRecordReader;
import dev.kafkasteward.exporter.collect.DeadLetterSettings;
import dev.kafkasteward.exporter.collect.FullCollector;
import dev.kafkasteward.exporter.collect.KafkaCollector;
import dev.kafkasteward.exporter.collect.MetadataReader;
import dev.kafkasteward.exporter.collect.RecordTimestampReader;
import dev.kafkasteward.exporter.collect.Scope;
import dev.kafkasteward.exporter.core.Analysis;
import dev.kafkasteward.exporter.core.CollectionLoop;
import dev.kafkasteward.exporter.core.ServedState;
import dev.kafkasteward.exporter.disk.ForecastSettings;
import dev.kafkasteward.exporter.funnel.FunnelTracker;
import dev.kafkasteward.exporter.funnel.kafka.FunnelConsumer;
import dev.kafkasteward.exporter.funnel.kafka.FunnelReader;
import dev.kafkasteward.exporter.funnel.kafka.FunnelReaders;
import dev.kafkasteward.exporter.funnel.kafka.FunnelSettings;
import dev.kafkasteward.exporter.http.MetricsServer;
import dev.kafkasteward.exporter.http.WebSecurity;
import dev.kafkasteward.exporter.lag.LagSettings;
import dev.kafkasteward.exporter.metrics.CompatRenderer;
import dev.kafkasteward.exporter.metrics.PartitionSeries;
import dev.kafkasteward.exporter.metrics.SnapshotRenderer;
import dev.kafkasteward.exporter.reload.OwnershipReloader;
import dev.kafkasteward.exporter.reload.ReloadState;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/**
 * The assembled daemon: Kafka clients, the collection loop, the renderer and the HTTP server.
 * Used by the {@code serve} command, the demo and the integration tests alike.
 */
public final class StewardExporter implements AutoCloseable {

    /**
     * Everything {@code serve} needs. {@code port} 0 picks a free port.
     *
     * @param ownershipFile where {@code ownership} came from, to reload it when it changes; none: never reloaded
     * @param forecast      how much disk history a forecast needs
     * @param reloadEvery   how often the file is checked for a change
     * @param compat        compatibility profiles to serve, each on its own path
     */
    public record Config(Ownership ownership, Properties clientProperties, String host, int port, Duration interval,
                         CollectorSettings collector, Clock clock, Scope scope, LagSettings lag,
                         PartitionSeries partitionSeries, ForecastSettings forecast, Optional<Path> ownershipFile,
                         Duration reloadEvery, List<CompatMetrics.Profile> compat) {

        public Config {
            compat = List.copyOf(compat);
        }

        /** Defaults for everything but what must be given. */
        public static Config of(Ownership ownership, Properties clientProperties) {
            return new Config(ownership, clientProperties, "127.0.0.1", 0, Duration.ofSeconds(15),
                    CollectorSettings.DEFAULTS, Clock.systemUTC(), Scope.EVERYTHING, LagSettings.DEFAULTS,
                    PartitionSeries.ALL, ForecastSettings.DEFAULTS, Optional.empty(), Duration.ofSeconds(10),
                    List.of());
        }

        /** Reload {@code file} (which {@code ownership} was loaded from) when its content changes. */
        public Config reloadingFrom(Path file, Duration every) {
            return with(b -> {
                b.ownershipFile = Optional.of(file);
                b.reloadEvery = every;
            });
        }

        public Config listen(String host, int port) {
            return with(b -> {
                b.host = host;
                b.port = port;
            });
        }

        public Config every(Duration interval) {
            return with(b -> b.interval = interval);
        }

        public Config collecting(CollectorSettings collector) {
            return with(b -> b.collector = collector);
        }

        public Config scoped(Scope scope) {
            return with(b -> b.scope = scope);
        }

        public Config lagSettings(LagSettings lag) {
            return with(b -> b.lag = lag);
        }

        public Config partitionSeries(PartitionSeries partitionSeries) {
            return with(b -> b.partitionSeries = partitionSeries);
        }

        /** How much disk history a forecast needs: tests whose timers run in seconds shorten it too. */
        public Config forecasting(ForecastSettings forecast) {
            return with(b -> b.forecast = forecast);
        }

        /** Also serve these compatibility profiles, each on its path ({@link CompatMetrics}). */
        public Config compatibility(List<CompatMetrics.Profile> profiles) {
            return with(b -> b.compat = profiles);
        }

        /** A copy with one change: each wither names only what it changes. */
        private Config with(java.util.function.Consumer<Copy> change) {
            Copy copy = new Copy(this);
            change.accept(copy);
            return copy.build();
        }

        /** The mutable twin of {@link Config} that {@link #with} edits. */
        private static final class Copy {
            private final Ownership ownership;
            private final Properties clientProperties;
            private final Clock clock;
            private String host;
            private int port;
            private Duration interval;
            private CollectorSettings collector;
            private Scope scope;
            private LagSettings lag;
            private PartitionSeries partitionSeries;
            private ForecastSettings forecast;
            private Optional<Path> ownershipFile;
            private Duration reloadEvery;
            private List<CompatMetrics.Profile> compat;

            Copy(Config c) {
                ownership = c.ownership();
                clientProperties = c.clientProperties();
                clock = c.clock();
                host = c.host();
                port = c.port();
                interval = c.interval();
                collector = c.collector();
                scope = c.scope();
                lag = c.lag();
                partitionSeries = c.partitionSeries();
                forecast = c.forecast();
                ownershipFile = c.ownershipFile();
                reloadEvery = c.reloadEvery();
                compat = c.compat();
            }

            Config build() {
                return new Config(ownership, clientProperties, host, port, interval, collector, clock, scope, lag,
                        partitionSeries, forecast, ownershipFile, reloadEvery, compat);
            }
        }
    }

    private final List<Admin> admins;
    private final MetadataReader metadata;
    private final CollectionLoop loop;
    private final MetricsServer server;
    private final DeadLetterRecordReader deadLetters;
    private final FunnelReaders funnels;
    private final AtomicReference<Ownership> ownership;
    private final Optional<OwnershipReloader> reloader;
    private final Optional<ScheduledExecutorService> reloads;

    private StewardExporter(List<Admin> admins, MetadataReader metadata, CollectionLoop loop,
                            MetricsServer server, DeadLetterRecordReader deadLetters, FunnelReaders funnels,
                            AtomicReference<Ownership> ownership, Optional<OwnershipReloader> reloader,
                            Optional<ScheduledExecutorService> reloads) {
        this.admins = admins;
        this.metadata = metadata;
        this.loop = loop;
        this.server = server;
        this.deadLetters = deadLetters;
        this.funnels = funnels;
        this.ownership = ownership;
        this.reloader = reloader;
        this.reloads = reloads;
    }

    public static StewardExporter start(Config config) throws IOException {
        return start(config, WebSecurity.NONE);
    }

    /** With {@code /metrics} served over TLS and/or behind basic auth. */
    public static StewardExporter start(Config config, WebSecurity web) throws IOException {
        Properties props = clientProperties(config);
        Admin admin = Admin.create(props);
        Admin shareAdmin = Admin.create(shareClientProperties(props));
        RecordTimestampReader timestamps = new RecordTimestampReader(props);
        MetadataReader metadata = new MetadataReader(props);
        KafkaCollector collector = new KafkaCollector(admin, shareAdmin, metadata, timestamps, config.collector(),
                config.clock(), config.scope().groups(), config.scope().topics());
        DeadLetterRecordReader deadLetters = new DeadLetterRecordReader(props);
        AtomicReference<Ownership> ownership = new AtomicReference<>(config.ownership());
        FunnelReaders funnels = new FunnelReaders(config.ownership().funnels(), f -> funnels(f, config, props));
        FullCollector cycle = new FullCollector(collector, admin, deadLetters, () -> ownership.get().deadLetterTopics(),
                config.collector(), DeadLetterSettings.DEFAULTS, funnels::snapshot,
                config.compat().contains(CompatMetrics.KAFKA_EXPORTER));
        Analysis analysis = new Analysis(config.lag(), config.collector().timestampReadBudget(), config.forecast(),
                !config.compat().isEmpty());
        // Stuck: two intervals without a cycle starting, or a cycle past four Admin-phase deadlines (the timestamp
        // and dead-letter reads that follow it are bounded too, and far shorter).
        CollectionLoop loop = new CollectionLoop(cycle, analysis, config.clock(), config.interval(),
                config.interval().multipliedBy(2).plus(config.collector().cycleDeadline().multipliedBy(4)));
        Optional<OwnershipReloader> reloader = config.ownershipFile().map(file -> new OwnershipReloader(file,
                new OwnershipLoader(), next -> apply(ownership, funnels, next)));
        SnapshotRenderer renderer = new SnapshotRenderer(loop::state, config.ownership().cluster(), Version.get(),
                config.clock(), config.partitionSeries(),
                () -> reloader.map(OwnershipReloader::state).orElse(ReloadState.INITIAL));
        MetricsServer server;
        try {
            Map<String, Supplier<MetricSnapshots>> compat = new TreeMap<>();
            String cluster = config.ownership().cluster();
            config.compat().forEach(p -> compat.put(p.path(),
                    () -> CompatRenderer.render(p, cluster, loop.state(), config.clock().instant())));
            server = MetricsServer.start(config.host(), config.port(), renderer, loop::ready, loop::stuck, web,
                    compat);
        } catch (IOException | RuntimeException e) {
            metadata.close();
            funnels.close();
            deadLetters.close();
            admin.close();
            shareAdmin.close();
            throw e;
        }
        MetricsServer serving = server;
        loop.beforePublish(served -> serving.prepare(renderer.scrapeOf(served)));
        loop.start();
        Optional<ScheduledExecutorService> reloads = reloader.map(r -> {
            ScheduledExecutorService poll = Executors.newSingleThreadScheduledExecutor(task -> {
                Thread t = new Thread(task, "steward-reload");
                t.setDaemon(true);
                return t;
            });
            long every = config.reloadEvery().toMillis();
            poll.scheduleWithFixedDelay(r::checkForChange, every, every, TimeUnit.MILLISECONDS);
            return poll;
        });
        return new StewardExporter(List.of(admin, shareAdmin), metadata, loop, server, deadLetters, funnels,
                ownership, reloader, reloads);
    }

    /**
     * Takes a reloaded ownership.yml into use: dead-letter entries from the next cycle, funnels by
     * restarting their reader. The cluster name cannot change: it labels every series and names the
     * funnel consumer group, so it takes a restart.
     */
    private static void apply(AtomicReference<Ownership> current, FunnelReaders funnels, Ownership next) {
        String cluster = current.get().cluster();
        if (!next.cluster().equals(cluster)) {
            throw new IllegalArgumentException("cluster cannot change from '" + cluster + "' to '" + next.cluster()
                    + "' without a restart: it labels every series and names the funnel consumer group");
        }
        funnels.use(next.funnels());
        current.set(next);
    }

    /** The funnel consumer group member (started once a stage topic exists), when there are funnels. */
    private static Optional<FunnelReader> funnels(List<Funnel> declared, Config config, Properties props) {
        if (declared.isEmpty()) {
            return Optional.empty();
        }
        FunnelTracker tracker = new FunnelTracker(declared, FunnelSettings.DEFAULT_MAX_KEYS);
        FunnelSettings settings = FunnelSettings.forCluster(config.ownership().cluster(), config.interval());
        return Optional.of(new FunnelReader(tracker.topics(),
                () -> FunnelConsumer.start(props, tracker, settings, config.clock())));
    }

    private static Properties clientProperties(Config config) {
        Properties props = new Properties();
        props.putAll(config.clientProperties());
        props.putIfAbsent(AdminClientConfig.CLIENT_ID_CONFIG, "kafka-steward");
        long timeoutMs = config.collector().requestTimeout().toMillis();
        props.putIfAbsent(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, Long.toString(timeoutMs));
        props.putIfAbsent(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, Long.toString(timeoutMs));
        return props;
    }

    /**
     * The share-group client: its own connections (see {@link KafkaCollector}), client id {@code <id>-share}, and
     * request timeouts long enough for a slow share-group answer.
     */
    private static Properties shareClientProperties(Properties props) {
        Properties share = new Properties();
        share.putAll(props);
        // Values may be of any type a caller put in (the Admin client accepts numbers as well as strings).
        share.put(AdminClientConfig.CLIENT_ID_CONFIG, props.get(AdminClientConfig.CLIENT_ID_CONFIG) + "-share");
        long timeoutMs = Math.max(KafkaCollector.SHARE_ANSWER_TIMEOUT.toMillis(),
                Long.parseLong(String.valueOf(props.get(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG))));
        share.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, Long.toString(timeoutMs));
        share.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, Long.toString(timeoutMs));
        return share;
    }

    public int port() {
        return server.port();
    }

    public boolean ready() {
        return loop.ready();
    }

    public ServedState state() {
        return loop.state();
    }

    /** The ownership.yml in use: the one started with, or the last one reloaded. */
    public Ownership ownership() {
        return ownership.get();
    }

    /**
     * Reloads the ownership file now, changed or not (what SIGHUP asks for); without a file (see
     * {@link Config#reloadingFrom}) there is nothing to reload.
     */
    public ReloadState reloadNow() {
        return reloader.map(OwnershipReloader::reloadNow).orElse(ReloadState.INITIAL);
    }

    /** Stops serving first, then reloads and collection, then the Kafka clients. */
    @Override
    public void close() {
        server.close();
        reloads.ifPresent(ScheduledExecutorService::shutdownNow);
        loop.close();
        funnels.close();
        deadLetters.close();
        metadata.close();
        admins.forEach(a -> a.close(Duration.ofSeconds(5)));
    }
}
