package dev.kafkasteward.grafana;

import dev.kafkasteward.grafana.provisioning.ProvisioningSettings;
import java.util.Objects;

/**
 * What the dashboards need beyond ownership.yml: where runbooks live (each alert's runbook is
 * {@code <runbookBaseUrl>/<alertname lowercase>.md}, as the rules module writes it) and where Grafana reads
 * the files from.
 */
public record DashboardOptions(String runbookBaseUrl, ProvisioningSettings provisioning) {

    /** The rules module's default runbook location. */
    public static final String DEFAULT_RUNBOOK_BASE_URL =
            "https://github.com/kafka-steward/kafka-steward/blob/main/docs/runbooks";

    public DashboardOptions {
        Objects.requireNonNull(provisioning);
        runbookBaseUrl = runbookBaseUrl.endsWith("/") ? runbookBaseUrl.substring(0, runbookBaseUrl.length() - 1)
                : runbookBaseUrl;
    }

    public static DashboardOptions defaults() {
        return new DashboardOptions(DEFAULT_RUNBOOK_BASE_URL, ProvisioningSettings.defaults());
    }

    public DashboardOptions withRunbookBaseUrl(String url) {
        return new DashboardOptions(url, provisioning);
    }

    public DashboardOptions withProvisioning(ProvisioningSettings settings) {
        return new DashboardOptions(runbookBaseUrl, settings);
    }

    /** The runbook of one alert. */
    String runbook(String alertName) {
        return runbookBaseUrl + "/" + alertName.toLowerCase(java.util.Locale.ROOT) + ".md";
    }
}
