package dev.kafkasteward.exporter.funnel.kafka;

import dev.kafkasteward.exporter.funnel.FunnelTracker;
import dev.kafkasteward.exporter.observation.FunnelSnapshot;
import dev.kafkasteward.exporter.observation.TopicPartitionId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.clients.consumer.RangeAssignor;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the funnel stage topics in a consumer group, so that exporter replicas split the partitions:
 * Kafka is the scale-out engine. The range assignor gives a replica the same partition numbers of
 * every stage topic, which keeps a key's stages together when the topics are co-partitioned (same
 * key, same partition count). On assignment a replica rebuilds state by re-reading each partition
 * from now − window ({@code offsetsForTimes}); records below the group's committed offset were
 * counted before (by it or by the previous owner) and only rebuild state. Revoked partitions' state
 * is dropped. Offsets are committed after each publication and on revocation.
 */
public final class FunnelConsumer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(FunnelConsumer.class);

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final FunnelTracker tracker;
    private final FunnelSettings settings;
    private final Clock clock;
    private final AtomicReference<FunnelSnapshot> published =
            new AtomicReference<>(new FunnelSnapshot(List.of(), Set.of()));
    private final AtomicBoolean running = new AtomicBoolean(true);
    /** Counted down by close: wakes a reader waiting to retry. */
    private final CountDownLatch stopping = new CountDownLatch(1);
    private static final Duration FIRST_BACKOFF = Duration.ofSeconds(1);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);
    /**
     * Set when the loop ended on an authorization or configuration error (or one it cannot classify) rather
     * than on close: the last state is frozen. Timeouts and brokers away are retried with backoff.
     */
    private volatile boolean failed;
    private final Thread thread;

    // Owned by the consumer thread only.
    private final Set<TopicPartitionId> assigned = new HashSet<>();
    private final Map<TopicPartition, Long> liveFrom = new HashMap<>();
    private final Map<TopicPartition, Long> rebuildUntil = new HashMap<>();
    // Between revocation and assignment (and before the first) this replica's state is incomplete.
    private boolean rebalancing = true;

    private FunnelConsumer(Properties clientProperties, FunnelTracker tracker, FunnelSettings settings, Clock clock) {
        Properties props = new Properties();
        props.putAll(clientProperties);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, settings.groupId());
        props.put(ConsumerConfig.GROUP_PROTOCOL_CONFIG, "classic");
        // Range assignment hands out the same partition numbers of every topic: co-partitioned stages stay together.
        props.put(ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG, RangeAssignor.class.getName());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
        props.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "false");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"); // aborted business events did not happen
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, props.getProperty("client.id", "kafka-steward") + "-funnels");
        this.consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        this.tracker = tracker;
        this.settings = settings;
        this.clock = clock;
        this.thread = new Thread(this::run, "steward-funnels");
        this.thread.setDaemon(true);
    }

    /** Starts reading on a thread of its own. */
    public static FunnelConsumer start(Properties clientProperties, FunnelTracker tracker, FunnelSettings settings,
                                       Clock clock) {
        FunnelConsumer c = new FunnelConsumer(clientProperties, tracker, settings, clock);
        c.thread.start();
        return c;
    }

    /** The latest published state; what a collection cycle puts into its observation. */
    public FunnelSnapshot snapshot() {
        FunnelSnapshot last = published.get();
        return failed ? last.withReader(FunnelSnapshot.Reader.STOPPED) : last;
    }

    private void run() {
        Duration backoff = FIRST_BACKOFF;
        try {
            consumer.subscribe(List.copyOf(tracker.topics()), new Rebalance());
            Instant lastPublish = Instant.MIN;
            while (running.get()) {
                try {
                    lastPublish = readOnce(lastPublish);
                    backoff = FIRST_BACKOFF;
                } catch (WakeupException e) {
                    throw e;
                } catch (RuntimeException e) {
                    if (FunnelErrors.fatal(e)) {
                        throw e;
                    }
                    // A timeout or a broker away: the same as any consumer, try again. A failure inside the
                    // assignment callback left partitions half set up; a new rebalance sets them up again.
                    LOG.warn("funnel reader: {}; retrying in {} ms", e.toString(), backoff.toMillis());
                    consumer.enforceRebalance();
                    if (stopping.await(backoff.toMillis(), TimeUnit.MILLISECONDS)) {
                        break;
                    }
                    backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
                }
            }
        } catch (WakeupException e) {
            // closing
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            failed = true;
            LOG.error("funnel consumer stopped: {}", FunnelErrors.fatal(e) ? "authorization or configuration error"
                    : "unexpected error", e);
        } finally {
            try {
                consumer.commitSync(Duration.ofSeconds(5));
            } catch (RuntimeException e) {
                LOG.debug("final funnel offset commit failed: {}", e.toString());
            }
            consumer.close(Duration.ofSeconds(5));
        }
    }

    /** One poll, rebuild bookkeeping and, when due, a publication; returns the time of the last publication. */
    private Instant readOnce(Instant lastPublish) {
        for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200))) {
            TopicPartition tp = new TopicPartition(r.topic(), r.partition());
            tracker.apply(new KafkaFunnelRecord(r), r.offset() >= liveFrom.getOrDefault(tp, 0L));
        }
        updateRebuilding();
        Instant now = clock.instant();
        if (now.isBefore(lastPublish.plus(settings.publishEvery()))) {
            return lastPublish;
        }
        publish(now);
        consumer.commitAsync((offsets, e) -> {
            if (e != null) {
                LOG.debug("funnel offset commit failed (retried next time): {}", e.toString());
            }
        });
        return now;
    }

    private void publish(Instant now) {
        Set<String> rebuilding = new HashSet<>();
        rebuildUntil.keySet().forEach(tp -> rebuilding.add(tp.topic()));
        if (rebalancing) {
            rebuilding.addAll(tracker.topics());
        }
        published.set(tracker.sweep(now, assigned, rebuilding));
    }

    private void updateRebuilding() {
        rebuildUntil.entrySet().removeIf(e -> consumer.position(e.getKey(), Duration.ofSeconds(5)) >= e.getValue());
    }

    /** Drops what a replica no longer owns and rebuilds what it now owns. */
    private final class Rebalance implements ConsumerRebalanceListener {

        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            try {
                consumer.commitSync(Duration.ofSeconds(5)); // the next owner counts from here
            } catch (RuntimeException e) {
                LOG.warn("funnel offset commit on revocation failed; some events may be counted twice: {}",
                        e.toString());
            }
            rebalancing = true;
            forget(partitions);
        }

        @Override
        public void onPartitionsLost(Collection<TopicPartition> partitions) {
            rebalancing = true;
            forget(partitions);
        }

        private void forget(Collection<TopicPartition> partitions) {
            for (TopicPartition tp : partitions) {
                tracker.dropPartition(tp.topic(), tp.partition());
                assigned.remove(new TopicPartitionId(tp.topic(), tp.partition()));
                liveFrom.remove(tp);
                rebuildUntil.remove(tp);
            }
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            rebalancing = false;
            if (partitions.isEmpty()) {
                return; // more replicas than partitions: this one idles, truthfully reporting nothing
            }
            Instant now = clock.instant();
            Set<TopicPartition> parts = new HashSet<>(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(parts, Duration.ofSeconds(10));
            Map<TopicPartition, OffsetAndMetadata> committed = consumer.committed(parts, Duration.ofSeconds(10));
            Map<TopicPartition, Long> since = new HashMap<>();
            parts.forEach(tp -> since.put(tp, now.minus(tracker.window(tp.topic())).toEpochMilli()));
            Map<TopicPartition, OffsetAndTimestamp> starts = consumer.offsetsForTimes(since, Duration.ofSeconds(10));
            for (TopicPartition tp : parts) {
                long end = ends.getOrDefault(tp, 0L);
                OffsetAndTimestamp start = starts.get(tp);
                long from = start == null ? end : start.offset(); // null: nothing that recent
                consumer.seek(tp, from);
                OffsetAndMetadata c = committed.get(tp);
                // Never committed: this group has not counted anything here yet; count from now on.
                liveFrom.put(tp, c == null ? end : c.offset());
                if (from < end) {
                    rebuildUntil.put(tp, end);
                }
                assigned.add(new TopicPartitionId(tp.topic(), tp.partition()));
            }
            LOG.info("funnel partitions assigned: {} (rebuilding {})", parts.size(), rebuildUntil.size());
        }
    }

    /** Stops reading; commits what was read so the next owner of the partitions counts from there. */
    @Override
    public void close() {
        running.set(false);
        stopping.countDown();
        consumer.wakeup();
        try {
            thread.join(15_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
