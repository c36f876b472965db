package dev.kafkasteward.build.operator;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What the Prometheus Operator output needs beyond the plain files: where the objects go, the labels
 * the operator's selectors pick them up by, and the exporter's image and job.
 *
 * @param namespace      namespace of every object
 * @param selectorLabels labels on the PrometheusRule and ServiceMonitor objects; kube-prometheus-stack's
 *                       Prometheus selects {@code release: <its release name>} by default
 * @param dashboardLabel label Grafana's dashboard sidecar watches ConfigMaps for (key, value)
 * @param exporterImage  the exporter's container image
 * @param exporterJob    the Prometheus job the rules expect ({@code --exporter-job}); the Service is named
 *                       after it, since a ServiceMonitor's job label is the Service's name
 * @param bootstrap      {@code bootstrap.servers} of the exporter's Kafka client properties
 */
public record OperatorOptions(String namespace, SortedMap<String, String> selectorLabels,
                              Map.Entry<String, String> dashboardLabel, String exporterImage, String exporterJob,
                              String bootstrap) {

    public static final String DEFAULT_NAMESPACE = "monitoring";
    public static final String DEFAULT_SELECTOR_LABEL = "release=kube-prometheus-stack";
    public static final String DEFAULT_DASHBOARD_LABEL = "grafana_dashboard=1";
    public static final String DEFAULT_IMAGE = "kafka-steward/exporter:0.1.0-SNAPSHOT";
    public static final String DEFAULT_BOOTSTRAP = "kafka-bootstrap:9093";

    public OperatorOptions {
        selectorLabels = new TreeMap<>(selectorLabels);
        List<String> problems = new ArrayList<>();
        KubernetesNames.checkLabel(namespace, "--namespace").ifPresent(problems::add);
        selectorLabels.forEach((k, v) -> KubernetesNames.checkLabelPair(k, v, "--operator-label")
                .ifPresent(problems::add));
        KubernetesNames.checkLabelPair(dashboardLabel.getKey(), dashboardLabel.getValue(), "--dashboard-label")
                .ifPresent(problems::add);
        KubernetesNames.checkLabel(exporterJob, "--exporter-job").ifPresent(problems::add);
        if (exporterImage.isBlank() || exporterImage.chars().anyMatch(Character::isWhitespace)) {
            problems.add("--exporter-image '" + exporterImage + "': expected an image reference without spaces");
        }
        if (!bootstrap.matches("[^\\s,]+:\\d+(,[^\\s,]+:\\d+)*")) {
            problems.add("--bootstrap-servers '" + bootstrap + "': expected HOST:PORT[,HOST:PORT...]");
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("\n", problems));
        }
    }

    public static OperatorOptions defaults(String exporterJob) {
        return new OperatorOptions(DEFAULT_NAMESPACE, pairs(List.of(DEFAULT_SELECTOR_LABEL), "--operator-label"),
                pair(DEFAULT_DASHBOARD_LABEL, "--dashboard-label"), DEFAULT_IMAGE, exporterJob, DEFAULT_BOOTSTRAP);
    }

    /** {@code KEY=VALUE} texts as a map; a text without {@code =} is an error naming {@code option}. */
    public static SortedMap<String, String> pairs(List<String> texts, String option) {
        SortedMap<String, String> out = new TreeMap<>();
        for (String text : texts) {
            Map.Entry<String, String> e = pair(text, option);
            out.put(e.getKey(), e.getValue());
        }
        return out;
    }

    public static Map.Entry<String, String> pair(String text, String option) {
        int eq = text.indexOf('=');
        if (eq <= 0) {
            throw new IllegalArgumentException(option + " '" + text + "': expected KEY=VALUE");
        }
        return Map.entry(text.substring(0, eq), text.substring(eq + 1));
    }
}
