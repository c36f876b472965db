package dev.kafkasteward.exporter.bench;

import dev.kafkasteward.contract.testing.TestFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.GroupNotEmptyException;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;

/**
 * Streams groups for the benchmark. The Admin API cannot create one: a streams group exists once a
 * Kafka Streams application with {@code group.protocol=streams} has joined with its topology. So each
 * group is a real, stateless application on the group's topics that processes what is there, commits,
 * and leaves; its offsets are then set like a consumer group's, to known values.
 */
final class StreamsGroups {

    private static final Duration JOIN = Duration.ofMinutes(3);
    private static final int AT_ONCE = 5;

    private final int count;
    private final String bootstrapServers;

    StreamsGroups(int count, String bootstrapServers) {
        this.count = count;
        this.bootstrapServers = bootstrapServers;
    }

    /**
     * Creates the groups and sets their offsets to {@code offsets.apply(g)}; returns the lag each
     * partition must then show ({@code logEnd}, every partition's, minus the offset).
     */
    Map<Workload.Key, Long> create(Admin admin, IntFunction<Map<TopicPartition, Long>> offsets, long logEnd)
            throws Exception {
        if (count == 0) {
            return Map.of();
        }
        Path state = Files.createTempDirectory("bench-streams-");
        try {
            // A few at a time: each application holds a dozen connections, and the brokers of the large
            // preset run close to the open-files limit.
            for (int first = 0; first < count; first += AT_ONCE) {
                runUntilCommitted(admin, offsets, first, Math.min(count, first + AT_ONCE), state);
            }
        } finally {
            TestFiles.deleteTree(state);
        }
        Map<Workload.Key, Long> lag = new HashMap<>();
        for (int g = 0; g < count; g++) {
            String group = Workload.streamsGroup(g);
            Map<TopicPartition, OffsetAndMetadata> commits = new HashMap<>();
            offsets.apply(g).forEach((tp, c) -> {
                commits.put(tp, new OffsetAndMetadata(c));
                lag.put(new Workload.Key(group, tp.topic(), tp.partition()), logEnd - c);
            });
            alterWhenEmpty(admin, group, commits);
        }
        return lag;
    }

    private void runUntilCommitted(Admin admin, IntFunction<Map<TopicPartition, Long>> offsets, int from, int to,
                                   Path state) throws Exception {
        List<KafkaStreams> apps = new ArrayList<>();
        try {
            for (int g = from; g < to; g++) {
                KafkaStreams app = app(Workload.streamsGroup(g), offsets.apply(g).keySet(), state);
                apps.add(app);
                app.start();
            }
            for (int g = from; g < to; g++) {
                awaitCommitted(admin, Workload.streamsGroup(g), offsets.apply(g).keySet());
            }
        } finally {
            // Leaving, not waiting out the session: the group must be empty for its offsets to be set.
            apps.forEach(a -> a.close(CloseOptions.groupMembershipOperation(
                    CloseOptions.GroupMembershipOperation.LEAVE_GROUP).withTimeout(Duration.ofSeconds(30))));
        }
    }

    private KafkaStreams app(String id, java.util.Set<TopicPartition> partitions, Path state) {
        StreamsBuilder builder = new StreamsBuilder();
        builder.stream(partitions.stream().map(TopicPartition::topic).distinct().sorted().toList())
                .foreach((k, v) -> { });
        Properties p = new Properties();
        p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(StreamsConfig.APPLICATION_ID_CONFIG, id);
        p.put(StreamsConfig.GROUP_PROTOCOL_CONFIG, "streams");
        p.put(StreamsConfig.STATE_DIR_CONFIG, state.resolve(id).toString());
        p.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, "200");
        p.put(StreamsConfig.DEFAULT_KEY_SERDE_CLASS_CONFIG, Serdes.ByteArraySerde.class);
        p.put(StreamsConfig.DEFAULT_VALUE_SERDE_CLASS_CONFIG, Serdes.ByteArraySerde.class);
        return new KafkaStreams(builder.build(), p);
    }

    /** Until the application has committed on every one of its partitions: then it has joined and worked. */
    private static void awaitCommitted(Admin admin, String group, java.util.Set<TopicPartition> partitions)
            throws Exception {
        long deadline = System.nanoTime() + JOIN.toNanos();
        while (true) {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get(60, TimeUnit.SECONDS);
            if (partitions.stream().allMatch(tp -> committed.get(tp) != null)) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("streams application " + group + " committed on "
                        + committed.size() + " of " + partitions.size() + " partitions within " + JOIN);
            }
            Thread.sleep(200);
        }
    }

    /** The leave reaches the coordinator before close returns, but a member may still be on its way out. */
    private static void alterWhenEmpty(Admin admin, String group, Map<TopicPartition, OffsetAndMetadata> commits)
            throws Exception {
        long deadline = System.nanoTime() + JOIN.toNanos();
        while (true) {
            try {
                admin.alterStreamsGroupOffsets(group, commits).all().get(60, TimeUnit.SECONDS);
                return;
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof GroupNotEmptyException) || System.nanoTime() > deadline) {
                    throw e;
                }
                Thread.sleep(200);
            }
        }
    }
}
