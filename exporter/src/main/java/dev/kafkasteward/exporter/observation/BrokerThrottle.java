package dev.kafkasteward.exporter.observation;

import java.util.Map;
import java.util.OptionalLong;

/**
 * The replication throttles a broker applies, from its dynamic config: how fast, in bytes per second, it
 * sends ({@code leader.replication.throttled.rate}) and fetches ({@code follower.replication.throttled.rate})
 * the replicas its topics list as throttled. Empty when unset: Kafka's default, {@link Long#MAX_VALUE}, throttles
 * nothing.
 */
public record BrokerThrottle(OptionalLong leaderBytesPerSecond, OptionalLong followerBytesPerSecond) {

    public static final String LEADER_RATE = "leader.replication.throttled.rate";
    public static final String FOLLOWER_RATE = "follower.replication.throttled.rate";
    public static final BrokerThrottle NONE = new BrokerThrottle(OptionalLong.empty(), OptionalLong.empty());

    /** The throttle from a broker's DescribeConfigs name/value pairs. */
    public static BrokerThrottle resolve(Map<String, String> values) {
        return new BrokerThrottle(rate(values.get(LEADER_RATE)), rate(values.get(FOLLOWER_RATE)));
    }

    private static OptionalLong rate(String value) {
        if (value == null || value.isBlank()) {
            return OptionalLong.empty();
        }
        try {
            long rate = Long.parseLong(value.trim());
            return rate == Long.MAX_VALUE || rate < 0 ? OptionalLong.empty() : OptionalLong.of(rate);
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    public boolean any() {
        return leaderBytesPerSecond.isPresent() || followerBytesPerSecond.isPresent();
    }
}
