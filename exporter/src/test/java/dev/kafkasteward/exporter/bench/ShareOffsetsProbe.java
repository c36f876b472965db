package dev.kafkasteward.exporter.bench;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListShareGroupOffsetsSpec;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;

/**
 * How long a broker takes to answer share-group offsets (DescribeShareGroupOffsets), asked three ways: all
 * groups in one Admin call (one request per coordinator: what the exporter does), a call per group, and one
 * call naming every partition. Usage: {@code ShareOffsetsProbe <groups> <partitions per topic>} (two topics
 * each); a 3-broker cluster in a child JVM, as the lag benchmark runs it. A tool, not a test.
 */
public final class ShareOffsetsProbe {
    public static void main(String[] args) throws Exception {
        int groups = Integer.parseInt(args[0]);
        int partitions = Integer.parseInt(args[1]);
        try (ClusterProcess cluster = ClusterProcess.start(3, "1g")) {
            Properties p = new Properties();
            p.put("bootstrap.servers", cluster.bootstrapServers());
            try (Admin admin = Admin.create(p)) {
                List<NewTopic> topics = new ArrayList<>();
                for (int t = 0; t < 2; t++) {
                    topics.add(new NewTopic("probe-" + t, partitions, (short) 1));
                }
                admin.createTopics(topics).all().get(60, TimeUnit.SECONDS);
                List<KafkaFuture<Void>> f = new ArrayList<>();
                for (int g = 0; g < groups; g++) {
                    Map<TopicPartition, Long> offsets = new HashMap<>();
                    for (int t = 0; t < 2; t++) {
                        for (int q = 0; q < partitions; q++) {
                            offsets.put(new TopicPartition("probe-" + t, q), 0L);
                        }
                    }
                    f.add(admin.alterShareGroupOffsets("g" + g, offsets).all());
                }
                KafkaFuture.allOf(f.toArray(KafkaFuture[]::new)).get(120, TimeUnit.SECONDS);
                for (int round = 0; round < 3; round++) {
                    Map<String, ListShareGroupOffsetsSpec> specs = new HashMap<>();
                    for (int g = 0; g < groups; g++) {
                        specs.put("g" + g, new ListShareGroupOffsetsSpec());
                    }
                    long t0 = System.nanoTime();
                    admin.listShareGroupOffsets(specs).all().get(120, TimeUnit.SECONDS);
                    long one = (System.nanoTime() - t0) / 1_000_000;
                    t0 = System.nanoTime();
                    List<KafkaFuture<?>> each = new ArrayList<>();
                    for (int g = 0; g < groups; g++) {
                        each.add(admin.listShareGroupOffsets(Map.of("g" + g, new ListShareGroupOffsetsSpec())).all());
                    }
                    KafkaFuture.allOf(each.toArray(KafkaFuture[]::new)).get(120, TimeUnit.SECONDS);
                    long split = (System.nanoTime() - t0) / 1_000_000;
                    for (int chunk : new int[] {3, 6, 12}) {
                        t0 = System.nanoTime();
                        List<KafkaFuture<?>> chunks = new ArrayList<>();
                        for (int g = 0; g < groups; g += chunk) {
                            Map<String, ListShareGroupOffsetsSpec> some = new HashMap<>();
                            for (int h = g; h < Math.min(groups, g + chunk); h++) {
                                some.put("g" + h, new ListShareGroupOffsetsSpec());
                            }
                            chunks.add(admin.listShareGroupOffsets(some).all());
                        }
                        KafkaFuture.allOf(chunks.toArray(KafkaFuture[]::new)).get(120, TimeUnit.SECONDS);
                        System.out.printf("  calls of %d groups: %d ms%n", chunk, (System.nanoTime() - t0) / 1_000_000);
                    }
                    t0 = System.nanoTime();
                    Map<String, ListShareGroupOffsetsSpec> explicit = new HashMap<>();
                    for (int g = 0; g < groups; g++) {
                        List<TopicPartition> tps = new ArrayList<>();
                        for (int t = 0; t < 2; t++) {
                            for (int q = 0; q < partitions; q++) {
                                tps.add(new TopicPartition("probe-" + t, q));
                            }
                        }
                        explicit.put("g" + g, new ListShareGroupOffsetsSpec().topicPartitions(tps));
                    }
                    admin.listShareGroupOffsets(explicit).all().get(120, TimeUnit.SECONDS);
                    long withPartitions = (System.nanoTime() - t0) / 1_000_000;
                    System.out.printf("groups %d x %d share-partitions: one call %d ms, a call per group %d ms,"
                            + " one call naming partitions %d ms%n", groups, 2 * partitions, one, split, withPartitions);
                }
            }
        }
    }
}
