package dev.kafkasteward.grafana;

import dev.kafkasteward.contract.output.GeneratedFiles;
import dev.kafkasteward.contract.ownership.Ownership;
import dev.kafkasteward.grafana.provisioning.ProvisioningSettings;
import dev.kafkasteward.grafana.provisioning.ProvisioningYaml;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Turns an ownership model into Grafana dashboards and the provisioning file that loads them.
 * Pure and deterministic: the same ownership always yields byte-identical files.
 */
public final class DashboardGenerator {

    /** The folder, relative to the output, that holds dashboard JSON files. */
    public static final String DASHBOARDS_DIR = "grafana/dashboards";
    /** The cluster overview dashboard. */
    public static final String OVERVIEW_PATH = DASHBOARDS_DIR + "/kafka-steward-overview.json";
    /** The dashboards provider file, to mount into Grafana's {@code provisioning/dashboards}. */
    public static final String PROVIDER_PATH = "grafana/provisioning/dashboards/kafka-steward.yml";

    private final ProvisioningSettings settings;

    /** With {@link ProvisioningSettings#defaults()}: dashboards mounted at {@code /var/lib/grafana/dashboards/kafka-steward}. */
    public DashboardGenerator() {
        this(ProvisioningSettings.defaults());
    }

    public DashboardGenerator(ProvisioningSettings settings) {
        this.settings = Objects.requireNonNull(settings);
    }

    public GeneratedFiles generate(Ownership ownership) {
        Map<String, String> files = new TreeMap<>();
        files.put(OVERVIEW_PATH, DashboardJson.write(OverviewDashboard.build(ownership)));
        files.put(PROVIDER_PATH, ProvisioningYaml.write(settings.providers()));
        return GeneratedFiles.of(files);
    }
}
