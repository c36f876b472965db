package dev.kafkasteward.jmxconfig;

import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;

/**
 * A tiny client application for the contract test, run in its own JVM with {@code client.yml} attached:
 * {@code produce}, {@code consume} or {@code streams} against a real broker for a bounded time, then exit.
 * The test scrapes it while it runs and kills it afterwards; the bound only matters if the test dies.
 *
 * <pre>
 * produce  &lt;bootstrap&gt; &lt;topic&gt; &lt;seconds&gt;
 * consume  &lt;bootstrap&gt; &lt;topic&gt; &lt;group&gt; &lt;seconds&gt;
 * streams  &lt;bootstrap&gt; &lt;in&gt; &lt;out&gt; &lt;application id&gt; &lt;state dir&gt; &lt;seconds&gt;
 * </pre>
 */
public final class ClientApp {

    private ClientApp() {
    }

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "produce" -> produce(args[1], args[2], seconds(args[3]));
            case "consume" -> consume(args[1], args[2], args[3], seconds(args[4]));
            case "streams" -> streams(args[1], args[2], args[3], args[4], args[5], seconds(args[6]));
            default -> throw new IllegalArgumentException("unknown mode " + args[0]);
        }
    }

    private static Duration seconds(String s) {
        return Duration.ofSeconds(Long.parseLong(s));
    }

    private static void produce(String bootstrap, String topic, Duration runFor) throws Exception {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ProducerConfig.CLIENT_ID_CONFIG, "steward-it-producer");
        props.put(ProducerConfig.LINGER_MS_CONFIG, "5");
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "20000");
        long deadline = System.nanoTime() + runFor.toNanos();
        long sent = 0;
        try (KafkaProducer<String, String> producer =
                     new KafkaProducer<>(props, new StringSerializer(), new StringSerializer())) {
            while (System.nanoTime() < deadline) {
                producer.send(new ProducerRecord<>(topic, "key-" + (sent % 10), "value-" + sent));
                sent++;
                if (sent % 50 == 0) {
                    producer.flush();
                    Thread.sleep(100);
                }
            }
        }
        System.out.println("produced " + sent);
    }

    private static void consume(String bootstrap, String topic, String group, Duration runFor) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, "steward-it-consumer");
        props.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "20"); // small polls keep some lag for records-lag-max
        long deadline = System.nanoTime() + runFor.toNanos();
        long consumed = 0;
        try (KafkaConsumer<String, String> consumer =
                     new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            while (System.nanoTime() < deadline) {
                int n = consumer.poll(Duration.ofMillis(200)).count();
                consumed += n;
                if (n > 0) {
                    consumer.commitSync(Duration.ofSeconds(10));
                }
            }
        }
        System.out.println("consumed " + consumed);
    }

    private static void streams(String bootstrap, String in, String out, String applicationId, String stateDir,
                                Duration runFor) throws InterruptedException {
        Properties props = new Properties();
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        props.put(StreamsConfig.CLIENT_ID_CONFIG, "steward-it-streams");
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir);
        props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, "500");
        props.put(StreamsConfig.DEFAULT_KEY_SERDE_CLASS_CONFIG, Serdes.StringSerde.class);
        props.put(StreamsConfig.DEFAULT_VALUE_SERDE_CLASS_CONFIG, Serdes.StringSerde.class);
        props.put(StreamsConfig.consumerPrefix(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG), "earliest");
        StreamsBuilder builder = new StreamsBuilder();
        builder.<String, String>stream(in).mapValues(v -> v.toUpperCase(java.util.Locale.ROOT)).to(out);
        try (KafkaStreams streams = new KafkaStreams(builder.build(), props)) {
            streams.start();
            TimeUnit.NANOSECONDS.sleep(runFor.toNanos());
            streams.close(Duration.ofSeconds(10));
        }
        System.out.println("streams done");
    }
}
