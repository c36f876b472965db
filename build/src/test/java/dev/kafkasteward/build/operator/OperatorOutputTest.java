package dev.kafkasteward.build.operator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kafkasteward.build.BuildCommand;
import dev.kafkasteward.contract.output.GeneratedFiles;
import dev.kafkasteward.contract.ownership.OwnershipLoader;
import dev.kafkasteward.contract.testing.ExternalTool;
import dev.kafkasteward.rules.RulesOptions;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.openshift.api.model.monitoring.v1.PrometheusRule;
import io.fabric8.openshift.api.model.monitoring.v1.ServiceMonitor;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Prometheus Operator output for examples/ownership.yml: every object reads strictly into
 * fabric8's typed Kubernetes and Prometheus Operator models, the rules inside the PrometheusRules are
 * the plain rules (promtool checks them and runs the generated rule tests against them after
 * extraction), and bad options are usage errors that say what was expected.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OperatorOutputTest {

    private static final Path EXAMPLE = Path.of("..", "examples", "ownership.yml");
    private GeneratedFiles plain;
    private GeneratedFiles operator;
    private final Map<String, HasMetadata> objects = new TreeMap<>();

    @BeforeAll
    void build() throws Exception {
        plain = BuildCommand.build(new OwnershipLoader().load(EXAMPLE), RulesOptions.defaults());
        operator = OperatorOutput.of(plain, Files.readString(EXAMPLE), OperatorOptions.defaults("kafka-steward"));
        for (var e : operator.files().entrySet()) {
            objects.put(e.getKey(), StrictModel.read(e.getKey(), e.getValue()));
        }
    }

    @Test
    void everyObjectReadsStrictlyIntoItsTypedModelInTheNamespace() {
        assertTrue(objects.size() > 20, "objects: " + objects.keySet());
        objects.forEach((path, o) -> {
            assertEquals("monitoring", o.getMetadata().getNamespace(), path);
            assertTrue(path.endsWith("-" + o.getMetadata().getName() + ".yaml"), path + " is named after its object");
        });
    }

    @Test
    void strictReadingRejectsAFieldTheModelDoesNotKnow() {
        String yaml = operator.files().get("operator/monitoring/servicemonitor-kafka-steward.yaml")
                .replace("  endpoints:", "  endpoint_typo: true\n  endpoints:");
        AssertionError e = assertThrows(AssertionError.class, () -> StrictModel.read("typo", yaml));
        assertTrue(e.getMessage().contains("endpoint_typo"), e.getMessage());
    }

    @Test
    void everyPlainRuleFileIsOnePrometheusRuleWithTheSameRules() throws Exception {
        List<String> ruleFiles = plain.files().keySet().stream()
                .filter(p -> p.startsWith("rules/") && p.endsWith(".rules.yml")).toList();
        List<PrometheusRule> rules = objects.values().stream().filter(PrometheusRule.class::isInstance)
                .map(PrometheusRule.class::cast).toList();
        assertEquals(ruleFiles.size(), rules.size());
        for (String file : ruleFiles) {
            String name = "kafka-steward-" + file.substring("rules/".length(), file.length() - ".rules.yml".length());
            PrometheusRule rule = rules.stream().filter(r -> r.getMetadata().getName().equals(name)).findFirst()
                    .orElseThrow(() -> new AssertionError("no PrometheusRule " + name));
            JsonNode extracted = KubernetesYaml.mapper().valueToTree(rule.getSpec());
            assertEquals(KubernetesYaml.mapper().readTree(plain.files().get(file)), extracted, file);
            assertEquals("kube-prometheus-stack", rule.getMetadata().getLabels().get("release"), name);
        }
    }

    @Test
    void promtoolChecksTheExtractedRulesAndTheirTestsPassOnThem(@TempDir Path dir) throws Exception {
        Path promtool = ExternalTool.require("promtool");
        Path rulesDir = Files.createDirectories(dir.resolve("rules"));
        List<String> check = new ArrayList<>(List.of(promtool.toString(), "check", "rules"));
        for (HasMetadata o : objects.values()) {
            if (o instanceof PrometheusRule rule) {
                // Extracted as the operator hands them to Prometheus: the spec, as a rule file.
                String stem = rule.getMetadata().getName().substring("kafka-steward-".length());
                Path file = rulesDir.resolve(stem + ".rules.yml");
                Files.writeString(file, KubernetesYaml.write(rule.getSpec()));
                check.add(file.toString());
            }
        }
        run(check);
        List<String> test = new ArrayList<>(List.of(promtool.toString(), "test", "rules"));
        for (var e : plain.files().entrySet()) {
            if (e.getKey().startsWith("rules/") && e.getKey().endsWith(".rules.test.yml")) {
                Path file = dir.resolve(e.getKey());
                Files.writeString(file, e.getValue());
                test.add(file.toString());
            }
        }
        assertTrue(run(test).contains("SUCCESS"));
    }

    @Test
    void routingIsTheWholeAlertmanagerConfigInOneSecret() {
        Secret secret = (Secret) objects.get("operator/monitoring/secret-kafka-steward-alertmanager.yaml");
        assertEquals(Map.of("alertmanager.yaml", plain.files().get("alertmanager/alertmanager.yml")),
                secret.getStringData());
    }

    @Test
    void dashboardsAreConfigMapsForGrafanasSidecar() {
        List<String> dashboards = plain.files().keySet().stream()
                .filter(p -> p.startsWith("grafana/dashboards/") && p.endsWith(".json")).toList();
        for (String d : dashboards) {
            String file = d.substring("grafana/dashboards/".length());
            ConfigMap cm = (ConfigMap) objects.get("operator/monitoring/configmap-grafana-dashboard-"
                    + file.substring(0, file.length() - 5) + ".yaml");
            assertTrue(cm != null, "a ConfigMap for " + d);
            assertEquals("1", cm.getMetadata().getLabels().get("grafana_dashboard"));
            assertEquals(Map.of(file, plain.files().get(d)), cm.getData());
        }
    }

    @Test
    void theExporterRunsTwoNonRootReplicasWithProbesAndTheOwnershipFromAConfigMap() throws Exception {
        Deployment d = (Deployment) objects.get("operator/exporter/deployment-kafka-steward.yaml");
        assertEquals(2, d.getSpec().getReplicas());
        var pod = d.getSpec().getTemplate().getSpec();
        assertTrue(pod.getSecurityContext().getRunAsNonRoot());
        Container c = pod.getContainers().get(0);
        assertTrue(c.getSecurityContext().getReadOnlyRootFilesystem());
        assertEquals("/readyz", c.getReadinessProbe().getHttpGet().getPath());
        assertEquals("/healthz", c.getLivenessProbe().getHttpGet().getPath());
        assertTrue(c.getVolumeMounts().stream().noneMatch(m -> m.getSubPath() != null),
                "no subPath mount: a changed ConfigMap must reach the file for the reload to see it");
        ConfigMap ownership = (ConfigMap) objects.get("operator/exporter/configmap-kafka-steward-ownership.yaml");
        assertEquals(Files.readString(EXAMPLE), ownership.getData().get("ownership.yml"));
        ConfigMap client = (ConfigMap) objects.get("operator/exporter/configmap-kafka-steward-kafka-client.yaml");
        assertTrue(client.getData().get("kafka.properties").contains("${dir:/etc/steward/secrets:sasl.jaas.config}"),
                "credentials come from a Secret through Kafka's config provider");
        ServiceMonitor sm = (ServiceMonitor) objects.get("operator/monitoring/servicemonitor-kafka-steward.yaml");
        var service = objects.get("operator/exporter/service-kafka-steward.yaml");
        assertTrue(service.getMetadata().getLabels().entrySet()
                        .containsAll(sm.getSpec().getSelector().getMatchLabels().entrySet()),
                "the ServiceMonitor selects the exporter's Service, whose name is the job the rules expect");
    }

    @Test
    void objectNamesAreMappedOntoKubernetesRules() {
        assertEquals("team-payments-eu", KubernetesNames.objectName("Team_Payments  EU"));
        assertEquals("a-b-c", KubernetesNames.objectName("-A.b_c-"));
        assertThrows(IllegalArgumentException.class, () -> KubernetesNames.objectName("__"));
    }

    @Test
    void twoFilesMappingToOneObjectNameAreAnError() {
        GeneratedFiles clash = GeneratedFiles.of(Map.of("alertmanager/alertmanager.yml", "route: {}\n",
                "grafana/dashboards/team-a_b.json", "{}", "grafana/dashboards/team-a.b.json", "{}"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> OperatorOutput.of(clash, "cluster: x\n", OperatorOptions.defaults("kafka-steward")));
        assertTrue(e.getMessage().contains("team-a.b.json") && e.getMessage().contains("team-a_b.json"),
                e.getMessage());
    }

    @Test
    void aDashboardTooLargeForAConfigMapIsAnError() {
        GeneratedFiles huge = GeneratedFiles.of(Map.of("alertmanager/alertmanager.yml", "route: {}\n",
                "grafana/dashboards/big.json", "x".repeat(MonitoringObjects.CONFIGMAP_LIMIT + 1)));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> OperatorOutput.of(huge, "cluster: x\n", OperatorOptions.defaults("kafka-steward")));
        assertTrue(e.getMessage().contains("big.json") && e.getMessage().contains("1 MiB"), e.getMessage());
    }

    @Test
    void badOperatorOptionsAreUsageErrorsThatSayWhatWasExpected(@TempDir Path out) {
        StringWriter err = new StringWriter();
        int code = BuildCommand.run(new String[] {"generate", "--ownership", EXAMPLE.toString(), "--out",
            out.toString(), "--format", "operator", "--namespace", "Kafka_Monitoring", "--operator-label", "release",
            "--dashboard-label", "grafana_dashboard=not ok"}, new PrintWriter(new StringWriter()), new PrintWriter(err));
        assertEquals(BuildCommand.USAGE_ERROR, code);
        assertTrue(err.toString().contains("--operator-label 'release': expected KEY=VALUE"), err.toString());
        code = BuildCommand.run(new String[] {"generate", "--ownership", EXAMPLE.toString(), "--out",
            out.toString(), "--format", "operator", "--namespace", "Kafka_Monitoring",
            "--dashboard-label", "grafana_dashboard=not ok"}, new PrintWriter(new StringWriter()), new PrintWriter(err));
        assertEquals(BuildCommand.USAGE_ERROR, code);
        assertTrue(err.toString().contains("--namespace 'Kafka_Monitoring': expected a DNS label"), err.toString());
        assertTrue(err.toString().contains("--dashboard-label 'grafana_dashboard=not ok'"), "all problems at once: " + err);
        code = BuildCommand.run(new String[] {"generate", "--ownership", EXAMPLE.toString(), "--out",
            out.toString(), "--format", "helm"}, new PrintWriter(new StringWriter()), new PrintWriter(err));
        assertEquals(BuildCommand.USAGE_ERROR, code);
        assertTrue(err.toString().contains("unknown --format 'helm': expected plain or operator"), err.toString());
        assertTrue(!Files.exists(out.resolve("operator")), "nothing written");
    }

    private static String run(List<String> command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "promtool finished");
        assertEquals(0, p.exitValue(), String.join(" ", command.subList(0, 3)) + ":\n" + output);
        return output;
    }
}
