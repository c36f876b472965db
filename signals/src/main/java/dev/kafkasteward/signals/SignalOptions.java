package dev.kafkasteward.signals;

import java.util.Objects;

/**
 * What shapes the signals beyond ownership.yml.
 *
 * @param timeScale   factor applied to every {@code for:}, every range window ({@code [15m]}) and the
 *                    time-valued thresholds of the exporter's own alerts, so end-to-end tests can run a real
 *                    pipeline in seconds; a scaled {@code for} is rounded to whole seconds (at least 1s), a
 *                    scaled window to whole milliseconds; lag-age thresholds and freshness-SLO windows are not
 *                    scaled
 * @param exporterJob the Prometheus job scraping this cluster's exporter replicas ({@code up} has no
 *                    {@code cluster} label, so the job must serve this cluster only)
 */
public record SignalOptions(double timeScale, String exporterJob) {

    public static final String DEFAULT_EXPORTER_JOB = "kafka-steward";

    public SignalOptions {
        if (!(timeScale > 0) || Double.isInfinite(timeScale)) {
            throw new IllegalArgumentException("timeScale must be a positive finite number, got " + timeScale);
        }
        Objects.requireNonNull(exporterJob, "exporterJob");
    }

    /** Real time, job {@value #DEFAULT_EXPORTER_JOB}. */
    public static SignalOptions defaults() {
        return new SignalOptions(1.0, DEFAULT_EXPORTER_JOB);
    }

    public SignalOptions withTimeScale(double scale) {
        return new SignalOptions(scale, exporterJob);
    }

    public SignalOptions withExporterJob(String job) {
        return new SignalOptions(timeScale, job);
    }
}
