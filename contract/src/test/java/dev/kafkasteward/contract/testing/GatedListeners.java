package dev.kafkasteward.contract.testing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The exporter's own network path to each broker: every broker gets a second listener,
 * {@code GATED}, advertised at a {@link TcpGate} in front of it. A client that bootstraps on that
 * listener is handed only gated addresses, so one broker can be frozen or cut off for the exporter
 * (or all of them, {@link #cut()}) while the cluster itself, on the test kit's {@code EXTERNAL}
 * listener, and every client there carry on.
 */
public final class GatedListeners implements AutoCloseable {

    static final String LISTENER = "GATED";

    private final Map<Integer, Map<String, String>> brokerConfig = new LinkedHashMap<>();
    private final List<TcpGate> gates = new ArrayList<>();

    private GatedListeners() {
    }

    /** Open gates for brokers 0..brokers-1 (the test kit's broker ids); they relay once the brokers are up. */
    public static GatedListeners forBrokers(int brokers) throws java.io.IOException {
        GatedListeners link = new GatedListeners();
        try {
            for (int id = 0; id < brokers; id++) {
                int listenerPort = TcpGate.freePort();
                TcpGate gate = new TcpGate("127.0.0.1", listenerPort);
                link.gates.add(gate);
                gate.open();
                // EXTERNAL and CONTROLLER are the test kit's listener names; port 0 is the kit's pre-bound port.
                link.brokerConfig.put(id, Map.of(
                        "listeners", "EXTERNAL://localhost:0," + LISTENER + "://127.0.0.1:" + listenerPort,
                        "advertised.listeners", "EXTERNAL://localhost:0," + LISTENER + "://127.0.0.1:" + gate.port(),
                        "listener.security.protocol.map",
                        "EXTERNAL:PLAINTEXT,CONTROLLER:PLAINTEXT," + LISTENER + ":PLAINTEXT"));
            }
        } catch (java.io.IOException | RuntimeException e) {
            link.close();
            throw e;
        }
        return link;
    }

    /**
     * Per-broker configuration (listeners) for a KafkaClusterTestKit cluster: the exporter tests'
     * {@code TestCluster.start(int, Map, Map)}, the demo's {@code EmbeddedCluster.start(int, Map)}.
     */
    public Map<Integer, Map<String, String>> brokerConfig() {
        return brokerConfig;
    }

    /** What the exporter bootstraps on. */
    public String bootstrapServers() {
        return gates.stream().map(g -> "127.0.0.1:" + g.port()).collect(Collectors.joining(","));
    }

    public TcpGate gate(int brokerId) {
        return gates.get(brokerId);
    }

    /** Cuts every gate: gated connections are dropped and new ones refused until {@link #restore()}. */
    public void cut() {
        gates.forEach(TcpGate::cut);
    }

    /** Opens every gate again, on the same ports. */
    public void restore() throws java.io.IOException {
        for (TcpGate gate : gates) {
            gate.open();
        }
    }

    @Override
    public void close() {
        gates.forEach(TcpGate::close);
    }
}
