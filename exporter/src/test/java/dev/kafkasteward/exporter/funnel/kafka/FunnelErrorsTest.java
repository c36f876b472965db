package dev.kafkasteward.exporter.funnel.kafka;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.errors.GroupAuthorizationException;
import org.apache.kafka.common.errors.NotLeaderOrFollowerException;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.junit.jupiter.api.Test;

class FunnelErrorsTest {

    @Test
    void authorizationAuthenticationAndConfigurationEndTheReader() {
        assertTrue(FunnelErrors.fatal(new GroupAuthorizationException("Group authorization failed.")));
        assertTrue(FunnelErrors.fatal(new TopicAuthorizationException("denied")));
        assertTrue(FunnelErrors.fatal(new SaslAuthenticationException("bad password")));
        assertTrue(FunnelErrors.fatal(new ConfigException("bad")));
        assertTrue(FunnelErrors.fatal(new KafkaException("User rebalance callback throws an error",
                new TopicAuthorizationException("denied"))), "also wrapped by a rebalance callback");
        assertTrue(FunnelErrors.fatal(new IllegalStateException("a bug")), "not Kafka's: do not spin on it");
    }

    @Test
    void timeoutsAndMovingLeadersAreRetried() {
        assertFalse(FunnelErrors.fatal(new TimeoutException("Failed to get offsets by times in 10000ms")));
        assertFalse(FunnelErrors.fatal(new NotLeaderOrFollowerException("moved")));
        assertFalse(FunnelErrors.fatal(new KafkaException("User rebalance callback throws an error",
                new TimeoutException("endOffsets"))), "a callback that timed out");
        assertFalse(FunnelErrors.fatal(new KafkaException("something transient")));
    }
}
