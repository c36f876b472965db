package dev.kafkasteward.rules;

import dev.kafkasteward.rules.alertmanager.AlertmanagerVersion;
import dev.kafkasteward.signals.Links;
import dev.kafkasteward.signals.SignalOptions;
import java.util.Objects;

/**
 * How {@link RulesGenerator} renders links, timings and Alertmanager specifics. Build from
 * {@link #defaults()} and adjust with the {@code with*} methods.
 *
 * @param runbookBaseUrl   where runbooks live; each alert links {@code <base>/<alertname-lowercase>.md}
 * @param dashboardBaseUrl the Grafana base URL the {@code dashboard_url} annotation points into
 * @param timeScale        factor applied to every {@code for:}, every range window ({@code [15m]}), the
 *                         time-valued thresholds of the exporter's own alerts and every Alertmanager timer
 *                         (group wait, group interval, repeat interval), so end-to-end tests can run a real
 *                         pipeline in seconds; a scaled {@code for} is rounded to whole seconds (at least
 *                         1s), a scaled window to whole milliseconds; the promtool tests of scaled families
 *                         sample at one scaled minute, those of lag age and freshness SLOs at one minute;
 *                         lag-age thresholds and freshness-SLO windows are not scaled
 * @param alertmanager     the Alertmanager release the routing config must load in
 * @param smtpFrom         {@code global.smtp_from}, written only when an email receiver does not set {@code from}
 * @param smtpSmarthost    {@code global.smtp_smarthost}, written only when an email receiver does not set
 *                         {@code smarthost}
 * @param exporterJob      the Prometheus job scraping this cluster's exporter, for the exporter-down alert
 *                         ({@code up} has no {@code cluster} label, so the job must serve this cluster only)
 */
public record RulesOptions(String runbookBaseUrl, String dashboardBaseUrl, double timeScale,
                           AlertmanagerVersion alertmanager, String smtpFrom, String smtpSmarthost,
                           String exporterJob) {

    public static final String DEFAULT_RUNBOOK_BASE_URL = Links.DEFAULT_RUNBOOK_BASE_URL;
    public static final String DEFAULT_DASHBOARD_BASE_URL = Links.DEFAULT_DASHBOARD_BASE_URL;
    public static final String DEFAULT_EXPORTER_JOB = SignalOptions.DEFAULT_EXPORTER_JOB;

    public RulesOptions {
        Links links = new Links(runbookBaseUrl, dashboardBaseUrl);
        runbookBaseUrl = links.runbookBaseUrl();
        dashboardBaseUrl = links.dashboardBaseUrl();
        new SignalOptions(timeScale, exporterJob); // validates both
        Objects.requireNonNull(alertmanager, "alertmanager");
        Objects.requireNonNull(smtpFrom, "smtpFrom");
        Objects.requireNonNull(smtpSmarthost, "smtpSmarthost");
        Objects.requireNonNull(exporterJob, "exporterJob");
    }

    /** Production defaults: GitHub runbooks, local Grafana, real time, Alertmanager 0.25 (Debian bookworm). */
    public static RulesOptions defaults() {
        return new RulesOptions(DEFAULT_RUNBOOK_BASE_URL, DEFAULT_DASHBOARD_BASE_URL, 1.0,
                AlertmanagerVersion.V0_25, "kafka-steward@localhost", "localhost:25", DEFAULT_EXPORTER_JOB);
    }

    public RulesOptions withRunbookBaseUrl(String url) {
        return new RulesOptions(url, dashboardBaseUrl, timeScale, alertmanager, smtpFrom, smtpSmarthost, exporterJob);
    }

    public RulesOptions withDashboardBaseUrl(String url) {
        return new RulesOptions(runbookBaseUrl, url, timeScale, alertmanager, smtpFrom, smtpSmarthost, exporterJob);
    }

    public RulesOptions withTimeScale(double scale) {
        return new RulesOptions(runbookBaseUrl, dashboardBaseUrl, scale, alertmanager, smtpFrom, smtpSmarthost, exporterJob);
    }

    public RulesOptions withAlertmanager(AlertmanagerVersion version) {
        return new RulesOptions(runbookBaseUrl, dashboardBaseUrl, timeScale, version, smtpFrom, smtpSmarthost, exporterJob);
    }

    public RulesOptions withSmtp(String from, String smarthost) {
        return new RulesOptions(runbookBaseUrl, dashboardBaseUrl, timeScale, alertmanager, from, smarthost, exporterJob);
    }

    public RulesOptions withExporterJob(String job) {
        return new RulesOptions(runbookBaseUrl, dashboardBaseUrl, timeScale, alertmanager, smtpFrom, smtpSmarthost,
                job);
    }

    /** Where the alerts' runbook and dashboard links point. */
    public Links links() {
        return new Links(runbookBaseUrl, dashboardBaseUrl);
    }

    /** What the signals are planned with. */
    public SignalOptions signals() {
        return new SignalOptions(timeScale, exporterJob);
    }
}
