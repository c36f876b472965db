package dev.kafkasteward.exporter.observation;

import java.util.Comparator;

/** A partition of a topic, free of Kafka client types so the analyzers stay pure. */
public record TopicPartitionId(String topic, int partition) implements Comparable<TopicPartitionId> {

    private static final Comparator<TopicPartitionId> ORDER =
            Comparator.comparing(TopicPartitionId::topic).thenComparingInt(TopicPartitionId::partition);

    @Override
    public int compareTo(TopicPartitionId o) {
        return ORDER.compare(this, o);
    }

    /**
     * Mixed, unlike a record's default {@code 31 * topic.hashCode() + partition}: numbered topic names
     * hash to a dense range, and the JDK's immutable maps (Map.copyOf) probe linearly from there.
     */
    @Override
    public int hashCode() {
        return (topic.hashCode() * 0x9E3779B9 + partition) * 0x85EBCA6B;
    }

    @Override
    public String toString() {
        return topic + "-" + partition;
    }
}
