/**
 * jmx_prometheus_javaagent configs for Kafka processes, bundled as resources, and the helper that hands
 * them to whoever starts those processes.
 */
package dev.kafkasteward.jmxconfig;
