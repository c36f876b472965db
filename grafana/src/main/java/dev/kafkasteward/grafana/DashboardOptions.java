package dev.kafkasteward.grafana;

import dev.kafkasteward.grafana.provisioning.ProvisioningSettings;
import dev.kafkasteward.signals.Links;
import java.util.Objects;

/**
 * What the dashboards need beyond ownership.yml: the link convention the alerts use (each alert's runbook
 * is {@code <runbookBaseUrl>/<alertname lowercase>.md}) and where Grafana reads the files from.
 */
public record DashboardOptions(Links links, ProvisioningSettings provisioning) {

    public DashboardOptions {
        Objects.requireNonNull(links);
        Objects.requireNonNull(provisioning);
    }

    public static DashboardOptions defaults() {
        return new DashboardOptions(Links.defaults(), ProvisioningSettings.defaults());
    }

    public DashboardOptions withRunbookBaseUrl(String url) {
        return new DashboardOptions(new Links(url, links.dashboardBaseUrl()), provisioning);
    }

    public DashboardOptions withProvisioning(ProvisioningSettings settings) {
        return new DashboardOptions(links, settings);
    }
}
