package dev.kafkasteward.exporter.bench;

import dev.kafkasteward.contract.catalog.DiskMetrics;
import dev.kafkasteward.contract.ownership.OwnershipLoader;
import dev.kafkasteward.contract.testing.ChildJvm;
import dev.kafkasteward.contract.testing.KafkaNode;
import dev.kafkasteward.exporter.StewardExporter;
import dev.kafkasteward.exporter.collect.CollectorSettings;
import dev.kafkasteward.exporter.disk.ForecastSettings;
import dev.kafkasteward.exporter.testing.Scrape;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Time to exhaustion against a volume that really fills (issue 22): a real broker process whose only log
 * dir is a size-limited tmpfs, a producer writing at a constant rate until the volume is full, and the
 * exporter scraped every few seconds. Each scrape's time to exhaustion is compared with the time that
 * really remained: the moment the broker could no longer write, minus the scrape's moment. Prints every
 * sample and the error while more than 5 minutes remained; exit 0 when all of those are within 5 %, 1
 * when not, 2 when the volume cannot be mounted (it needs root).
 *
 * <p>Usage: {@code bin/bench-disk-fill [volume MB, default 64] [rate KB/s, default 96]}
 */
public final class DiskFillBenchmark {

    private static final Duration SCRAPE_EVERY = Duration.ofSeconds(5);
    private static final Duration JUDGED_WHILE = Duration.ofMinutes(5);

    private DiskFillBenchmark() {
    }

    private record Sample(Instant at, double timeToExhaustion) {
    }

    public static void main(String[] args) throws Exception {
        int volumeMb = args.length > 0 ? Integer.parseInt(args[0]) : 64;
        int rateKb = args.length > 1 ? Integer.parseInt(args[1]) : 96;
        Path root = Files.createTempDirectory("steward-disk-fill-");
        Path volume = Files.createDirectories(root.resolve("broker/data"));
        if (!run("mount", "-t", "tmpfs", "-o", "size=" + volumeMb + "m", "tmpfs", volume.toString())) {
            System.err.println("cannot mount a " + volumeMb + " MB tmpfs at " + volume + " (root needed)");
            System.exit(2);
        }
        int exit;
        try {
            exit = fill(root, volume, volumeMb, rateKb);
        } finally {
            run("umount", "-l", volume.toString());
        }
        System.exit(exit);
    }

    private static int fill(Path root, Path volume, int volumeMb, int rateKb) throws Exception {
        String clusterId = Uuid.randomUuid().toString();
        int controllerPort = ChildJvm.freePort();
        int brokerPort = ChildJvm.freePort();
        Path controllerDir = root.resolve("controller");
        KafkaNode.format(controllerDir, KafkaNode.properties(KafkaNode.Role.CONTROLLER, 1, controllerPort,
                controllerPort, controllerDir.resolve("data")), clusterId, Duration.ofSeconds(60));
        // Small segments and indexes, nothing deleted: the dir grows at the producer's pace until full.
        KafkaNode.format(root.resolve("broker"), KafkaNode.properties(KafkaNode.Role.BROKER, 2, brokerPort,
                controllerPort, volume) + "log.segment.bytes=1048576\nlog.index.size.max.bytes=65536\n"
                + "log.retention.ms=-1\nlog.retention.bytes=-1\n", clusterId, Duration.ofSeconds(60));
        try (KafkaNode controller = KafkaNode.start(KafkaNode.Role.CONTROLLER, 1, controllerPort, controllerDir,
                List.of("-Xmx256m"));
             KafkaNode broker = KafkaNode.start(KafkaNode.Role.BROKER, 2, brokerPort, root.resolve("broker"),
                     List.of("-Xmx384m"))) {
            Properties props = new Properties();
            props.put("bootstrap.servers", broker.bootstrapServers());
            awaitBroker(props);
            try (Admin admin = Admin.create(props)) {
                admin.createTopics(List.of(new NewTopic("fill", 1, (short) 1))).all().get();
            }
            // Log dirs read every 5 s; a forecast from 1 minute of samples (the default waits 15 minutes).
            StewardExporter.Config config = StewardExporter.Config.of(
                    new OwnershipLoader().load(Path.of("../examples/ownership.yml")), props)
                    .every(Duration.ofSeconds(2))
                    .collecting(CollectorSettings.DEFAULTS.withPlacementRefresh(Duration.ofSeconds(5)))
                    .forecasting(new ForecastSettings(Duration.ofMinutes(30), 240, 5, Duration.ofMinutes(1)));
            try (StewardExporter exporter = StewardExporter.start(config)) {
                List<Sample> samples = new ArrayList<>();
                Instant full = produceUntilFull(props, rateKb * 1024, exporter, samples, volume);
                return report(samples, full, volumeMb, rateKb);
            }
        }
    }

    /**
     * Writes 1 KiB records at {@code bytesPerSecond} until the volume has no room left (the file system's
     * usable space, which is what the forecast aims at) or a write fails; scrapes on the way.
     */
    private static Instant produceUntilFull(Properties props, int bytesPerSecond, StewardExporter exporter,
                                            List<Sample> samples, Path volume) throws Exception {
        Properties p = new Properties();
        p.putAll(props);
        p.put("acks", "1");
        p.put("retries", "0"); // a full disk must show at once, not after the delivery timeout
        p.put("enable.idempotence", "false");
        p.put("linger.ms", "20");
        p.put("delivery.timeout.ms", "30000");
        p.put("request.timeout.ms", "10000");
        byte[] value = new byte[1024];
        int perTick = Math.max(1, bytesPerSecond / 1024 / 10);
        Instant start = Instant.now();
        Instant nextScrape = start;
        long sent = 0;
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(p, new ByteArraySerializer(),
                new ByteArraySerializer())) {
            while (true) {
                List<java.util.concurrent.Future<?>> acks = new ArrayList<>();
                for (int i = 0; i < perTick; i++) {
                    acks.add(producer.send(new ProducerRecord<>("fill", value)));
                }
                try {
                    for (var ack : acks) {
                        ack.get(30, TimeUnit.SECONDS);
                    }
                } catch (Exception writeFailed) {
                    Instant full = Instant.now();
                    System.out.printf(Locale.ROOT, "volume full after %d s: %s%n",
                            Duration.between(start, full).toSeconds(), writeFailed.getCause());
                    return full;
                }
                sent += perTick;
                long usable = Files.getFileStore(volume).getUsableSpace();
                if (usable < 64 * 1024) {
                    Instant full = Instant.now();
                    System.out.printf(Locale.ROOT, "volume full after %d s (%d bytes usable)%n",
                            Duration.between(start, full).toSeconds(), usable);
                    return full;
                }
                if (!Instant.now().isBefore(nextScrape)) {
                    scrape(exporter).ifPresent(tte -> samples.add(new Sample(Instant.now(), tte)));
                    nextScrape = nextScrape.plus(SCRAPE_EVERY);
                }
                // Constant rate: the next tick is due when the bytes sent so far are due.
                long dueMs = start.toEpochMilli() + sent * 1000 / (perTick * 10L);
                long sleep = dueMs - System.currentTimeMillis();
                if (sleep > 0) {
                    Thread.sleep(sleep);
                }
            }
        }
    }

    private static Optional<Double> scrape(StewardExporter exporter) {
        try {
            return Scrape.get(exporter.port()).all(DiskMetrics.LOG_DIR_TIME_TO_EXHAUSTION.name()).stream()
                    .map(Scrape.Sample::value).filter(v -> !v.isInfinite()).findFirst();
        } catch (IOException | InterruptedException e) {
            return Optional.empty();
        }
    }

    private static int report(List<Sample> samples, Instant full, int volumeMb, int rateKb) {
        System.out.printf(Locale.ROOT, "%n%d MB tmpfs, %d KB/s; time to exhaustion served vs really remaining:%n",
                volumeMb, rateKb);
        System.out.println("| remaining (s) | served (s) | error |");
        System.out.println("|---:|---:|---:|");
        double worst = 0;
        int judged = 0;
        for (Sample s : samples) {
            double remaining = Duration.between(s.at(), full).toMillis() / 1000.0;
            double error = (s.timeToExhaustion() - remaining) / remaining;
            System.out.printf(Locale.ROOT, "| %.0f | %.0f | %+.1f %% |%n", remaining, s.timeToExhaustion(), 100 * error);
            if (remaining > JUDGED_WHILE.toSeconds()) {
                judged++;
                worst = Math.max(worst, Math.abs(error));
            }
        }
        System.out.printf(Locale.ROOT, "%d samples while more than 5 minutes remained; worst error %.1f %%%n",
                judged, 100 * worst);
        return judged > 0 && worst <= 0.05 ? 0 : 1;
    }

    private static void awaitBroker(Properties props) throws Exception {
        try (Admin admin = Admin.create(props)) {
            Instant deadline = Instant.now().plusSeconds(90);
            while (Instant.now().isBefore(deadline)) {
                try {
                    if (admin.describeCluster().nodes().get(5, TimeUnit.SECONDS).size() == 1) {
                        return;
                    }
                } catch (Exception notYet) {
                    Thread.sleep(500);
                }
            }
            throw new IllegalStateException("the broker did not come up");
        }
    }

    private static boolean run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).inheritIO().start();
        return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
    }
}
