package dev.kafkasteward.exporter.cli;

import dev.kafkasteward.contract.ownership.Ownership;
import dev.kafkasteward.contract.ownership.OwnershipException;
import dev.kafkasteward.contract.ownership.OwnershipLoader;
import dev.kafkasteward.contract.ownership.PromDuration;
import dev.kafkasteward.exporter.StewardExporter;
import dev.kafkasteward.exporter.collect.CollectorSettings;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code kafka-steward serve}: collect in the background, serve {@code /metrics}, until stopped. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Collect from Kafka in the background and serve /metrics, /healthz and /readyz.")
public final class ServeCommand implements Callable<Integer> {

    @Option(names = "--ownership", required = true, paramLabel = "FILE", description = "The ownership.yml.")
    Path ownership;

    @Option(names = "--kafka-properties", paramLabel = "FILE",
            description = "Kafka client properties (bootstrap.servers, security.protocol, sasl.*, ssl.*), passed through.")
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
        CollectorSettings settings = new CollectorSettings(timeout, CollectorSettings.DEFAULTS.timestampReadBudget(),
                CollectorSettings.DEFAULTS.timestampReadTime());
        StewardExporter exporter = StewardExporter.start(new StewardExporter.Config(model, props, bind, port, every,
                settings, Clock.systemUTC()));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            exporter.close();
            stopped.countDown();
        }, "steward-shutdown"));
        spec.commandLine().getOut().printf("kafka-steward serving http://%s:%d/metrics for cluster %s%n", bind,
                exporter.port(), model.cluster());
        spec.commandLine().getOut().flush();
        stopped.await();
        return 0;
    }

    private Duration duration(String option, String text) {
        return PromDuration.parse(text).map(PromDuration::value).filter(d -> !d.isZero())
                .orElseThrow(() -> new CommandLine.ParameterException(spec.commandLine(),
                        "invalid " + option + " '" + text + "': expected a Prometheus duration such as 15s or 1m"));
    }
}
