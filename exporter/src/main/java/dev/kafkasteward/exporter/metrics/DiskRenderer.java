package dev.kafkasteward.exporter.metrics;

import static dev.kafkasteward.contract.catalog.DiskMetrics.*;

import dev.kafkasteward.exporter.disk.DiskSnapshot;
import dev.kafkasteward.exporter.disk.Forecast;
import dev.kafkasteward.exporter.disk.LogDirReport;
import dev.kafkasteward.exporter.disk.SteadyState;
import dev.kafkasteward.exporter.observation.LogDirState;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Log-dir series. The forecast cases become samples here: no estimate means no series, "will not
 * fill" means +Inf.
 */
final class DiskRenderer {

    private DiskRenderer() {
    }

    static void render(String cluster, DiskSnapshot disk, List<MetricSnapshot> out) {
        Family total = new Family(LOG_DIR_TOTAL);
        Family usable = new Family(LOG_DIR_USABLE);
        Family used = new Family(LOG_DIR_USED);
        Family topics = new Family(LOG_DIR_TOPIC);
        Family offline = new Family(LOG_DIR_OFFLINE);
        Family growth = new Family(LOG_DIR_GROWTH_RATE);
        Family steady = new Family(LOG_DIR_STEADY_STATE);
        for (LogDirReport report : disk.logDirs()) {
            LogDirState d = report.dir();
            String broker = Integer.toString(d.broker());
            d.totalBytes().ifPresent(v -> total.add(v, cluster, broker, d.path()));
            d.usableBytes().ifPresent(v -> usable.add(v, cluster, broker, d.path()));
            used.add(d.usedBytes(), cluster, broker, d.path());
            d.topics().forEach((topic, size) -> topics.add(size.bytes(), cluster, broker, d.path(), topic));
            offline.add(d.offline() ? 1 : 0, cluster, broker, d.path());
            Forecast f = report.forecast();
            if (f instanceof Forecast.NotGrowing n) {
                growth.add(n.bytesPerSecond(), cluster, broker, d.path());
            } else if (f instanceof Forecast.CappedByRetention c) {
                growth.add(c.bytesPerSecond(), cluster, broker, d.path());
            } else if (f instanceof Forecast.Estimated e) {
                growth.add(e.bytesPerSecond(), cluster, broker, d.path());
            } // InsufficientHistory: no series rather than a guess
            if (report.steadyState() instanceof SteadyState.Bounded b) {
                steady.add(b.bytes(), cluster, broker, d.path());
            } else if (report.steadyState() instanceof SteadyState.Unbounded) {
                steady.add(Double.POSITIVE_INFINITY, cluster, broker, d.path());
            }
        }
        out.addAll(List.of(total.build(), usable.build(), used.build(), topics.build(), offline.build(), growth.build(),
                steady.build()));
    }

    /**
     * Time to exhaustion as it is at {@code now}, the scrape Prometheus stores it at: the forecast is made
     * when the broker described the dir (every 30 s or so) and counts down from there at the clock's pace
     * until the next read, exact while the growth rate holds.
     */
    static void renderCountdown(String cluster, DiskSnapshot disk, Instant now, List<MetricSnapshot> out) {
        Family exhaustion = new Family(LOG_DIR_TIME_TO_EXHAUSTION);
        for (LogDirReport report : disk.logDirs()) {
            LogDirState d = report.dir();
            String broker = Integer.toString(d.broker());
            Forecast f = report.forecast();
            if (f instanceof Forecast.NotGrowing || f instanceof Forecast.CappedByRetention) {
                exhaustion.add(Double.POSITIVE_INFINITY, cluster, broker, d.path());
            } else if (f instanceof Forecast.Estimated e) {
                double since = Math.max(0, Duration.between(d.readAt(), now).toMillis()) / 1000.0;
                exhaustion.add(Math.max(0, e.seconds() - since), cluster, broker, d.path());
            }
        }
        out.add(exhaustion.build());
    }
}
