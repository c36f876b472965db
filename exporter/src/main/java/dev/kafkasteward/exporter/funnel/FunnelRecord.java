package dev.kafkasteward.exporter.funnel;

/**
 * The parts of a Kafka record a funnel looks at, free of client types so the funnel logic is
 * testable and benchmarkable without a broker. Implementations must not copy: they are read once.
 */
public interface FunnelRecord {

    String topic();

    int partition();

    long offset();

    /** Record timestamp, epoch milliseconds. */
    long timestampMs();

    /** The key bytes, or null. */
    byte[] key();

    /** The value of the last header with this name, or null. */
    byte[] header(String name);

    /** The value bytes, or null. */
    byte[] value();
}
