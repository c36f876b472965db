package dev.kafkasteward.demo.e2e;

import static dev.kafkasteward.demo.Orders.DEAD_LETTERS;
import static dev.kafkasteward.demo.Orders.DISPATCHES;
import static dev.kafkasteward.demo.Orders.ORDERS;
import static dev.kafkasteward.demo.Orders.PAYMENTS;
import static dev.kafkasteward.demo.Orders.RESERVATIONS;
import static dev.kafkasteward.demo.Orders.TIMELINE;

import dev.kafkasteward.demo.Orders;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * The order platform at a gentle, steady pace, with the levers the drills pull: every consumer
 * keeps up unless a drill slows it down, and an invalid order can be published on demand. Unlike
 * the demo's {@code OrderPlatform}, nothing here falls behind by itself, so any alert is the drill's.
 */
final class OrderTraffic implements AutoCloseable {

    static final String FULFILLMENT = "fulfillment-service";
    static final String TIMELINE_SERVICE = "customer-timeline-service";
    /** Reads the customer timeline, as the customer activity page does; it has no consumer group. */
    static final String ACTIVITY_PAGE = "customer-activity-page";

    /** Orders per second: enough for every partition to see records, little CPU on a shared box. */
    private static final Duration ORDER_EVERY = Duration.ofMillis(200);

    private final String bootstrap;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final AtomicReference<Duration> fulfillmentDelay = new AtomicReference<>(Duration.ZERO);
    private final AtomicLong invalidPending = new AtomicLong();
    private final AtomicBoolean dispatching = new AtomicBoolean(true);
    /** Orders reserved while dispatch was stopped; they leave the warehouse when it resumes. */
    private final java.util.Queue<ProducerRecord<String, String>> undispatched =
            new java.util.concurrent.ConcurrentLinkedQueue<>();
    private final AtomicLong deadLettered = new AtomicLong();
    private final AtomicBoolean stormRunning = new AtomicBoolean();
    private final List<Thread> threads = new ArrayList<>();
    private final List<KafkaConsumer<?, ?>> consumers = new ArrayList<>();

    private OrderTraffic(String bootstrap) {
        this.bootstrap = bootstrap;
    }

    static OrderTraffic start(String bootstrap) {
        OrderTraffic traffic = new OrderTraffic(bootstrap);
        traffic.spawn("storefront", traffic::storefront);
        traffic.spawn(FULFILLMENT, traffic::fulfillment);
        traffic.spawn(TIMELINE_SERVICE, traffic::timeline);
        traffic.spawn(ACTIVITY_PAGE, traffic::activityPage);
        return traffic;
    }

    /** Fulfillment spends {@code perRecord} on every record from now on (zero: full speed). */
    void slowFulfillment(Duration perRecord) {
        fulfillmentDelay.set(perRecord);
    }

    /** The warehouse stops dispatching: reserved orders wait in the funnel's {@code reserved} stage. */
    void stopDispatching() {
        dispatching.set(false);
    }

    /** The warehouse dispatches again, the orders that waited first. */
    void resumeDispatching() {
        dispatching.set(true);
    }

    /** Writes one record to {@code topic} as a dead-letter publisher would, its reason in a header. */
    void publishDeadLetter(String topic, String reason) throws Exception {
        try (KafkaProducer<String, String> producer = producer("dead-letter-publisher")) {
            ProducerRecord<String, String> dead = new ProducerRecord<>(topic, "order-0", "{}");
            dead.headers().add("x-failure-reason", reason.getBytes(StandardCharsets.UTF_8));
            producer.send(dead).get();
        }
    }

    /**
     * PaymentService accepts {@code count} refund requests and never completes them: each enters the
     * {@code refunds} funnel's first stage and nothing follows. Keyed by refund id, as the funnel reads it.
     */
    void requestRefundsNeverCompleted(int count) throws Exception {
        try (KafkaProducer<String, String> producer = producer("payment-service")) {
            for (int i = 0; i < count; i++) {
                String refundId = "r-" + System.nanoTime() + "-" + i;
                ProducerRecord<String, String> request = new ProducerRecord<>(E2eEnvironment.REFUNDS, refundId,
                        "{\"refundId\":\"" + refundId + "\"}");
                request.headers().add("event-type", "RefundRequested".getBytes(StandardCharsets.UTF_8));
                producer.send(request).get();
            }
        }
    }

    /**
     * A rebalance storm in group {@code group} (consumer protocol): one member reads the customer timeline
     * steadily, another one joins and leaves again and again, as a crash-looping instance does. Each join and
     * each leave is a rebalance. {@link #stopRebalanceStorm} stops the second one; the first keeps reading.
     */
    void startRebalanceStorm(String group) {
        startSteadyMember(group);
        stormRunning.set(true);
        spawn(group + "-flapping", () -> {
            while (running.get() && stormRunning.get()) {
                try (KafkaConsumer<String, String> flapping = protocolConsumer(group)) {
                    flapping.subscribe(List.of(TIMELINE));
                    long until = System.nanoTime() + Duration.ofSeconds(3).toNanos();
                    while (flapping.assignment().isEmpty() && System.nanoTime() < until && running.get()) {
                        flapping.poll(Duration.ofMillis(100));
                    }
                } catch (RuntimeException e) {
                    // a member that fails to join is as good a flap as one that leaves
                }
                pause(Duration.ofMillis(300));
            }
        });
    }

    /** One member of {@code group} (consumer protocol) reading the customer timeline, committing as it goes. */
    void startSteadyMember(String group) {
        spawn(group + "-steady", () -> {
            try (KafkaConsumer<String, String> steady = protocolConsumer(group)) {
                synchronized (consumers) {
                    consumers.add(steady);
                }
                steady.subscribe(List.of(TIMELINE));
                while (running.get()) {
                    try {
                        if (!steady.poll(Duration.ofMillis(200)).isEmpty()) {
                            steady.commitSync(Duration.ofSeconds(10));
                        }
                    } catch (WakeupException e) {
                        return;
                    } catch (RuntimeException e) {
                        pause(Duration.ofMillis(500));
                    }
                }
            }
        });
    }

    /** The crash-looping member of {@link #startRebalanceStorm} stays down. */
    void stopRebalanceStorm() {
        stormRunning.set(false);
    }

    private KafkaConsumer<String, String> protocolConsumer(String group) {
        Properties p = new Properties();
        p.putAll(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ConsumerConfig.GROUP_ID_CONFIG, group,
                ConsumerConfig.GROUP_PROTOCOL_CONFIG, "consumer", ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false"));
        return new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer());
    }

    /** The next order checkout publishes is not JSON; fulfillment will dead-letter it. */
    void publishInvalidOrder() {
        invalidPending.incrementAndGet();
    }

    /** Records fulfillment has written to the dead-letter topic so far. */
    long deadLettered() {
        return deadLettered.get();
    }

    private void spawn(String name, Runnable body) {
        Thread t = new Thread(body, "e2e-" + name);
        t.setDaemon(true);
        t.start();
        threads.add(t);
    }

    private void storefront() {
        try (KafkaProducer<String, String> producer = producer("checkout-service")) {
            long n = 0;
            while (running.get()) {
                n++;
                String orderId = "o-" + n;
                boolean invalid = invalidPending.getAndUpdate(v -> Math.max(0, v - 1)) > 0;
                producer.send(new ProducerRecord<>(ORDERS, orderId,
                        invalid ? "{not json" : "{\"orderId\":\"" + orderId + "\",\"amount\":" + (10 + n % 90) + "}"));
                ProducerRecord<String, String> payment = new ProducerRecord<>(PAYMENTS, orderId,
                        "{\"orderId\":\"" + orderId + "\",\"confirmed\":true}");
                payment.headers().add("event-type", "PaymentConfirmed".getBytes(StandardCharsets.UTF_8));
                producer.send(payment);
                pause(ORDER_EVERY);
            }
        }
    }

    private void fulfillment() {
        consume(FULFILLMENT, List.of(ORDERS, PAYMENTS), (r, producer) -> {
            Duration delay = fulfillmentDelay.get();
            if (!delay.isZero()) {
                pause(delay);
            }
            if (r.topic().equals(ORDERS) && !r.value().startsWith("{\"")) {
                ProducerRecord<String, String> dead = new ProducerRecord<>(DEAD_LETTERS, r.key(), r.value());
                dead.headers().add("x-failure-reason", "deserialization".getBytes(StandardCharsets.UTF_8));
                producer.send(dead);
                deadLettered.incrementAndGet();
            } else if (r.topic().equals(PAYMENTS)) {
                producer.send(new ProducerRecord<>(RESERVATIONS, r.key(), r.value()));
                undispatched.add(new ProducerRecord<>(DISPATCHES, r.key(), r.value()));
            }
            if (dispatching.get()) {
                for (ProducerRecord<String, String> d; (d = undispatched.poll()) != null; ) {
                    producer.send(d);
                }
            }
        });
    }

    private void timeline() {
        consume(TIMELINE_SERVICE, List.of(ORDERS, PAYMENTS),
                (r, producer) -> producer.send(new ProducerRecord<>(TIMELINE, r.key(), r.topic() + "@" + r.offset())));
    }

    /**
     * The customer activity page follows the timeline as it is written. It keeps no position, so it has no
     * consumer group: no lag of its own, nothing for the drills to page about; the brokers count what it reads.
     */
    private void activityPage() {
        Properties p = new Properties();
        p.putAll(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ConsumerConfig.CLIENT_ID_CONFIG,
                ACTIVITY_PAGE, ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false"));
        KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p, new StringDeserializer(),
                new StringDeserializer());
        synchronized (consumers) {
            consumers.add(consumer);
        }
        try (consumer) {
            consumer.assign(consumer.partitionsFor(TIMELINE).stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition())).toList());
            while (running.get()) {
                try {
                    consumer.poll(Duration.ofMillis(500));
                } catch (WakeupException e) {
                    return;
                } catch (RuntimeException e) {
                    pause(Duration.ofMillis(500));
                }
            }
        }
    }

    private interface Handler {
        void handle(ConsumerRecord<String, String> record, KafkaProducer<String, String> producer);
    }

    /**
     * A service's loop: poll, handle, commit. Errors while a broker is down are retried rather than
     * ending the service, because the drills need it to come back by itself as a real one would.
     */
    private void consume(String group, List<String> topics, Handler handler) {
        KafkaConsumer<String, String> consumer = consumer(group);
        synchronized (consumers) {
            consumers.add(consumer);
        }
        try (consumer; KafkaProducer<String, String> producer = producer(group)) {
            consumer.subscribe(topics);
            while (running.get()) {
                try {
                    for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                        if (!running.get()) {
                            return;
                        }
                        handler.handle(r, producer);
                    }
                    consumer.commitSync(Duration.ofSeconds(10));
                } catch (WakeupException e) {
                    return;
                } catch (RuntimeException e) {
                    pause(Duration.ofMillis(500));
                }
            }
        }
    }

    private KafkaProducer<String, String> producer(String clientId) {
        return Orders.producer(bootstrap, clientId);
    }

    private KafkaConsumer<String, String> consumer(String group) {
        // Few records per poll: a slowed service commits every few seconds, so its lag age climbs
        // steadily instead of in one jump per huge batch, and a restore takes effect at once.
        return Orders.consumer(bootstrap, group, 10);
    }

    private void pause(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running.set(false);
        }
    }

    @Override
    public void close() throws InterruptedException {
        running.set(false);
        synchronized (consumers) {
            consumers.forEach(KafkaConsumer::wakeup);
        }
        for (Thread t : threads) {
            t.join(15_000);
        }
    }
}
