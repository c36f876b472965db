package dev.kafkasteward.rules.signal;

import dev.kafkasteward.contract.output.DashboardUids;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Links from alerts into the Grafana dashboards the grafana module generates, by the uids both
 * modules take from {@link DashboardUids}: every alert links its owner's team dashboard (the
 * platform owner's shows brokers, controllers and disks).
 */
public final class DashboardLinks {

    private DashboardLinks() {
    }

    /** The team dashboard of {@code team} in {@code cluster}. */
    public static String overview(String baseUrl, String cluster, String team) {
        return baseUrl + DashboardUids.path(DashboardUids.team(cluster, team)) + "?var-cluster="
                + URLEncoder.encode(cluster, StandardCharsets.UTF_8);
    }
}
