package dev.kafkasteward.build.operator;

import dev.kafkasteward.contract.output.GeneratedFiles;

/**
 * The build's output for the Prometheus Operator, next to the plain files under {@code operator/}:
 * {@code monitoring/} (rules, routing, scrape target, dashboards) and {@code exporter/} (the exporter's
 * own objects). Every object is built with fabric8's typed models of the Kubernetes and operator
 * schemas (and read back strictly by the tests); {@code kubectl apply --server-side -R -f operator/}
 * applies it all (server-side: a client-side apply copies each object into a 256 KiB annotation, which
 * a large team's dashboard can outgrow).
 */
public final class OperatorOutput {

    public static final String DIR = "operator";

    private OperatorOutput() {
    }

    /**
     * @param plain         the plain files of the same build (rules, routing, dashboards are wrapped, not redone)
     * @param ownershipYaml the ownership file's text, for the exporter's ConfigMap
     */
    public static GeneratedFiles of(GeneratedFiles plain, String ownershipYaml, OperatorOptions options) {
        return MonitoringObjects.of(plain, options).plus(ExporterObjects.of(ownershipYaml, options)).under(DIR);
    }
}
