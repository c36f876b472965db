package dev.kafkasteward.demo.stack;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Prometheus and Alertmanager as child processes: Alertmanager loads the generated routing,
 * Prometheus scrapes the exporter, evaluates the generated rules and alerts to that Alertmanager.
 * Both listen on 127.0.0.1 only; Alertmanager's cluster gossip is switched off so it opens no other
 * port. Configs, data and logs live under one folder, so a failed run can be read afterwards.
 */
public final class MonitoringStack implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);
    private static final int START_ATTEMPTS = 3;

    /**
     * What to run.
     *
     * @param binaries           the two servers
     * @param workDir            configs, data and logs go here
     * @param exporters          {@code host:port} of each exporter replica to scrape, one job
     * @param ruleFiles          Prometheus rule files
     * @param alertmanagerConfig the generated {@code alertmanager.yml}
     * @param scrapeInterval     scrape pace; also the evaluation interval and the resend delay, so a
     *                           test can turn "seconds" into the whole pipeline's pace
     * @param prometheusPort     0 picks a free port
     * @param alertmanagerPort   0 picks a free port
     * @param moreScrapes        scrape jobs besides the exporter's, at the same pace
     */
    public record Settings(StackBinaries binaries, Path workDir, List<String> exporters, List<Path> ruleFiles,
                           Path alertmanagerConfig, Duration scrapeInterval, int prometheusPort,
                           int alertmanagerPort, List<PrometheusConfig.ScrapeConfig> moreScrapes) {

        public Settings {
            exporters = List.copyOf(exporters);
            ruleFiles = List.copyOf(ruleFiles);
            moreScrapes = List.copyOf(moreScrapes);
        }
    }

    private final ChildProcess alertmanager;
    private final ChildProcess prometheus;
    private final URI alertmanagerUrl;
    private final URI prometheusUrl;

    private MonitoringStack(ChildProcess alertmanager, URI alertmanagerUrl, ChildProcess prometheus,
                            URI prometheusUrl) {
        this.alertmanager = alertmanager;
        this.alertmanagerUrl = alertmanagerUrl;
        this.prometheus = prometheus;
        this.prometheusUrl = prometheusUrl;
    }

    /**
     * Starts Alertmanager, then Prometheus, and returns once both answer {@code /-/ready} and
     * Prometheus has discovered the Alertmanager.
     */
    public static MonitoringStack start(Settings s) throws IOException, InterruptedException {
        Path work = s.workDir().toAbsolutePath();
        Files.createDirectories(work);
        Started am = startReady("alertmanager", s.alertmanagerPort(), work.resolve("alertmanager.log"),
                port -> List.of(s.binaries().alertmanager().toString(),
                        "--config.file=" + s.alertmanagerConfig().toAbsolutePath(),
                        "--storage.path=" + work.resolve("alertmanager-data"),
                        "--web.listen-address=127.0.0.1:" + port,
                        // No HA peers: gossip would listen on 0.0.0.0:9094 and clash with anyone else's.
                        "--cluster.listen-address="));
        try {
            Path config = work.resolve("prometheus.yml");
            Files.writeString(config, PrometheusConfig.of(s.exporters(), s.ruleFiles(), "127.0.0.1:" + am.port(),
                    s.scrapeInterval(), s.scrapeInterval(), s.moreScrapes()).render(), StandardCharsets.UTF_8);
            String resend = PrometheusConfig.text(s.scrapeInterval());
            Started prom = startReady("prometheus", s.prometheusPort(), work.resolve("prometheus.log"),
                    port -> List.of(s.binaries().prometheus().toString(),
                            "--config.file=" + config,
                            "--storage.tsdb.path=" + work.resolve("prometheus-data"),
                            "--storage.tsdb.retention.time=1d",
                            "--web.listen-address=127.0.0.1:" + port,
                            // Resend firing alerts at the evaluation pace instead of once a minute, so
                            // Alertmanager never expires an alert that still fires in a fast test.
                            "--rules.alert.resend-delay=" + resend));
            try {
                // Prometheus finds its Alertmanager a few seconds after it is ready; until then an alert
                // would wait in its queue, so "started" means alerts can flow.
                ReadyProbe.await(prom.child(), prom.url().resolve("/api/v1/alertmanagers"),
                        body -> body.contains("127.0.0.1:" + am.port()), START_TIMEOUT);
            } catch (IllegalStateException e) {
                prom.child().close();
                throw e;
            }
            return new MonitoringStack(am.child(), am.url(), prom.child(), prom.url());
        } catch (IOException | InterruptedException | RuntimeException e) {
            am.child().close();
            throw e;
        }
    }

    private record Started(ChildProcess child, int port, URI url) {
    }

    private interface Command {
        List<String> at(int port);
    }

    /**
     * Starts a server and waits until it is ready. A picked port may be taken between the pick and
     * the bind (another engineer's test, say), so a free-port start is retried a few times.
     */
    private static Started startReady(String name, int fixedPort, Path log, Command command)
            throws IOException, InterruptedException {
        IllegalStateException last = null;
        for (int attempt = 1; attempt <= (fixedPort == 0 ? START_ATTEMPTS : 1); attempt++) {
            int port = fixedPort == 0 ? FreePort.pick() : fixedPort;
            ChildProcess child = ChildProcess.start(name, command.at(port), log);
            URI url = URI.create("http://127.0.0.1:" + port);
            try {
                ReadyProbe.await(child, url.resolve("/-/ready"), START_TIMEOUT);
                return new Started(child, port, url);
            } catch (IllegalStateException e) {
                child.close();
                last = e;
            }
        }
        throw last;
    }

    public URI prometheusUrl() {
        return prometheusUrl;
    }

    public URI alertmanagerUrl() {
        return alertmanagerUrl;
    }

    public ChildProcess prometheus() {
        return prometheus;
    }

    public ChildProcess alertmanager() {
        return alertmanager;
    }

    @Override
    public void close() {
        try {
            prometheus.close();
        } finally {
            alertmanager.close();
        }
    }
}
