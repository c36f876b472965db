package dev.kafkasteward.demo.stack;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Grafana for the demo, when it is installed: the generated dashboards through a file provider and
 * the demo's Prometheus as the default data source (the dashboards pick theirs by a variable),
 * anonymous viewing, on 127.0.0.1 only, its data and logs under the demo's stack folder.
 */
public final class GrafanaServer implements AutoCloseable {

    /** Grafana's binaries: {@code grafana server} since 10, {@code grafana-server} before. */
    private static final String[] BINARIES = {"grafana", "grafana-server"};

    private final ChildProcess child;
    private final URI url;

    private GrafanaServer(ChildProcess child, URI url) {
        this.child = child;
        this.url = url;
    }

    /** Grafana's binary and home (where {@code conf/defaults.ini} is), when it is on PATH. */
    public record Installation(Path binary, Path home) {

        public static Optional<Installation> onPath() {
            return StackBinaries.find(BINARIES).flatMap(binary -> home(binary).map(h -> new Installation(binary, h)));
        }

        /** A tarball keeps bin/ beside conf/; Debian's and RPM's package puts the home in /usr/share/grafana. */
        static Optional<Path> home(Path binary) {
            Path real;
            try {
                real = binary.toRealPath();
            } catch (IOException e) {
                real = binary;
            }
            List<Path> candidates = new ArrayList<>();
            if (real.getParent() != null && real.getParent().getParent() != null) {
                candidates.add(real.getParent().getParent());
            }
            candidates.add(Path.of("/usr/share/grafana"));
            return candidates.stream().filter(h -> Files.isRegularFile(h.resolve("conf/defaults.ini"))).findFirst();
        }

        List<String> command() {
            boolean modern = binary.getFileName().toString().equals("grafana");
            List<String> command = new ArrayList<>(List.of(binary.toString()));
            if (modern) {
                command.add("server");
            }
            command.add("--homepath=" + home);
            return command;
        }
    }

    /**
     * Writes the provisioning (data source and dashboard provider) under {@code workDir}, and returns
     * the environment that points Grafana at it. Apart from {@link #start}, so it can be checked
     * without a Grafana.
     */
    static Map<String, String> provision(Path workDir, Path dashboards, URI prometheus, int port) throws IOException {
        Path provisioning = workDir.resolve("provisioning");
        Files.createDirectories(provisioning.resolve("datasources"));
        Files.createDirectories(provisioning.resolve("dashboards"));
        Files.createDirectories(provisioning.resolve("plugins"));
        Files.createDirectories(provisioning.resolve("alerting"));
        Files.writeString(provisioning.resolve("datasources/prometheus.yml"), """
                apiVersion: 1
                datasources:
                  - name: Prometheus (demo)
                    uid: kafka-steward-demo
                    type: prometheus
                    access: proxy
                    url: %s
                    isDefault: true
                """.formatted(prometheus), StandardCharsets.UTF_8);
        Files.writeString(provisioning.resolve("dashboards/kafka-steward.yml"), """
                apiVersion: 1
                providers:
                  - name: kafka-steward
                    folder: Kafka Steward
                    type: file
                    options:
                      path: %s
                """.formatted(dashboards.toAbsolutePath()), StandardCharsets.UTF_8);
        Map<String, String> env = new TreeMap<>();
        env.put("GF_PATHS_PROVISIONING", provisioning.toString());
        env.put("GF_PATHS_DATA", workDir.resolve("data").toString());
        env.put("GF_PATHS_LOGS", workDir.resolve("logs").toString());
        env.put("GF_PATHS_PLUGINS", workDir.resolve("plugins").toString());
        env.put("GF_SERVER_HTTP_ADDR", "127.0.0.1");
        env.put("GF_SERVER_HTTP_PORT", Integer.toString(port));
        env.put("GF_AUTH_ANONYMOUS_ENABLED", "true");
        env.put("GF_AUTH_ANONYMOUS_ORG_ROLE", "Viewer");
        env.put("GF_ANALYTICS_REPORTING_ENABLED", "false");
        env.put("GF_ANALYTICS_CHECK_FOR_UPDATES", "false");
        return env;
    }

    /** Starts Grafana and waits until {@code /api/health} answers. */
    public static GrafanaServer start(Installation grafana, Path workDir, Path dashboards, URI prometheus, int port)
            throws IOException, InterruptedException {
        int chosen = port == 0 ? FreePort.pick() : port;
        Map<String, String> env = provision(workDir.toAbsolutePath(), dashboards, prometheus, chosen);
        ChildProcess child = ChildProcess.start("grafana", grafana.command(), env, workDir.resolve("grafana.log"));
        URI url = URI.create("http://127.0.0.1:" + chosen);
        try {
            ReadyProbe.await(child, url.resolve("/api/health"), Duration.ofSeconds(60));
        } catch (IllegalStateException e) {
            child.close();
            throw e;
        }
        return new GrafanaServer(child, url);
    }

    public URI url() {
        return url;
    }

    @Override
    public void close() {
        child.close();
    }
}
