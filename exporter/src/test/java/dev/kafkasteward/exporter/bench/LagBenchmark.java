package dev.kafkasteward.exporter.bench;

import dev.kafkasteward.contract.catalog.LagMetrics;
import dev.kafkasteward.contract.catalog.ShareGroupMetrics;
import dev.kafkasteward.contract.ownership.Ownership;
import dev.kafkasteward.contract.ownership.OwnershipLoader;
import dev.kafkasteward.exporter.StewardExporter;
import dev.kafkasteward.exporter.core.ServedState;
import dev.kafkasteward.exporter.core.Snapshot;
import dev.kafkasteward.exporter.testing.Scrape;
import dev.kafkasteward.exporter.Version;
import dev.kafkasteward.exporter.metrics.SnapshotRenderer;
import io.prometheus.metrics.config.EscapingScheme;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import javax.management.MBeanServer;
import javax.management.ObjectName;

/**
 * The lag benchmark of issue 3: a 3-broker cluster of a given scale, the real exporter
 * ({@link StewardExporter}) collecting from it, and {@code kafka-consumer-groups --describe
 * --all-groups} on the same cluster as the yardstick. Prints cycle time, requests per cycle and per
 * broker, heap after GC, /metrics latency and size, the command's time and the ratio, and checks
 * that every lag the exporter serves equals the command's LAG column. A tool, not a test: figures
 * depend on the machine; {@code LagBenchmarkIT} runs it tiny to keep the code path honest.
 *
 * <p>Usage: {@code LagBenchmark <tiny|small|medium|large> [--cycles N] [--groups N] ...}; see
 * {@link BenchScale#parse}. Exit 0 when lags match, 1 when they do not, 2 on a usage error.
 */
public final class LagBenchmark {

    private static final int BROKERS = 3;
    private static final Duration INTERVAL = Duration.ofSeconds(1);
    private static final String CLIENT_ID = "kafka-steward";

    /**
     * CPU milliseconds: the exporter's process and the brokers' over the measured cycles, per cycle; the
     * command's own and the brokers' over its one run. -1 where not measurable.
     */
    public record Cpu(double exporterPerCycle, double brokersPerCycle, long command, long brokersForCommand) {
    }

    /** One exporter cycle as seen from outside: its own duration and what it sent. */
    public record CycleSample(long millis, long admin, long consumer, Map<String, Long> adminByNode) {
    }

    /** Everything measured in one run; the IT asserts on it, {@link #print} reports it. */
    public record Result(BenchScale scale, long clusterMillis, long workloadMillis, List<CycleSample> cycles,
                         long failedCycles, SortedMap<String, Long> errors, long heapBaseline, long heapWithExporter,
                         List<Long> scrapeMicros, int metricsBytes, int metricsLines, long cliMillis, int cliRows,
                         int lagSeries, int groupsCompared, List<String> cliMismatches, List<String> truthMismatches,
                         int backlogSeries, List<String> backlogMismatches, Cpu cpu,
                         List<StageProfile.Cycle> profile, long renderCollectMillis, long renderWriteMillis) {

        public boolean lagMatches() {
            return cliMismatches.isEmpty() && truthMismatches.isEmpty() && backlogMismatches.isEmpty()
                    && lagSeries > 0;
        }

        List<CycleSample> warm() {
            return cycles.subList(1, cycles.size());
        }

        long medianWarmMillis() {
            return percentile(warm().stream().map(CycleSample::millis).toList(), 50);
        }
    }

    private LagBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        BenchScale scale;
        try {
            scale = BenchScale.parse(args);
            checkOpenFileLimit(scale);
        } catch (IllegalArgumentException e) {
            System.err.println("bench-lag: " + e.getMessage());
            System.exit(2);
            return;
        }
        Result r = run(scale, System.out);
        System.exit(r.lagMatches() ? 0 : 1);
    }

    /** Runs the whole benchmark at {@code scale}, printing progress and the report to {@code out}. */
    public static Result run(BenchScale scale, PrintStream out) throws Exception {
        out.printf(Locale.ROOT, "preset %s: %,d topics x %d partitions = %,d partitions, %,d consumer + %,d streams"
                        + " groups x %d topics = %,d lag series, %,d share groups = %,d backlog series, %d records per"
                        + " partition, %d brokers (RF 1)%n", scale.name(), scale.topics(), scale.partitions(),
                scale.totalPartitions(), scale.groups(), scale.streamsGroups(), scale.topicsPerGroup(),
                scale.groupPartitions() + scale.streamsGroupPartitions(), scale.shareGroups(), scale.sharePartitions(),
                scale.records(), BROKERS);
        long t0 = System.nanoTime();
        try (ClusterProcess cluster = ClusterProcess.start(BROKERS, scale.clusterHeap())) {
            long clusterMillis = since(t0);
            out.printf(Locale.ROOT, "cluster up in %.1f s (pid %d)%n", clusterMillis / 1000.0, cluster.pid());
            long t1 = System.nanoTime();
            Workload.Truth truth = new Workload(scale).apply(cluster.bootstrapServers());
            long workloadMillis = since(t1);
            out.printf(Locale.ROOT, "topics created, records produced, offsets committed in %.1f s%n",
                    workloadMillis / 1000.0);
            return measure(scale, cluster, truth, clusterMillis, workloadMillis, out);
        }
    }

    private static Result measure(BenchScale scale, ClusterProcess cluster, Workload.Truth truth,
                                  long clusterMillis, long workloadMillis, PrintStream out) throws Exception {
        Properties client = new Properties();
        client.put("bootstrap.servers", cluster.bootstrapServers());
        Ownership ownership = new OwnershipLoader().load(ownershipFile());
        long heapBaseline = heapAfterGc();

        List<CycleSample> cycles;
        ServedState finalState;
        long heapWithExporter;
        List<Long> scrapeMicros = new ArrayList<>();
        String lastBody;
        long[] render;
        long exporterCpu0;
        long brokerCpu0;
        long exporterCpu;
        long brokerCpu;
        try (StewardExporter exporter = StewardExporter.start(StewardExporter.Config.of(ownership, client)
                .listen("127.0.0.1", 0).every(INTERVAL))) {
            exporterCpu0 = processCpuMillis();
            brokerCpu0 = cluster.cpuMillis();
            cycles = observeCycles(exporter, scale.cycles(), out);
            exporterCpu = processCpuMillis() - exporterCpu0;
            brokerCpu = cluster.cpuMillis() - brokerCpu0;
            finalState = exporter.state();
            heapWithExporter = heapAfterGc();
            lastBody = timeScrapes(exporter.port(), scale, scrapeMicros);
            render = timeRendering(exporter, ownership.cluster());
        }

        // The exporter's last scrape shows a snapshot taken after every produce and commit, and
        // nothing has been produced or committed since: the command must see the same lags.
        out.println("running kafka-consumer-groups --describe --all-groups ...");
        long cliCpu0 = processCpuMillis();
        long cliBrokerCpu0 = cluster.cpuMillis();
        ConsumerGroupsCli.Result cli = ConsumerGroupsCli.describeAllGroups(cluster.bootstrapServers());
        Cpu cpu = new Cpu(exporterCpu / (double) cycles.size(), brokerCpu / (double) cycles.size(),
                processCpuMillis() - cliCpu0, cluster.cpuMillis() - cliBrokerCpu0);
        if (!cli.errors().isEmpty()) {
            out.println("kafka-consumer-groups reported:\n" + cli.errors());
        }
        Scrape scrape = Scrape.parse(lastBody);
        Map<Workload.Key, Long> served = servedBy(scrape, LagMetrics.LAG_RECORDS.name());
        // kafka-consumer-groups speaks for consumer groups; streams groups are checked against the truth.
        List<String> cliMismatches = compare(withoutStreams(served), withoutStreams(cli.lag()), "kafka-consumer-groups");
        List<String> truthMismatches = compare(served, truth.lag(), "committed truth");
        Map<Workload.Key, Long> backlog = servedBy(scrape, ShareGroupMetrics.BACKLOG_RECORDS.name());
        List<String> backlogMismatches = compare(backlog, truth.backlog(), "start-offset truth");
        int groups = (int) served.keySet().stream().map(Workload.Key::group).distinct().count();

        out.println("profiling stages with the exporter's collector (exporter stopped) ...");
        List<StageProfile.Cycle> profile = StageProfile.run(client, 2);

        Result r = new Result(scale, clusterMillis, workloadMillis, cycles, finalState.status().failures(),
                finalState.status().errors(), heapBaseline, heapWithExporter, scrapeMicros,
                lastBody.getBytes(StandardCharsets.UTF_8).length, (int) lastBody.lines().count(), cli.millis(),
                cli.rows(), served.size(), groups, cliMismatches, truthMismatches, backlog.size(), backlogMismatches, cpu,
                profile, render[0], render[1]);
        print(r, out);
        return r;
    }

    /** Waits for {@code n} cycles, reading each one's duration and cost as it is published. */
    private static List<CycleSample> observeCycles(StewardExporter exporter, int n, PrintStream out)
            throws Exception {
        List<CycleSample> samples = new ArrayList<>();
        ServedState last = exporter.state();
        Map<String, Double> nodesBefore = nodeRequests("kafka.admin.client", "admin-client-node-metrics");
        long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
        while (samples.size() < n) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("only " + samples.size() + " of " + n + " cycles within 10 minutes");
            }
            ServedState s = exporter.state();
            // Every cycle publishes a new state object; the next cycle starts a full interval later.
            if (s != last) {
                last = s;
                Map<String, Double> nodesNow = nodeRequests("kafka.admin.client", "admin-client-node-metrics");
                Map<String, Long> byNode = new TreeMap<>();
                nodesNow.forEach((node, total) -> byNode.put(node,
                        Math.round(total - nodesBefore.getOrDefault(node, 0.0))));
                nodesBefore.clear();
                nodesBefore.putAll(nodesNow);
                Map<String, Long> requests = s.snapshot().map(Snapshot::requests).orElse(Map.of());
                CycleSample c = new CycleSample(s.status().lastDuration().orElseThrow().toMillis(),
                        requests.getOrDefault("admin", 0L), requests.getOrDefault("consumer", 0L), byNode);
                samples.add(c);
                out.printf(Locale.ROOT, "  cycle %d: %d ms, %d admin + %d timestamp-read requests, by node %s%n",
                        samples.size(), c.millis(), c.admin(), c.consumer(), c.adminByNode());
            }
            Thread.sleep(5);
        }
        return samples;
    }

    /**
     * Times sequential scrapes over one keep-alive connection, asking the way Prometheus 2.x asks
     * (OpenMetrics preferred, gzip); returns the last body, decompressed outside the timing.
     */
    private static String timeScrapes(int port, BenchScale scale, List<Long> micros) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        HttpRequest get = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics"))
                .header("Accept", "application/openmetrics-text;version=1.0.0,application/openmetrics-text;"
                        + "version=0.0.1;q=0.75,text/plain;version=0.0.4;q=0.5,*/*;q=0.1")
                .header("Accept-Encoding", "gzip")
                .timeout(Duration.ofSeconds(60)).build();
        long stopAt = System.nanoTime() + Duration.ofSeconds(scale.scrapeSeconds()).toNanos();
        byte[] body = null;
        boolean gzip = false;
        while (micros.size() < scale.scrapes() && (micros.size() < 10 || System.nanoTime() < stopAt)) {
            long start = System.nanoTime();
            HttpResponse<byte[]> r = http.send(get, HttpResponse.BodyHandlers.ofByteArray());
            micros.add((System.nanoTime() - start) / 1_000);
            if (r.statusCode() != 200) {
                throw new IOException("/metrics answered " + r.statusCode());
            }
            body = r.body();
            gzip = "gzip".equals(r.headers().firstValue("Content-Encoding").orElse(""));
        }
        if (gzip) {
            body = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(body)).readAllBytes();
        }
        return new String(body, java.nio.charset.StandardCharsets.UTF_8);
    }

    /**
     * Median of 5 in-process renders of the served snapshot, split into building the samples
     * (the registry's collect) and writing the text, to tell rendering cost from HTTP transfer.
     */
    private static long[] timeRendering(StewardExporter exporter, String cluster) throws IOException {
        PrometheusRegistry registry = new PrometheusRegistry();
        registry.register(new SnapshotRenderer(exporter::state, cluster, Version.get(), Clock.systemUTC()));
        PrometheusTextFormatWriter writer = PrometheusTextFormatWriter.create();
        List<Long> collect = new ArrayList<>();
        List<Long> write = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            long start = System.nanoTime();
            MetricSnapshots snapshots = registry.scrape();
            long built = System.nanoTime();
            writer.write(OutputStream.nullOutputStream(), snapshots, EscapingScheme.UNDERSCORE_ESCAPING);
            collect.add((built - start) / 1_000_000);
            write.add((System.nanoTime() - built) / 1_000_000);
        }
        return new long[] {percentile(collect, 50), percentile(write, 50)};
    }

    /** A per-partition family of the scrape, by group, topic and partition. */
    private static Map<Workload.Key, Long> servedBy(Scrape scrape, String family) {
        Map<Workload.Key, Long> out = new HashMap<>();
        for (Scrape.Sample s : scrape.all(family)) {
            out.put(new Workload.Key(s.labels().get("group"), s.labels().get("topic"),
                    Integer.parseInt(s.labels().get("partition"))), (long) s.value());
        }
        return out;
    }

    private static Map<Workload.Key, Long> withoutStreams(Map<Workload.Key, Long> lag) {
        Map<Workload.Key, Long> out = new HashMap<>(lag);
        out.keySet().removeIf(k -> Workload.isStreamsGroup(k.group()));
        return out;
    }

    /** Every difference between what the exporter serves and {@code expected}, sorted. */
    static List<String> compare(Map<Workload.Key, Long> served, Map<Workload.Key, Long> expected, String what) {
        List<String> diffs = new ArrayList<>();
        TreeSet<Workload.Key> keys = new TreeSet<>(served.keySet());
        keys.addAll(expected.keySet());
        for (Workload.Key k : keys) {
            Long a = served.get(k);
            Long b = expected.get(k);
            if (a == null || !a.equals(b)) {
                diffs.add(k.group() + " " + k.topic() + "/" + k.partition() + ": exporter "
                        + (a == null ? "no series" : a) + ", " + what + " " + (b == null ? "no row" : b));
            }
        }
        return diffs;
    }

    static void print(Result r, PrintStream out) {
        List<CycleSample> warm = r.warm();
        List<Long> warmMillis = warm.stream().map(CycleSample::millis).toList();
        CycleSample first = r.cycles().get(0);
        out.println();
        out.println("== Kafka Steward lag benchmark: " + r.scale().name() + " ==");
        out.printf(Locale.ROOT, "scale: %,d partitions (%d x %d), %,d consumer + %,d streams groups, %,d lag series;"
                        + " %,d share groups, %,d backlog series%n", r.scale().totalPartitions(), r.scale().topics(),
                r.scale().partitions(), r.scale().groups(), r.scale().streamsGroups(), r.lagSeries(),
                r.scale().shareGroups(), r.backlogSeries());
        out.printf(Locale.ROOT, "cycle time (exporter's own collection duration): first (cold start) %d ms;"
                        + " next %d cycles min %d / median %d / max %d ms%n", first.millis(), warm.size(),
                percentile(warmMillis, 0), percentile(warmMillis, 50), percentile(warmMillis, 100));
        List<Long> admin = warm.stream().map(CycleSample::admin).toList();
        out.printf(Locale.ROOT, "admin requests per cycle: first %d; then median %d, max %d%n", first.admin(),
                percentile(admin, 50), percentile(admin, 100));
        out.printf(Locale.ROOT, "admin requests per broker per cycle (max over warm cycles): %s%n",
                maxByNode(warm));
        List<Long> consumer = warm.stream().map(CycleSample::consumer).toList();
        out.printf(Locale.ROOT, "timestamp-read requests per cycle: first %d; then median %d, max %d%n",
                first.consumer(), percentile(consumer, 50), percentile(consumer, 100));
        out.printf(Locale.ROOT, "heap after GC: %.1f MB before the exporter started, %.1f MB with it after %d"
                        + " cycles: exporter ~%.1f MB%n", mb(r.heapBaseline()), mb(r.heapWithExporter()),
                r.cycles().size(), mb(r.heapWithExporter() - r.heapBaseline()));
        out.printf(Locale.ROOT, "/metrics: %d scrapes, p50 %.1f ms, p99 %.1f ms, max %.1f ms; %,d bytes, %,d lines%n",
                r.scrapeMicros().size(), percentile(r.scrapeMicros(), 50) / 1000.0,
                percentile(r.scrapeMicros(), 99) / 1000.0, percentile(r.scrapeMicros(), 100) / 1000.0,
                r.metricsBytes(), r.metricsLines());
        out.printf(Locale.ROOT, "rendering the served snapshot in-process (median of 5): %d ms building samples,"
                + " %d ms writing text%n", r.renderCollectMillis(), r.renderWriteMillis());
        long median = Math.max(1, r.medianWarmMillis());
        out.printf(Locale.ROOT, "kafka-consumer-groups --describe --all-groups: %,d ms (%,d rows) = %.1fx the"
                + " exporter's median cycle (%d ms)%n", r.cliMillis(), r.cliRows(), r.cliMillis() / (double) median,
                median);
        List<Long> steady = warm.stream().filter(c -> c.consumer() == 0).map(CycleSample::millis).toList();
        if (!steady.isEmpty() && steady.size() < warm.size()) {
            long steadyMedian = Math.max(1, percentile(steady, 50));
            out.printf(Locale.ROOT, "  steady cycles (no timestamp reads left, %d of %d): median %d ms; the command"
                    + " took %.1fx that%n", steady.size(), warm.size(), steadyMedian,
                    r.cliMillis() / (double) steadyMedian);
        }
        out.printf(Locale.ROOT, "CPU per cycle (mean over all, cold start included): exporter %.0f ms (collecting,"
                        + " analysing, rendering the scrape it serves), brokers %.0f ms; kafka-consumer-groups once: %d ms,"
                        + " brokers %d ms%n",
                r.cpu().exporterPerCycle(), r.cpu().brokersPerCycle(), r.cpu().command(),
                r.cpu().brokersForCommand());
        out.printf(Locale.ROOT, "failed cycles: %d; errors by stage: %s%n", r.failedCycles(),
                r.errors().isEmpty() ? "none" : r.errors());
        for (int i = 0; i < r.profile().size(); i++) {
            StageProfile.Cycle c = r.profile().get(i);
            out.printf(Locale.ROOT, "stage profile, %s cycle: %d ms %s (%d admin, %d timestamp-read requests,"
                            + " %d positions planned); admin requests by call %s%n", i == 0 ? "cold" : "warm",
                    c.totalMillis(), c.stagesMillis(), c.admin(), c.consumer(), c.timestampReads(),
                    c.requestsByCall());
        }
        if (r.lagMatches()) {
            out.printf(Locale.ROOT, "lag matches kafka-consumer-groups (consumer groups) and the committed truth"
                    + " (consumer and streams groups) for %,d partitions of %,d groups; share backlog matches the"
                    + " truth for %,d share-partitions%n", r.lagSeries(), r.groupsCompared(), r.backlogSeries());
        } else {
            out.printf(Locale.ROOT, "MISMATCH: %d lag differences with kafka-consumer-groups, %d with the committed"
                    + " truth over %,d served series; %d backlog differences over %,d%n", r.cliMismatches().size(),
                    r.truthMismatches().size(), r.lagSeries(), r.backlogMismatches().size(), r.backlogSeries());
            r.cliMismatches().stream().limit(20).forEach(d -> out.println("  " + d));
            r.truthMismatches().stream().limit(20).forEach(d -> out.println("  " + d));
            r.backlogMismatches().stream().limit(20).forEach(d -> out.println("  " + d));
        }
    }

    private static Map<String, Long> maxByNode(List<CycleSample> cycles) {
        Map<String, Long> max = new TreeMap<>();
        cycles.forEach(c -> c.adminByNode().forEach((node, n) -> max.merge(node, n, Math::max)));
        return max;
    }

    /** Cumulative {@code request-total} per node of the exporter's clients (its own and the share groups'), from JMX. */
    private static Map<String, Double> nodeRequests(String domain, String type) throws Exception {
        MBeanServer mbs = ManagementFactory.getPlatformMBeanServer();
        Map<String, Double> out = new TreeMap<>();
        for (String client : List.of(CLIENT_ID, CLIENT_ID + "-share")) {
            for (ObjectName n : mbs.queryNames(new ObjectName(domain + ":type=" + type + ",client-id=" + client
                    + ",*"), null)) {
                Object v = mbs.getAttribute(n, "request-total");
                if (v instanceof Number num) {
                    out.merge(n.getKeyProperty("node-id"), num.doubleValue(), Double::sum);
                }
            }
        }
        return out;
    }

    /**
     * Heap in use right after a full collection, as the collector itself reports it per pool: the
     * exporter keeps collecting meanwhile, so the heap's current use would count what it allocated
     * since. Twice: the first collection may leave objects with finalizers or soft references behind.
     */
    private static long heapAfterGc() throws InterruptedException {
        for (int i = 0; i < 2; i++) {
            System.gc();
            Thread.sleep(100);
        }
        long used = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            MemoryUsage afterGc = pool.getType() == MemoryType.HEAP ? pool.getCollectionUsage() : null;
            used += afterGc == null ? 0 : afterGc.getUsed();
        }
        return used;
    }

    static long percentile(List<Long> values, int p) {
        if (values.isEmpty()) {
            return 0;
        }
        List<Long> sorted = values.stream().sorted().toList();
        int idx = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, idx)));
    }

    /** Refuses a scale whose cluster JVM would run out of file descriptors half-way. */
    static void checkOpenFileLimit(BenchScale scale) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/limits"))) {
                if (line.startsWith("Max open files")) {
                    long soft = Long.parseLong(line.substring(26).trim().split("\\s+")[0]);
                    // Measured: one file per partition (50 more for the offsets topic, 50 for the share-group
                    // state topic once a share group exists) plus ~370 for the JVM, the metadata log and sockets;
                    // the rest is margin for connections (the streams applications' among them) and rolls.
                    long needed = scale.totalPartitions() + 50L + (scale.shareGroups() > 0 ? 50L : 0L) + 370L + 150L;
                    if (needed > soft) {
                        throw new IllegalArgumentException(String.format(Locale.ROOT, "%,d partitions need about %,d"
                                + " open files in the cluster JVM (one per partition's active segment); the limit"
                                + " here is %,d (ulimit -n)", scale.totalPartitions(), needed, soft));
                    }
                }
            }
        } catch (IOException | NumberFormatException e) {
            // Not Linux, or unlimited: nothing to check.
        }
    }

    private static Path ownershipFile() {
        // Any valid file works: the exporter only needs the cluster name. Run from the repo or exporter/.
        Path fromModule = Path.of("../examples/ownership.yml");
        return Files.exists(fromModule) ? fromModule : Path.of("examples/ownership.yml");
    }

    /** CPU time of this JVM so far (the exporter's, or the command's while it runs in-process), ms. */
    private static long processCpuMillis() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime() / 1_000_000 : -1;
    }

    private static long since(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }

    private static double mb(long bytes) {
        return bytes / (1024.0 * 1024.0);
    }
}
