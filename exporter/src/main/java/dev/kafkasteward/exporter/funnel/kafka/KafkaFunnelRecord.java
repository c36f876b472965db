package dev.kafkasteward.exporter.funnel.kafka;

import dev.kafkasteward.exporter.funnel.FunnelRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/** A consumed record seen through {@link FunnelRecord}, without copying. */
record KafkaFunnelRecord(ConsumerRecord<byte[], byte[]> record) implements FunnelRecord {

    @Override
    public String topic() {
        return record.topic();
    }

    @Override
    public int partition() {
        return record.partition();
    }

    @Override
    public long offset() {
        return record.offset();
    }

    @Override
    public long timestampMs() {
        return record.timestamp();
    }

    @Override
    public byte[] key() {
        return record.key();
    }

    @Override
    public byte[] header(String name) {
        Header h = record.headers().lastHeader(name);
        return h == null ? null : h.value();
    }

    @Override
    public byte[] value() {
        return record.value();
    }
}
