package dev.kafkasteward.contract.catalog;

/** Who produces a metric: the Steward exporter, or a jmx_prometheus_javaagent config of ours. */
public sealed interface Source {

    Exporter EXPORTER = new Exporter();

    record Exporter() implements Source {
        @Override
        public String toString() {
            return "exporter";
        }
    }

    /** The exporter, on a compatibility profile's own path ({@link CompatMetrics}). */
    record Compat(String path) implements Source {
        @Override
        public String toString() {
            return "exporter " + path;
        }
    }

    /** A config file under {@code jmx-config/}, such as {@code broker.yml}. */
    record JmxConfig(String file) implements Source {
        @Override
        public String toString() {
            return "jmx-config/" + file;
        }
    }
}
