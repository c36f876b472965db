package dev.kafkasteward.build.operator;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.kafkasteward.contract.output.GeneratedFiles;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.openshift.api.model.monitoring.v1.PrometheusRuleBuilder;
import io.fabric8.openshift.api.model.monitoring.v1.PrometheusRuleSpec;
import io.fabric8.openshift.api.model.monitoring.v1.ServiceMonitorBuilder;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The monitoring half of the operator output: the generated rules as {@code PrometheusRule}s, the
 * Alertmanager configuration as a Secret, a {@code ServiceMonitor} for the exporter and the dashboards
 * as ConfigMaps for Grafana's sidecar.
 *
 * <p>Routing is one whole Alertmanager configuration, not an {@code AlertmanagerConfig} per team: the
 * operator confines each {@code AlertmanagerConfig}'s routes to alerts whose {@code namespace} label is
 * its own, but our alerts are per cluster and team, not per namespace, and one alert reaches its
 * owner and the teams informed of it (routes with {@code continue}) and inhibits others across teams.
 * Split per namespace, that routing would drop alerts or page the wrong team.
 */
final class MonitoringObjects {

    static final String RULES_DIR = "rules/";
    static final String RULES_SUFFIX = ".rules.yml";
    static final String ALERTMANAGER_FILE = "alertmanager/alertmanager.yml";
    static final String DASHBOARDS_DIR = "grafana/dashboards/";
    static final String ALERTMANAGER_SECRET = "kafka-steward-alertmanager";
    /** ConfigMaps hold at most 1 MiB of data. */
    static final int CONFIGMAP_LIMIT = 1024 * 1024;

    private MonitoringObjects() {
    }

    static GeneratedFiles of(GeneratedFiles plain, OperatorOptions options) {
        SortedMap<String, String> out = new TreeMap<>();
        Map<String, String> madeFrom = new TreeMap<>(); // object file -> the plain file it wraps
        plain.files().forEach((path, text) -> {
            if (path.startsWith(RULES_DIR) && path.endsWith(RULES_SUFFIX) && path.indexOf('/', RULES_DIR.length()) < 0) {
                String stem = path.substring(RULES_DIR.length(), path.length() - RULES_SUFFIX.length());
                String name = KubernetesNames.objectName("kafka-steward-" + stem);
                put(out, madeFrom, "monitoring/prometheusrule-" + name + ".yaml", path,
                        prometheusRule(name, path, text, options));
            } else if (path.startsWith(DASHBOARDS_DIR) && path.endsWith(".json")) {
                String file = path.substring(DASHBOARDS_DIR.length());
                String name = KubernetesNames.objectName("grafana-dashboard-" + file.substring(0, file.length() - 5));
                put(out, madeFrom, "monitoring/configmap-" + name + ".yaml", path, dashboard(name, file, text, options));
            }
        });
        String routing = plain.files().get(ALERTMANAGER_FILE);
        if (routing == null) {
            throw new IllegalStateException("the plain output has no " + ALERTMANAGER_FILE);
        }
        out.put("monitoring/secret-" + ALERTMANAGER_SECRET + ".yaml", KubernetesYaml.write(new SecretBuilder()
                .withMetadata(meta(ALERTMANAGER_SECRET, options, Map.of())).withType("Opaque")
                .withStringData(Map.of("alertmanager.yaml", routing)).build()));
        out.put("monitoring/servicemonitor-" + options.exporterJob() + ".yaml", serviceMonitor(options));
        return GeneratedFiles.of(out);
    }

    /** Two plain files whose names map to one object name would overwrite each other: an error instead. */
    private static void put(SortedMap<String, String> out, Map<String, String> madeFrom, String file, String from,
                            String yaml) {
        String earlier = madeFrom.putIfAbsent(file, from);
        if (earlier != null) {
            throw new IllegalArgumentException(earlier + " and " + from + " map to the same Kubernetes object name ("
                    + file + "); rename one of their teams or entries");
        }
        out.put(file, yaml);
    }

    private static String prometheusRule(String name, String path, String text, OperatorOptions options) {
        PrometheusRuleSpec spec;
        try {
            // Read into the typed spec, so the object is written by the model (tests read every object back
            // strictly: fabric8 keeps unknown fields instead of rejecting them).
            spec = KubernetesYaml.mapper().readValue(text, PrometheusRuleSpec.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(path + " does not read as a PrometheusRule spec: " + e.getOriginalMessage(), e);
        }
        return KubernetesYaml.write(new PrometheusRuleBuilder()
                .withMetadata(meta(name, options, options.selectorLabels())).withSpec(spec).build());
    }

    private static String dashboard(String name, String file, String json, OperatorOptions options) {
        if (!KubernetesNames.isDataKey(file)) {
            throw new IllegalStateException("dashboard file name '" + file + "' is not a ConfigMap key");
        }
        int bytes = json.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
        if (bytes > CONFIGMAP_LIMIT) {
            throw new IllegalArgumentException("dashboard " + file + " is " + bytes + " bytes; a ConfigMap"
                    + " holds at most 1 MiB: split the team's entries or use the plain files");
        }
        return KubernetesYaml.write(new ConfigMapBuilder()
                .withMetadata(meta(name, options, Map.of(options.dashboardLabel().getKey(),
                        options.dashboardLabel().getValue())))
                .withData(Map.of(file, json)).build());
    }

    private static String serviceMonitor(OperatorOptions options) {
        return KubernetesYaml.write(new ServiceMonitorBuilder()
                .withMetadata(meta(options.exporterJob(), options, options.selectorLabels()))
                .withNewSpec()
                .withNewSelector().withMatchLabels(ExporterObjects.selector()).endSelector()
                .withNewNamespaceSelector().withMatchNames(options.namespace()).endNamespaceSelector()
                .addNewEndpoint().withPort(ExporterObjects.PORT_NAME).withPath("/metrics").withInterval("15s")
                .withScrapeTimeout("10s").endEndpoint()
                .endSpec().build());
    }

    static ObjectMeta meta(String name, OperatorOptions options, Map<String, String> extraLabels) {
        SortedMap<String, String> labels = new TreeMap<>(ExporterObjects.commonLabels());
        labels.putAll(extraLabels);
        return new ObjectMetaBuilder().withName(name).withNamespace(options.namespace()).withLabels(labels).build();
    }
}
