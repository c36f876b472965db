package dev.kafkasteward.signals;

import dev.kafkasteward.contract.catalog.RecordedSeries;
import dev.kafkasteward.contract.catalog.SelfMetrics;
import dev.kafkasteward.signals.promql.PromQl;

/**
 * Which exporter replicas an alert may believe. A replica cut off from Kafka keeps serving its last snapshot
 * (marked stale): with two replicas, its frozen values would outvote the fresh one's ({@code max} of a frozen 1
 * and a fresh 0 hides a broker that just went down). So every alert computed from exporter series reads only
 * the serving replicas: the fresh ones while any replica is fresh, all of them while none is (then
 * {@code KafkaStewardNoFreshData} fires and mutes those alerts, which stay firing rather than resolving
 * blind).
 */
public final class ServingReplicas {

    /** 1 per replica (cluster, instance) whose data the alerts read; recorded by the exporter family. */
    public static final String SERIES = RecordedSeries.SERVING_REPLICA;

    private ServingReplicas() {
    }

    /** {@code (expr and on (cluster, instance) kafka_steward:serving_replica)}: {@code expr} of serving replicas only. */
    public static String only(String expr) {
        return "(" + expr + " and on (cluster, instance) " + SERIES + ")";
    }

    /** The recording rule for {@code cluster}: fresh replicas, or every replica when none is fresh. */
    public static Recording recording(String cluster, long staleSeconds) {
        String age = SelfMetrics.SNAPSHOT_AGE.select(PromQl.eq("cluster", cluster));
        String fresh = age + " <= " + staleSeconds;
        return new Recording(SERIES, "(" + fresh + ") or (" + age + " unless on (cluster) (" + fresh + "))");
    }
}
