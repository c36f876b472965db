package dev.kafkasteward.contract.ownership;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The rows of seed 000's ownership table: each alert belongs to one area, whose primary owner is the
 * asset's owner and whose shared owners ({@code shared_responsibility} in ownership.yml) are notified too.
 */
public enum ResponsibilityArea {
    /** Disks and log dirs: platform, with application capacity input. */
    HOST_AND_DISK("host_and_disk"),
    /** Brokers, controllers, replication, the KRaft quorum: platform, with incident collaboration. */
    BROKERS_AND_CONTROLLERS("brokers_and_controllers"),
    /** Whether producers can write: the topic's or the application's owner, with platform support. */
    PRODUCER_DELIVERY("producer_delivery"),
    /** Consumer lag, freshness and status: the group's owner, with platform visibility. */
    CONSUMER_LAG("consumer_lag"),
    /** Kafka Connect connectors and tasks: the pipeline owner, with platform support. */
    CONNECT_TASKS("connect_tasks"),
    /** Dead-letter records: the business application owner, with operations alerting. */
    DEAD_LETTERS("dead_letters"),
    /** Business flows through the funnel stages: the product and application team, with platform correlation. */
    BUSINESS_COMPLETION("business_completion"),
    /** JVM, GC and threads: the service owner, with the platform baseline. */
    JVM_HEALTH("jvm_health"),
    /** Kafka Steward watching itself: platform. */
    MONITORING("monitoring");

    private final String key;

    ResponsibilityArea(String key) {
        this.key = key;
    }

    /** The key under {@code shared_responsibility} in ownership.yml. */
    public String key() {
        return key;
    }

    public static List<String> keys() {
        return Arrays.stream(values()).map(ResponsibilityArea::key).toList();
    }

    public static Optional<ResponsibilityArea> ofKey(String key) {
        return Arrays.stream(values()).filter(a -> a.key.equals(key)).findFirst();
    }
}
