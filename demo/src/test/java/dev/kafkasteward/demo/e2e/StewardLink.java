package dev.kafkasteward.demo.e2e;

import dev.kafkasteward.demo.stack.FreePort;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The exporter's own network path to Kafka: every broker gets a second listener, {@code STEWARD},
 * advertised at a {@link TcpProxy} in front of it. The exporter bootstraps on that listener, so Kafka
 * hands it only proxied addresses; cutting the proxies cuts the exporter off while applications,
 * on the {@code EXTERNAL} listener, carry on.
 */
final class StewardLink implements AutoCloseable {

    static final String LISTENER = "STEWARD";

    private final Map<Integer, Map<String, String>> brokerConfig = new LinkedHashMap<>();
    private final List<TcpProxy> proxies = new ArrayList<>();

    private StewardLink() {
    }

    /** Proxies for brokers 0..brokers-1, listening before the brokers start; they relay once the brokers are up. */
    static StewardLink forBrokers(int brokers) throws IOException {
        StewardLink link = new StewardLink();
        try {
            for (int id = 0; id < brokers; id++) {
                int listenerPort = FreePort.pick();
                TcpProxy proxy = TcpProxy.start(FreePort.pick(), listenerPort);
                link.proxies.add(proxy);
                // EXTERNAL and CONTROLLER are the test kit's listener names; port 0 is the kit's pre-bound port.
                link.brokerConfig.put(id, Map.of(
                        "listeners", "EXTERNAL://localhost:0," + LISTENER + "://localhost:" + listenerPort,
                        "advertised.listeners", "EXTERNAL://localhost:0," + LISTENER + "://localhost:" + proxy.port(),
                        "listener.security.protocol.map",
                        "EXTERNAL:PLAINTEXT,CONTROLLER:PLAINTEXT," + LISTENER + ":PLAINTEXT"));
            }
        } catch (IOException | RuntimeException e) {
            link.close();
            throw e;
        }
        return link;
    }

    /** Per-broker configuration for {@code EmbeddedCluster.start}. */
    Map<Integer, Map<String, String>> brokerConfig() {
        return brokerConfig;
    }

    /** What the exporter bootstraps on. */
    String bootstrapServers() {
        return proxies.stream().map(p -> "localhost:" + p.port()).collect(Collectors.joining(","));
    }

    void cut() {
        proxies.forEach(TcpProxy::cut);
    }

    void restore() throws IOException {
        for (TcpProxy proxy : proxies) {
            proxy.restore();
        }
    }

    @Override
    public void close() {
        proxies.forEach(TcpProxy::close);
    }
}
