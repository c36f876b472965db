package dev.kafkasteward.grafana;

import dev.kafkasteward.contract.output.GeneratedFiles;
import dev.kafkasteward.contract.ownership.Ownership;
import dev.kafkasteward.grafana.model.Dashboard;
import dev.kafkasteward.grafana.provisioning.ProvisioningSettings;
import dev.kafkasteward.grafana.provisioning.ProvisioningYaml;
import dev.kafkasteward.signals.SignalOptions;
import dev.kafkasteward.signals.SignalPlan;
import dev.kafkasteward.signals.Signals;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Turns an ownership model into Grafana dashboards (the wall, brokers and JVM, funnels, one per team) and the
 * provisioning file that loads them. Pure and deterministic: the same ownership always yields
 * byte-identical files.
 */
public final class DashboardGenerator {

    /** The folder, relative to the output, that holds dashboard JSON files. */
    public static final String DASHBOARDS_DIR = "grafana/dashboards";
    public static final String WALL_PATH = DASHBOARDS_DIR + "/kafka-steward-wall.json";
    public static final String BROKERS_PATH = DASHBOARDS_DIR + "/kafka-steward-brokers.json";
    public static final String CHANGES_PATH = DASHBOARDS_DIR + "/kafka-steward-changes.json";
    /** Written only when ownership.yml declares funnels. */
    public static final String FUNNELS_PATH = DASHBOARDS_DIR + "/kafka-steward-funnels.json";
    /** The dashboards provider file, to mount into Grafana's {@code provisioning/dashboards}. */
    public static final String PROVIDER_PATH = "grafana/provisioning/dashboards/kafka-steward.yml";

    private final DashboardOptions options;

    /** With {@link DashboardOptions#defaults()}. */
    public DashboardGenerator() {
        this(DashboardOptions.defaults());
    }

    public DashboardGenerator(ProvisioningSettings settings) {
        this(DashboardOptions.defaults().withProvisioning(settings));
    }

    public DashboardGenerator(DashboardOptions options) {
        this.options = Objects.requireNonNull(options);
    }

    /** The path of a team's dashboard; team names are file-name safe ({@code [A-Za-z0-9_.-]}). */
    public static String teamPath(String team) {
        return DASHBOARDS_DIR + "/kafka-steward-team-" + team + ".json";
    }

    /** The dashboards, in the order of their files, with the signals planned at their defaults. */
    public List<Dashboard> dashboards(Ownership ownership) {
        return dashboards(ownership, defaultPlan(ownership));
    }

    /** The dashboards, in the order of their files, for the signals of {@code plan}. */
    public List<Dashboard> dashboards(Ownership ownership, SignalPlan plan) {
        return new ArrayList<>(byPath(ownership, plan).values());
    }

    /** The files, with the signals planned at their defaults. */
    public GeneratedFiles generate(Ownership ownership) {
        return generate(ownership, defaultPlan(ownership));
    }

    /** The files for the signals of {@code plan}, planned from {@code ownership}. */
    public GeneratedFiles generate(Ownership ownership, SignalPlan plan) {
        Map<String, String> files = new TreeMap<>();
        byPath(ownership, plan).forEach((path, dashboard) -> files.put(path, DashboardJson.write(dashboard)));
        files.put(PROVIDER_PATH, ProvisioningYaml.write(options.provisioning().providers()));
        return GeneratedFiles.of(files);
    }

    private static SignalPlan defaultPlan(Ownership ownership) {
        return new Signals(SignalOptions.defaults()).plan(ownership);
    }

    private Map<String, Dashboard> byPath(Ownership ownership, SignalPlan plan) {
        Map<String, Dashboard> dashboards = new TreeMap<>();
        dashboards.put(WALL_PATH, WallDashboard.build(ownership, plan));
        dashboards.put(BROKERS_PATH, BrokersDashboard.build(ownership));
        dashboards.put(CHANGES_PATH, ChangesDashboard.build(ownership, plan));
        if (!ownership.funnels().isEmpty()) {
            dashboards.put(FUNNELS_PATH, FunnelsDashboard.build(ownership));
        }
        for (String team : ownership.teamNames().stream().filter(t -> TeamDashboard.hasPanels(ownership, plan, t))
                .toList()) {
            dashboards.put(teamPath(team), TeamDashboard.build(ownership, plan, team, options));
        }
        return dashboards;
    }
}
