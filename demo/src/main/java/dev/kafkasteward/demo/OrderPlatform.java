package dev.kafkasteward.demo;

import static dev.kafkasteward.demo.Orders.DEAD_LETTERS;
import static dev.kafkasteward.demo.Orders.DISPATCHES;
import static dev.kafkasteward.demo.Orders.ORDERS;
import static dev.kafkasteward.demo.Orders.PAYMENTS;
import static dev.kafkasteward.demo.Orders.RESERVATIONS;
import static dev.kafkasteward.demo.Orders.TIMELINE;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The order platform of seed 000, simulated: CheckoutService publishes orders, PaymentService
 * payment results, FulfillmentService consumes both (slowly, on purpose: it falls behind) and
 * reserves stock and dispatches, CustomerTimelineService keeps up. Every 40th order is malformed
 * and lands in the dead-letter topic with Connect-style error headers.
 */
final class OrderPlatform implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(OrderPlatform.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Orders per second from checkout, and how long fulfillment spends on one record. */
    record Pace(int ordersPerSecond, Duration fulfillmentPerRecord) {
        static final Pace DEFAULT = new Pace(20, Duration.ofMillis(80));
    }

    private final String bootstrap;
    private final Pace pace;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final List<Thread> threads = new ArrayList<>();

    private OrderPlatform(String bootstrap, Pace pace) {
        this.bootstrap = bootstrap;
        this.pace = pace;
    }

    static OrderPlatform start(String bootstrap, Pace pace) {
        OrderPlatform p = new OrderPlatform(bootstrap, pace);
        p.spawn("checkout-and-payments", p::storefront);
        p.spawn("fulfillment-service", p::fulfillment);
        p.spawn("customer-timeline-service", p::timeline);
        return p;
    }

    private void spawn(String name, Runnable body) {
        Thread t = new Thread(() -> {
            try {
                body.run();
            } catch (RuntimeException e) {
                if (running.get()) {
                    LOG.error("{} stopped: {}", name, e.toString());
                }
            }
        }, name);
        t.setDaemon(true);
        t.start();
        threads.add(t);
    }

    /** CheckoutService and PaymentService: an order, then its payment result. */
    private void storefront() {
        try (KafkaProducer<String, String> producer = producer("checkout-service")) {
            long n = 0;
            long sleepMs = Math.max(1, 1000 / pace.ordersPerSecond());
            while (running.get()) {
                n++;
                String orderId = "o-" + n;
                ObjectNode order = JSON.createObjectNode().put("orderId", orderId).put("customerId", "c-" + (n % 97))
                        .put("amount", 10 + (n % 90));
                String value = n % 40 == 0 ? "{not json" : order.toString();
                producer.send(new ProducerRecord<>(ORDERS, orderId, value));
                boolean confirmed = n % 25 != 0; // a few payments are declined
                ProducerRecord<String, String> payment = new ProducerRecord<>(PAYMENTS, orderId,
                        JSON.createObjectNode().put("orderId", orderId).put("confirmed", confirmed).toString());
                payment.headers().add("event-type",
                        (confirmed ? "PaymentConfirmed" : "PaymentDeclined").getBytes(StandardCharsets.UTF_8));
                producer.send(payment);
                sleep(sleepMs);
            }
        }
    }

    /** FulfillmentService: slow on purpose; reserves stock and dispatches paid orders. */
    private void fulfillment() {
        try (KafkaConsumer<String, String> consumer = consumer("fulfillment-service");
             KafkaProducer<String, String> producer = producer("fulfillment-service")) {
            consumer.subscribe(List.of(ORDERS, PAYMENTS));
            while (running.get()) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                    if (!running.get()) {
                        return;
                    }
                    handleFulfillment(r, producer);
                    sleep(pace.fulfillmentPerRecord().toMillis());
                }
                consumer.commitSync();
            }
        }
    }

    private void handleFulfillment(ConsumerRecord<String, String> r, KafkaProducer<String, String> producer) {
        JsonNode event;
        try {
            event = JSON.readTree(r.value());
        } catch (java.io.IOException e) {
            ProducerRecord<String, String> dead = new ProducerRecord<>(DEAD_LETTERS, r.key(), r.value());
            header(dead, "__connect.errors.exception.class.name", "org.apache.kafka.connect.errors.DataException");
            header(dead, "__connect.errors.topic", r.topic());
            header(dead, "__connect.errors.partition", Integer.toString(r.partition()));
            header(dead, "__connect.errors.offset", Long.toString(r.offset()));
            header(dead, "x-failure-reason", "deserialization");
            producer.send(dead);
            return;
        }
        if (r.topic().equals(PAYMENTS) && event.path("confirmed").asBoolean()) {
            String orderId = event.path("orderId").asText();
            producer.send(new ProducerRecord<>(RESERVATIONS, orderId, JSON.createObjectNode().put("orderId", orderId).toString()));
            if (orderId.hashCode() % 10 != 0) { // most reserved orders leave the warehouse
                producer.send(new ProducerRecord<>(DISPATCHES, orderId, JSON.createObjectNode().put("orderId", orderId).toString()));
            }
        }
    }

    /** CustomerTimelineService: keeps up, writes an activity entry per event. */
    private void timeline() {
        try (KafkaConsumer<String, String> consumer = consumer("customer-timeline-service");
             KafkaProducer<String, String> producer = producer("customer-timeline-service")) {
            consumer.subscribe(List.of(ORDERS, PAYMENTS));
            while (running.get()) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                    producer.send(new ProducerRecord<>(TIMELINE, r.key(), r.topic() + "@" + r.offset()));
                }
                consumer.commitSync();
            }
        }
    }

    private KafkaProducer<String, String> producer(String clientId) {
        return Orders.producer(bootstrap, clientId);
    }

    private KafkaConsumer<String, String> consumer(String group) {
        return Orders.consumer(bootstrap, group, 50);
    }

    private static void header(ProducerRecord<String, String> r, String key, String value) {
        r.headers().add(key, value.getBytes(StandardCharsets.UTF_8));
    }

    private void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running.set(false);
        }
    }

    @Override
    public void close() throws InterruptedException {
        running.set(false);
        for (Thread t : threads) {
            t.join(10_000);
        }
    }
}
