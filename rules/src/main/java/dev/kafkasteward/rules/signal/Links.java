package dev.kafkasteward.rules.signal;

import java.util.Locale;

/** Where {@code runbook_url} and {@code dashboard_url} point. */
public record Links(String runbookBaseUrl, String dashboardBaseUrl) {

    /** {@code <base>/<alertname in lower case>.md}, the page the build writes under {@code runbooks/}. */
    public String runbook(String alert) {
        return runbookBaseUrl + "/" + runbookFile(alert);
    }

    public static String runbookFile(String alert) {
        return alert.toLowerCase(Locale.ROOT) + ".md";
    }

    public String dashboard(String cluster, String team) {
        return DashboardLinks.overview(dashboardBaseUrl, cluster, team);
    }
}
