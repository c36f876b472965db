package dev.kafkasteward.exporter.funnel.kafka;

import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.InvalidConfigurationException;
import org.apache.kafka.common.errors.InvalidGroupIdException;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.UnsupportedVersionException;

/** Which errors end the funnel reader: those that retrying cannot mend. */
final class FunnelErrors {

    private FunnelErrors() {
    }

    /**
     * Authorization, authentication and configuration errors, wherever in the cause chain (a rebalance callback's
     * failure arrives wrapped): an operator must act. Everything else — timeouts, brokers away, leaders moving,
     * a callback that timed out — is retried.
     */
    static boolean fatal(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof RetriableException) {
                return false;
            }
            if (t instanceof AuthorizationException || t instanceof AuthenticationException
                    || t instanceof ConfigException || t instanceof InvalidConfigurationException
                    || t instanceof InvalidGroupIdException || t instanceof UnsupportedVersionException) {
                return true;
            }
        }
        return !(error instanceof KafkaException);
    }
}
