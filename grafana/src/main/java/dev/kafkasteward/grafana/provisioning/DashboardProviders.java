package dev.kafkasteward.grafana.provisioning;

import java.util.List;

/**
 * A Grafana dashboards provisioning file ({@code provisioning/dashboards/*.yml}): which folders of
 * JSON files Grafana loads, into which Grafana folder, and whether users may change them.
 */
public record DashboardProviders(int apiVersion, List<Provider> providers) {

    public DashboardProviders {
        providers = List.copyOf(providers);
    }

    /** One folder of dashboard files. */
    public record Provider(String name, int orgId, String folder, String folderUid, String type,
                           boolean disableDeletion, boolean allowUiUpdates, int updateIntervalSeconds,
                           Options options) {
    }

    /** Where the files are, as seen by the Grafana process. */
    public record Options(String path, boolean foldersFromFilesStructure) {
    }
}
