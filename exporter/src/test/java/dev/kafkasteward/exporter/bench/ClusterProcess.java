package dev.kafkasteward.exporter.bench;

import dev.kafkasteward.contract.testing.TestFiles;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;

/**
 * A KafkaClusterTestKit cluster (3 brokers, 1 controller) in a child JVM. The brokers live apart
 * from the benchmark so that the benchmark JVM's heap is the exporter's, and so the brokers' open
 * files (one per partition) do not count against the benchmark's limit. The child prints
 * {@code READY <bootstrap>} and runs until its stdin closes.
 */
public final class ClusterProcess implements AutoCloseable {

    private static final String READY = "READY ";

    /**
     * Broker settings that keep tens of thousands of tiny partitions cheap: small segments and
     * indexes, fewer threads; RF 1 (set at topic creation) so no replica fetchers run.
     */
    static final Map<String, String> BROKER_CONFIG = Map.of(
            "log.segment.bytes", "1048576",
            "log.index.size.max.bytes", "4096",
            "num.io.threads", "4",
            "num.network.threads", "2",
            "background.threads", "4",
            "num.replica.fetchers", "1",
            "group.initial.rebalance.delay.ms", "0",
            "log.retention.check.interval.ms", "3600000");

    private final Process process;
    private final Path dataDir;
    private final String bootstrapServers;

    private ClusterProcess(Process process, Path dataDir, String bootstrapServers) {
        this.process = process;
        this.dataDir = dataDir;
        this.bootstrapServers = bootstrapServers;
    }

    /** Starts the child JVM and waits (bounded) until its brokers are ready. */
    public static ClusterProcess start(int brokers, String heap) throws IOException, InterruptedException {
        Path dataDir = Files.createTempDirectory("steward-bench-");
        List<String> cmd = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + heap, "-Xms" + heap,
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
                "-Dorg.slf4j.simpleLogger.log.org.apache.kafka=error",
                "-Dorg.slf4j.simpleLogger.log.kafka=error",
                // Coordinators log loads cut short by shutdown as errors; at the end of a run that is noise.
                "-Dorg.slf4j.simpleLogger.log.org.apache.kafka.coordinator=off",
                "-cp", System.getProperty("java.class.path"),
                ClusterProcess.class.getName(), Integer.toString(brokers), dataDir.toString()));
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        // If the benchmark dies, the brokers must not outlive it.
        Runtime.getRuntime().addShutdownHook(new Thread(p::destroyForcibly));
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        String line;
        while ((line = out.readLine()) != null && !line.startsWith(READY)) {
            // The storage formatter talks on stdout; nothing of it matters here.
        }
        if (line == null) {
            p.waitFor(10, TimeUnit.SECONDS);
            TestFiles.deleteTree(dataDir);
            throw new IOException("the cluster JVM exited before it was ready (exit " + p.exitValue() + ")");
        }
        Thread drain = new Thread(() -> {
            try {
                out.transferTo(java.io.Writer.nullWriter());
            } catch (IOException ignored) {
                // the child is gone
            }
        }, "cluster-stdout");
        drain.setDaemon(true);
        drain.start();
        return new ClusterProcess(p, dataDir, line.substring(READY.length()).trim());
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    public long pid() {
        return process.pid();
    }

    /**
     * CPU time the brokers' JVM has used so far (user + system, from {@code /proc/<pid>/stat}), in
     * milliseconds; -1 where there is no /proc.
     */
    public long cpuMillis() {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(process.pid()), "stat"));
            // Fields after the command name, which is in parentheses and may contain spaces.
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]); // utime, stime (fields 14, 15)
            return ticks * 1000 / CLOCK_TICKS_PER_SECOND;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** USER_HZ: 100 on every Linux this runs on (sysconf(_SC_CLK_TCK)). */
    private static final long CLOCK_TICKS_PER_SECOND = 100;

    /** Closes the child's stdin (it shuts the cluster down), waits, then removes its data. */
    @Override
    public void close() throws IOException, InterruptedException {
        process.getOutputStream().close();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        TestFiles.deleteTree(dataDir);
    }

    /** Child side: {@code <brokers> <dataDir>}. */
    public static void main(String[] args) throws Exception {
        int brokers = Integer.parseInt(args[0]);
        Path dataDir = Path.of(args[1]);
        KafkaClusterTestKit.Builder builder = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder()
                .setBaseDirectory(dataDir).setNumBrokerNodes(brokers).setNumControllerNodes(1).build());
        BROKER_CONFIG.forEach(builder::setConfigProp);
        PrintStream stdout = System.out;
        try (KafkaClusterTestKit kit = builder.build()) {
            kit.format();
            kit.startup();
            kit.waitForReadyBrokers();
            stdout.println(READY + kit.bootstrapServers());
            stdout.flush();
            // Runs until the parent closes our stdin (or dies).
            System.in.transferTo(OutputStream.nullOutputStream());
        }
        System.exit(0);
    }
}
