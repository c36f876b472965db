package dev.kafkasteward.jmxconfig;

import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Minimal traffic from the test JVM: a broker's per-topic and per-request MBeans exist only after some. */
final class ProbeTraffic {

    private static final Duration CALL = Duration.ofSeconds(20);

    private ProbeTraffic() {
    }

    static Properties adminProps(String bootstrapServers) {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "10000");
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "20000");
        return props;
    }

    /** Produces one record to partition 0 of {@code topic} and reads it back; fails if that takes over 20 s. */
    static void oneRecordInAndOut(String bootstrapServers, String topic) throws Exception {
        Properties producerProps = adminProps(bootstrapServers);
        producerProps.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "20000");
        producerProps.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "20000");
        try (KafkaProducer<String, String> producer =
                     new KafkaProducer<>(producerProps, new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(topic, 0, "k", "v")).get(CALL.toSeconds(), TimeUnit.SECONDS);
        }
        Properties consumerProps = adminProps(bootstrapServers);
        consumerProps.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        try (KafkaConsumer<String, String> consumer =
                     new KafkaConsumer<>(consumerProps, new StringDeserializer(), new StringDeserializer())) {
            TopicPartition tp = new TopicPartition(topic, 0);
            consumer.assign(List.of(tp));
            consumer.seekToBeginning(List.of(tp));
            long deadline = System.nanoTime() + CALL.toNanos();
            int records = 0;
            while (records == 0 && System.nanoTime() < deadline) {
                records = consumer.poll(Duration.ofMillis(500)).count();
            }
            if (records == 0) {
                throw new AssertionError("the probe record was not consumed from " + topic + " within " + CALL);
            }
        }
    }
}
