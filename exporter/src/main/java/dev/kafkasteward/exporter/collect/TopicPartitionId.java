package dev.kafkasteward.exporter.collect;

import java.util.Comparator;

/** A partition of a topic, free of Kafka client types so the analyzers stay pure. */
public record TopicPartitionId(String topic, int partition) implements Comparable<TopicPartitionId> {

    private static final Comparator<TopicPartitionId> ORDER =
            Comparator.comparing(TopicPartitionId::topic).thenComparingInt(TopicPartitionId::partition);

    @Override
    public int compareTo(TopicPartitionId o) {
        return ORDER.compare(this, o);
    }

    @Override
    public String toString() {
        return topic + "-" + partition;
    }
}
