package dev.kafkasteward.contract.catalog;

/**
 * Series the generated recording rules write and a program other than the rules reads (the {@code gate}
 * command), spelled once for both.
 */
public final class RecordedSeries {

    /** 1 per exporter replica (cluster, instance) whose data the alerts and the gate read: the serving ones. */
    public static final String SERVING_REPLICA = "kafka_steward:serving_replica";

    private RecordedSeries() {
    }
}
