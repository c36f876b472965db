package dev.kafkasteward.exporter.observation;

import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The record headers frameworks write when they dead-letter a record, and which of them a topic's
 * reads need. Kafka Connect ({@code errors.deadletterqueue.context.headers.enable=true}) and Spring
 * Kafka's {@code DeadLetterPublishingRecoverer} write these names.
 */
public final class FailureHeaders {

    public static final String CONNECT_EXCEPTION_CLASS = "__connect.errors.exception.class.name";
    public static final String CONNECT_TOPIC = "__connect.errors.topic";
    public static final String CONNECT_PARTITION = "__connect.errors.partition";
    public static final String CONNECT_OFFSET = "__connect.errors.offset";
    public static final String SPRING_EXCEPTION_FQCN = "kafka_dlt-exception-fqcn";
    public static final String SPRING_ORIGINAL_TOPIC = "kafka_dlt-original-topic";

    private FailureHeaders() {
    }

    /** Header names worth reading for a topic with the given ownership {@code reason_header}. */
    public static Set<String> names(Optional<String> reasonHeader) {
        Set<String> names = new TreeSet<>(Set.of(CONNECT_EXCEPTION_CLASS, CONNECT_TOPIC, SPRING_EXCEPTION_FQCN,
                SPRING_ORIGINAL_TOPIC));
        reasonHeader.ifPresent(names::add);
        return names;
    }
}
