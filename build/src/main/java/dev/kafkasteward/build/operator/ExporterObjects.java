package dev.kafkasteward.build.operator;

import dev.kafkasteward.contract.output.GeneratedFiles;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.VolumeBuilder;
import io.fabric8.kubernetes.api.model.VolumeMountBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudgetBuilder;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The exporter on Kubernetes, as docs/running-in-production.md describes it: two replicas on
 * different nodes scraped as one job, probes on {@code /healthz} and {@code /readyz},
 * {@code ownership.yml} from a ConfigMap mounted as a directory (a changed ConfigMap reaches the file
 * and the exporter reloads it; a {@code subPath} mount would never change), Kafka credentials from
 * Secrets read through Kafka's {@code DirectoryConfigProvider}, non-root with a read-only root
 * filesystem.
 */
final class ExporterObjects {

    static final String APP = "kafka-steward";
    static final String PORT_NAME = "metrics";
    static final int PORT = 9340;
    static final String OWNERSHIP_CONFIGMAP = "kafka-steward-ownership";
    static final String CLIENT_CONFIGMAP = "kafka-steward-kafka-client";
    /** The CA (and a client certificate, for mutual TLS): a {@code kubernetes.io/tls} Secret, e.g. from cert-manager. */
    static final String TLS_SECRET = "kafka-steward-tls";
    /** The SASL login line, key {@code sasl.jaas.config}. */
    static final String CREDENTIALS_SECRET = "kafka-steward-kafka-credentials";
    /**
     * Sized from what was measured at the largest scale: heap after GC ~50 MB at 19,400 partitions and
     * 2,000 groups (docs/benchmarks.md), 684-713 MB resident with -Xmx512m at 20,000 partitions (issue
     * #22's run). No CPU limit: throttling would stretch cycles, not save anything.
     */
    static final String JAVA_OPTIONS = "-Xmx512m -XX:MaxMetaspaceSize=128m -XX:+ExitOnOutOfMemoryError -XX:-UsePerfData";
    static final String MEMORY_REQUEST = "768Mi";
    static final String MEMORY_LIMIT = "1Gi";
    static final String CPU_REQUEST = "250m";
    /** Not root, and the same id files in mounted volumes are readable by. */
    static final long USER = 65532;

    /**
     * kafka.properties for SASL_SSL with SCRAM: the broker CA from {@link #TLS_SECRET}, the login line
     * from {@link #CREDENTIALS_SECRET}; no secret is in the ConfigMap. Other setups: docs/running-in-production.md.
     */
    static final String CLIENT_PROPERTIES = """
            # Kafka client settings of the exporter: edit the security settings to your listener
            # (docs/running-in-production.md#connecting-to-a-secured-kafka). Secrets stay in Secrets.
            bootstrap.servers=%s
            security.protocol=SASL_SSL
            sasl.mechanism=SCRAM-SHA-512
            ssl.truststore.type=PEM
            ssl.truststore.location=/etc/steward/tls/ca.crt
            config.providers=dir
            config.providers.dir.class=org.apache.kafka.common.config.provider.DirectoryConfigProvider
            sasl.jaas.config=${dir:/etc/steward/secrets:sasl.jaas.config}
            """;

    private ExporterObjects() {
    }

    static SortedMap<String, String> commonLabels() {
        return new TreeMap<>(Map.of("app.kubernetes.io/name", APP, "app.kubernetes.io/part-of", APP));
    }

    static Map<String, String> selector() {
        return Map.of("app.kubernetes.io/name", APP, "app.kubernetes.io/component", "exporter");
    }

    private static SortedMap<String, String> podLabels() {
        SortedMap<String, String> labels = commonLabels();
        labels.putAll(selector());
        return labels;
    }

    static GeneratedFiles of(String ownershipYaml, OperatorOptions options) {
        SortedMap<String, String> out = new TreeMap<>();
        out.put("exporter/configmap-" + OWNERSHIP_CONFIGMAP + ".yaml", KubernetesYaml.write(new ConfigMapBuilder()
                .withMetadata(MonitoringObjects.meta(OWNERSHIP_CONFIGMAP, options, Map.of()))
                .withData(Map.of("ownership.yml", ownershipYaml)).build()));
        out.put("exporter/configmap-" + CLIENT_CONFIGMAP + ".yaml", KubernetesYaml.write(new ConfigMapBuilder()
                .withMetadata(MonitoringObjects.meta(CLIENT_CONFIGMAP, options, Map.of()))
                .withData(Map.of("kafka.properties", CLIENT_PROPERTIES.formatted(options.bootstrap()))).build()));
        out.put("exporter/serviceaccount-" + APP + ".yaml", KubernetesYaml.write(new ServiceAccountBuilder()
                .withMetadata(MonitoringObjects.meta(APP, options, Map.of()))
                .withAutomountServiceAccountToken(false).build()));
        out.put("exporter/deployment-" + APP + ".yaml", deployment(options));
        out.put("exporter/service-" + options.exporterJob() + ".yaml", KubernetesYaml.write(new ServiceBuilder()
                .withMetadata(MonitoringObjects.meta(options.exporterJob(), options, selector()))
                .withNewSpec().withSelector(selector())
                .addNewPort().withName(PORT_NAME).withPort(PORT).withTargetPort(new IntOrString(PORT_NAME))
                .withProtocol("TCP").endPort()
                .endSpec().build()));
        out.put("exporter/poddisruptionbudget-" + APP + ".yaml", KubernetesYaml.write(new PodDisruptionBudgetBuilder()
                .withMetadata(MonitoringObjects.meta(APP, options, Map.of()))
                .withNewSpec().withMaxUnavailable(new IntOrString(1))
                .withNewSelector().withMatchLabels(selector()).endSelector().endSpec().build()));
        return GeneratedFiles.of(out);
    }

    private static String deployment(OperatorOptions options) {
        return KubernetesYaml.write(new DeploymentBuilder()
                .withMetadata(MonitoringObjects.meta(APP, options, selector()))
                .withNewSpec()
                .withReplicas(2)
                .withNewSelector().withMatchLabels(selector()).endSelector()
                .withNewTemplate()
                .withNewMetadata().withLabels(podLabels()).endMetadata()
                .withNewSpec()
                .withServiceAccountName(APP)
                .withAutomountServiceAccountToken(false)
                .withNewSecurityContext().withRunAsNonRoot(true).withRunAsUser(USER).withRunAsGroup(USER)
                .withFsGroup(USER).withNewSeccompProfile().withType("RuntimeDefault").endSeccompProfile()
                .endSecurityContext()
                // One replica per node where the cluster allows it: the two must not fail together.
                .addNewTopologySpreadConstraint().withMaxSkew(1).withTopologyKey("kubernetes.io/hostname")
                .withWhenUnsatisfiable("ScheduleAnyway").withNewLabelSelector().withMatchLabels(selector())
                .endLabelSelector().endTopologySpreadConstraint()
                .withTerminationGracePeriodSeconds(30L)
                .addNewContainer()
                .withName("exporter")
                .withImage(options.exporterImage())
                .withArgs("serve", "--ownership", "/etc/steward/ownership/ownership.yml",
                        "--kafka-properties", "/etc/steward/client/kafka.properties", "--port", Integer.toString(PORT))
                .addNewPort().withName(PORT_NAME).withContainerPort(PORT).withProtocol("TCP").endPort()
                .addNewEnv().withName("JAVA_TOOL_OPTIONS").withValue(JAVA_OPTIONS).endEnv()
                .withNewReadinessProbe().withNewHttpGet().withPath("/readyz").withPort(new IntOrString(PORT_NAME))
                .endHttpGet().withPeriodSeconds(10).withFailureThreshold(3).endReadinessProbe()
                // /healthz turns 503 only after a cycle has been stuck for minutes (README, endpoints).
                .withNewLivenessProbe().withNewHttpGet().withPath("/healthz").withPort(new IntOrString(PORT_NAME))
                .endHttpGet().withInitialDelaySeconds(30).withPeriodSeconds(30).withFailureThreshold(3)
                .endLivenessProbe()
                .withNewResources()
                .addToRequests("cpu", new Quantity(CPU_REQUEST))
                .addToRequests("memory", new Quantity(MEMORY_REQUEST))
                .addToLimits("memory", new Quantity(MEMORY_LIMIT))
                .endResources()
                .withNewSecurityContext().withAllowPrivilegeEscalation(false).withReadOnlyRootFilesystem(true)
                .withNewCapabilities().withDrop("ALL").endCapabilities().endSecurityContext()
                .withVolumeMounts(
                        mount("ownership", "/etc/steward/ownership"),
                        mount("kafka-client", "/etc/steward/client"),
                        mount("kafka-tls", "/etc/steward/tls"),
                        mount("kafka-credentials", "/etc/steward/secrets"),
                        new VolumeMountBuilder().withName("tmp").withMountPath("/tmp").build())
                .endContainer()
                .withVolumes(
                        new VolumeBuilder().withName("ownership").withNewConfigMap().withName(OWNERSHIP_CONFIGMAP)
                                .endConfigMap().build(),
                        new VolumeBuilder().withName("kafka-client").withNewConfigMap().withName(CLIENT_CONFIGMAP)
                                .endConfigMap().build(),
                        new VolumeBuilder().withName("kafka-tls").withNewSecret().withSecretName(TLS_SECRET)
                                .withDefaultMode(0440).endSecret().build(),
                        new VolumeBuilder().withName("kafka-credentials").withNewSecret()
                                .withSecretName(CREDENTIALS_SECRET).withDefaultMode(0440).endSecret().build(),
                        new VolumeBuilder().withName("tmp").withNewEmptyDir().withSizeLimit(new Quantity("64Mi"))
                                .endEmptyDir().build())
                .endSpec()
                .endTemplate()
                .endSpec()
                .build());
    }

    private static io.fabric8.kubernetes.api.model.VolumeMount mount(String volume, String path) {
        return new VolumeMountBuilder().withName(volume).withMountPath(path).withReadOnly(true).build();
    }
}
