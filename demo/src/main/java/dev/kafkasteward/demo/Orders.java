package dev.kafkasteward.demo;

import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** The order platform's topics and the string clients its services use: the demo's and the drills'. */
public final class Orders {

    public static final String ORDERS = "orders.accepted.v1";
    public static final String PAYMENTS = "payments.results.v1";
    public static final String RESERVATIONS = "inventory.reservations.v1";
    public static final String DISPATCHES = "orders.dispatched.v1";
    public static final String TIMELINE = "customer.timeline.v1";
    public static final String DEAD_LETTERS = "fulfillment.dlq.v1";
    public static final List<String> TOPICS = List.of(ORDERS, PAYMENTS, RESERVATIONS, DISPATCHES, TIMELINE,
            DEAD_LETTERS);

    private Orders() {
    }

    /** A service's producer: acks=all, a little batching, client id {@code <service>-producer}. */
    public static KafkaProducer<String, String> producer(String bootstrap, String clientId) {
        Properties p = new Properties();
        p.putAll(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ProducerConfig.CLIENT_ID_CONFIG,
                clientId + "-producer", ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.LINGER_MS_CONFIG, "5"));
        return new KafkaProducer<>(p, new StringSerializer(), new StringSerializer());
    }

    /** A service's group member: reads from the earliest offset and commits by hand. */
    public static KafkaConsumer<String, String> consumer(String bootstrap, String group, int maxPollRecords) {
        Properties p = new Properties();
        p.putAll(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ConsumerConfig.GROUP_ID_CONFIG, group,
                ConsumerConfig.CLIENT_ID_CONFIG, group + "-consumer", ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false",
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, Integer.toString(maxPollRecords)));
        return new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer());
    }
}
