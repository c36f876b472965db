package dev.kafkasteward.grafana.provisioning;

import java.util.List;

/**
 * Where Grafana will find the generated dashboards and where it shows them. {@code dashboardsPath}
 * is a path inside the Grafana host or container, where the user mounts {@code grafana/dashboards}.
 */
public record ProvisioningSettings(String dashboardsPath, String folder, String folderUid) {

    /** The path the README's {@code docker run} mounts to, in a folder named "Kafka Steward". */
    public static ProvisioningSettings defaults() {
        return new ProvisioningSettings("/var/lib/grafana/dashboards/kafka-steward", "Kafka Steward", "kafka-steward");
    }

    public ProvisioningSettings {
        if (!dashboardsPath.startsWith("/")) {
            throw new IllegalArgumentException("dashboards path must be absolute: " + dashboardsPath);
        }
    }

    /** The provider file for these settings: dashboards read-only in the UI, reloaded every 30 s. */
    public DashboardProviders providers() {
        return new DashboardProviders(1, List.of(new DashboardProviders.Provider("kafka-steward", 1, folder,
                folderUid, "file", false, false, 30, new DashboardProviders.Options(dashboardsPath, false))));
    }
}
