package dev.kafkasteward.signals;

import dev.kafkasteward.contract.output.DashboardUids;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Objects;

/**
 * The link convention every output shares: where {@code runbook_url} points (the page the build writes
 * under {@code runbooks/}), and which Grafana dashboard {@code dashboard_url} opens (the owner's team
 * dashboard, by the uids the dashboards are generated with).
 *
 * @param runbookBaseUrl   where runbooks live; each alert links {@code <base>/<alertname-lowercase>.md}
 * @param dashboardBaseUrl the Grafana base URL
 */
public record Links(String runbookBaseUrl, String dashboardBaseUrl) {

    public static final String DEFAULT_RUNBOOK_BASE_URL =
            "https://github.com/kafka-steward/kafka-steward/blob/main/docs/runbooks";
    public static final String DEFAULT_DASHBOARD_BASE_URL = "http://localhost:3000";

    public Links {
        runbookBaseUrl = stripTrailingSlash(Objects.requireNonNull(runbookBaseUrl, "runbookBaseUrl"));
        dashboardBaseUrl = stripTrailingSlash(Objects.requireNonNull(dashboardBaseUrl, "dashboardBaseUrl"));
    }

    public static Links defaults() {
        return new Links(DEFAULT_RUNBOOK_BASE_URL, DEFAULT_DASHBOARD_BASE_URL);
    }

    /** {@code <base>/<alertname in lower case>.md}. */
    public String runbook(String alert) {
        return runbookBaseUrl + "/" + runbookFile(alert);
    }

    /** The runbook's file name under {@code runbooks/}. */
    public static String runbookFile(String alert) {
        return alert.toLowerCase(Locale.ROOT) + ".md";
    }

    /** The team dashboard of {@code team} in {@code cluster}. */
    public String dashboard(String cluster, String team) {
        return dashboardBaseUrl + DashboardUids.path(DashboardUids.team(cluster, team)) + "?var-cluster="
                + URLEncoder.encode(cluster, StandardCharsets.UTF_8);
    }

    private static String stripTrailingSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
