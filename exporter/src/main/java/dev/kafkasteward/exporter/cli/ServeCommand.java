package dev.kafkasteward.exporter.cli;

import com.google.re2j.Pattern;
import dev.kafkasteward.contract.catalog.CompatMetrics;
import dev.kafkasteward.contract.ownership.Ownership;
import dev.kafkasteward.contract.ownership.OwnershipException;
import dev.kafkasteward.contract.ownership.OwnershipLoader;
import dev.kafkasteward.contract.ownership.PromDuration;
import dev.kafkasteward.exporter.StewardExporter;
import dev.kafkasteward.exporter.collect.CollectorSettings;
import dev.kafkasteward.exporter.collect.Scope;
import dev.kafkasteward.exporter.http.WebConfigException;
import dev.kafkasteward.exporter.http.WebSecurity;
import dev.kafkasteward.exporter.lag.LagSettings;
import dev.kafkasteward.exporter.metrics.PartitionSeries;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/** {@code kafka-steward serve}: collect in the background, serve {@code /metrics}, until stopped. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Collect from Kafka in the background and serve /metrics, /healthz and /readyz.")
public final class ServeCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(ServeCommand.class);

    @Option(names = "--ownership", required = true, paramLabel = "FILE", description = "The ownership.yml.")
    Path ownership;

    @Option(names = "--kafka-properties", paramLabel = "FILE",
            description = "Kafka client properties (bootstrap.servers, security.protocol, sasl.*, ssl.*), passed through;"
                    + " secrets via config.providers=file,env and $${file:PATH:KEY} or $${env:NAME}.")
    Path kafkaProperties;

    @Option(names = "--bootstrap-servers", paramLabel = "HOST:PORT,...",
            description = "Overrides bootstrap.servers of --kafka-properties.")
    String bootstrapServers;

    @Option(names = "--bind", defaultValue = "0.0.0.0", description = "Address to serve on (default: ${DEFAULT-VALUE}).")
    String bind;

    @Option(names = "--port", defaultValue = "9340", description = "Port to serve on (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--interval", defaultValue = "15s",
            description = "Time between the end of one collection and the start of the next (default: ${DEFAULT-VALUE}).")
    String interval;

    @Option(names = "--request-timeout", defaultValue = "10s",
            description = "Longest wait for one Kafka request (default: ${DEFAULT-VALUE}).")
    String requestTimeout;

    @Option(names = "--group-allow", paramLabel = "REGEX", converter = Re2Converter.class, description = "Only consumer groups matching this regex.")
    Pattern groupAllow;

    @Option(names = "--group-deny", paramLabel = "REGEX", converter = Re2Converter.class, description = "Leave out consumer groups matching this regex.")
    Pattern groupDeny;

    @Option(names = "--topic-allow", paramLabel = "REGEX", converter = Re2Converter.class, description = "Only topics matching this regex.")
    Pattern topicAllow;

    @Option(names = "--topic-deny", paramLabel = "REGEX", converter = Re2Converter.class, description = "Leave out topics matching this regex.")
    Pattern topicDeny;

    @Option(names = "--partition-series", defaultValue = "all", paramLabel = "all|not-ok|none",
            description = "Per-partition consumer series to expose; totals per group and topic are always there"
                    + " (default: ${DEFAULT-VALUE}).")
    String partitionSeries;

    @Option(names = "--partition-owners", defaultValue = "false",
            description = "Also serve kafka_consumergroup_partition_owner_info: the member (host, client id, member id)"
                    + " each partition with per-partition series is assigned to. Off by default: its labels change at"
                    + " every rebalance.")
    boolean partitionOwners;

    @Option(names = "--max-partition-series", defaultValue = "" + PartitionSeries.DEFAULT_MAX, paramLabel = "N",
            description = "Most partitions with per-partition consumer series per scrape; past it healthy partitions are"
                    + " left out first and kafka_steward_omitted_series counts them (default: ${DEFAULT-VALUE}).")
    int maxPartitionSeries;

    @Option(names = "--stall-after", defaultValue = "2m",
            description = "A lagging partition whose commit stands still this long, with members present, is stalled"
                    + " (default: ${DEFAULT-VALUE}).")
    String stallAfter;

    @Option(names = "--timestamp-reads", defaultValue = "" + CollectorSettings.DEFAULT_TIMESTAMP_READS, paramLabel = "N",
            description = "Most partitions whose record timestamps are read from Kafka per cycle for lag age"
                    + " (default: ${DEFAULT-VALUE}).")
    int timestampReads;

    @Option(names = "--placement-refresh", defaultValue = "30s",
            description = "How often log dirs (one DescribeLogDirs per broker, listing every replica) and partition"
                    + " reassignments fall due again, read when --requests-per-broker gives them their turn;"
                    + " a reassignment in progress is followed every cycle (default: ${DEFAULT-VALUE}).")
    String placementRefresh;

    @Option(names = "--requests-per-broker", defaultValue = "" + CollectorSettings.DEFAULT_REQUESTS_PER_BROKER,
            paramLabel = "N",
            description = "Admin requests per live broker a collection cycle plans for: the periodic reads (group listing,"
                    + " log starts, log dirs and reassignments, topic configs) take turns within what the reads for"
                    + " lag leave; 0 makes each as soon as it is due (default: ${DEFAULT-VALUE}).")
    int requestsPerBroker;

    @Option(names = "--reload-interval", defaultValue = "10s",
            description = "How often --ownership is checked for a changed content and reloaded; SIGHUP reloads at once."
                    + " An invalid file keeps the previous configuration (default: ${DEFAULT-VALUE}).")
    String reloadInterval;

    @Option(names = "--web-tls-cert-file", paramLabel = "FILE",
            description = "PEM certificate (chain) to serve over HTTPS; needs --web-tls-key-file.")
    Path webTlsCert;

    @Option(names = "--web-tls-key-file", paramLabel = "FILE",
            description = "Unencrypted PEM private key of --web-tls-cert-file: PKCS#8, or RSA in PKCS#1.")
    Path webTlsKey;

    @Option(names = "--web-basic-auth-users-file", paramLabel = "FILE",
            description = "Require basic auth on /metrics: lines of user:bcrypt-hash (htpasswd -nBC 10 USER)."
                    + " /healthz and /readyz stay open.")
    Path webUsers;

    @Option(names = "--compat", split = ",", paramLabel = "PROFILE",
            description = "Also serve another exporter's metric names, each profile on its own path:"
                    + " kafka_exporter (/compat/kafka_exporter) and/or kafka-lag-exporter"
                    + " (/compat/kafka-lag-exporter). Comma-separated or repeated.")
    List<String> compat = new ArrayList<>();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Ownership model;
        try {
            model = new OwnershipLoader().load(ownership);
        } catch (OwnershipException e) {
            spec.commandLine().getErr().println(e.getMessage());
            return StewardCommand.EXIT_USAGE;
        }
        Properties props = new Properties();
        if (kafkaProperties != null) {
            try (Reader r = Files.newBufferedReader(kafkaProperties)) {
                props.load(r);
            } catch (IOException e) {
                spec.commandLine().getErr().println(kafkaProperties + ": cannot read Kafka properties: " + e.getMessage());
                return StewardCommand.EXIT_USAGE;
            }
        }
        if (bootstrapServers != null) {
            props.setProperty("bootstrap.servers", bootstrapServers);
        }
        if (!props.containsKey("bootstrap.servers")) {
            spec.commandLine().getErr().println("no Kafka to watch: give --bootstrap-servers or bootstrap.servers in --kafka-properties");
            return StewardCommand.EXIT_USAGE;
        }
        Duration every = duration("--interval", interval);
        Duration timeout = duration("--request-timeout", requestTimeout);
        CollectorSettings settings = new CollectorSettings(timeout, timestampReads,
                CollectorSettings.DEFAULTS.timestampReadTime(), CollectorSettings.DEFAULTS.logStartEvery())
                .withPlacementRefresh(duration("--placement-refresh", placementRefresh));
        if (requestsPerBroker < 0) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "invalid --requests-per-broker " + requestsPerBroker + ": expected 0 (no budget) or more");
        }
        settings = settings.withRequestsPerBroker(requestsPerBroker);
        if (maxPartitionSeries < 0) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "invalid --max-partition-series " + maxPartitionSeries + ": expected 0 or more");
        }
        PartitionSeries series;
        try {
            series = PartitionSeries.parse(partitionSeries).withMax(maxPartitionSeries).withOwners(partitionOwners);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "invalid --partition-series '" + partitionSeries + "': expected all, not-ok or none");
        }
        WebSecurity web;
        try {
            web = WebSecurity.fromFiles(webTlsCert, webTlsKey, webUsers);
        } catch (WebConfigException e) {
            spec.commandLine().getErr().println(e.getMessage());
            return StewardCommand.EXIT_USAGE;
        }
        List<CompatMetrics.Profile> profiles = new ArrayList<>();
        for (String name : compat) {
            CompatMetrics.Profile profile = CompatMetrics.profile(name).orElseThrow(() ->
                    new CommandLine.ParameterException(spec.commandLine(), "unknown --compat profile '" + name
                            + "': expected one of " + String.join(", ", CompatMetrics.names())));
            if (!profiles.contains(profile)) {
                profiles.add(profile);
            }
        }
        Scope scope = new Scope(Optional.ofNullable(groupAllow), Optional.ofNullable(groupDeny),
                Optional.ofNullable(topicAllow), Optional.ofNullable(topicDeny));
        StewardExporter exporter = StewardExporter.start(StewardExporter.Config.of(model, props)
                .listen(bind, port).every(every).collecting(settings).scoped(scope)
                .lagSettings(new LagSettings(duration("--stall-after", stallAfter))).partitionSeries(series)
                .reloadingFrom(ownership, duration("--reload-interval", reloadInterval))
                .compatibility(profiles), web);
        reloadOnSighup(exporter);
        CountDownLatch stopped = new CountDownLatch(1);
        // SIGTERM and SIGINT run this hook; the JVM then exits with 143 or 130 (128 + signal number).
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            LOG.info("stopping: no more scrapes, then the collection loop and the Kafka clients");
            exporter.close();
            LOG.info("stopped");
            stopped.countDown();
        }, "steward-shutdown"));
        spec.commandLine().getOut().printf("kafka-steward serving %s://%s:%d/metrics for cluster %s%n", web.scheme(),
                bind, exporter.port(), model.cluster());
        spec.commandLine().getOut().flush();
        stopped.await();
        return 0;
    }

    /** SIGHUP reloads ownership.yml at once, the way Prometheus and Alertmanager reload theirs. */
    private static void reloadOnSighup(StewardExporter exporter) {
        try {
            sun.misc.Signal.handle(new sun.misc.Signal("HUP"), signal -> {
                Thread reload = new Thread(exporter::reloadNow, "steward-sighup");
                reload.setDaemon(true);
                reload.start();
            });
        } catch (IllegalArgumentException unsupported) {
            LOG.warn("SIGHUP is not available on this platform; ownership.yml is still reloaded when it changes");
        }
    }

    private Duration duration(String option, String text) {
        return PromDuration.parse(text).map(PromDuration::value).filter(d -> !d.isZero())
                .orElseThrow(() -> new CommandLine.ParameterException(spec.commandLine(),
                        "invalid " + option + " '" + text + "': expected a Prometheus duration such as 15s or 1m"));
    }
}
