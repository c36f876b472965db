package dev.kafkasteward.exporter.disk;

import dev.kafkasteward.exporter.observation.LogDirState;

/** One log dir as the scrape shows it: what the broker reported, the forecast and the steady state. */
public record LogDirReport(LogDirState dir, Forecast forecast, SteadyState steadyState) {
}
