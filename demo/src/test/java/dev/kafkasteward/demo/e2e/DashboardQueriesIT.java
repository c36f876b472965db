package dev.kafkasteward.demo.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kafkasteward.demo.stack.RequiredBinaries;
import dev.kafkasteward.grafana.DashboardGenerator;
import dev.kafkasteward.grafana.PanelQueries;
import dev.kafkasteward.grafana.PanelQueries.PanelQuery;
import dev.kafkasteward.grafana.model.Dashboard;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Issue #7, acceptance 4: on the end-to-end environment (real Prometheus scraping the exporter and the brokers'
 * jmx metrics, order traffic on a 3-broker cluster), every panel query of every dashboard generated for the e2e
 * ownership file returns at least one series, with the template variables substituted as Grafana would. A
 * query is never skipped: one that cannot have data here is a dashboard to fix or an environment to complete.
 */
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class DashboardQueriesIT {

    private static final Path WORK = Path.of("target", "e2e-dashboards");
    /** How long the signals get to appear: the first exporter cycles, enough samples for every window. */
    private static final Duration DATA_TIMEOUT = Duration.ofSeconds(90);
    /**
     * {@code $__rate_interval}: Grafana makes it at least four scrape intervals; at the environment's 1 s scrape,
     * 10 s holds about ten samples, so one late scrape on a busy machine does not empty a rate.
     */
    private static final String RATE_INTERVAL = "10s";

    @Test
    void everyPanelQueryReturnsData() throws Exception {
        Instant started = Instant.now();
        try (E2eEnvironment env = E2eEnvironment.startForDashboards(RequiredBinaries.onPath(), WORK)) {
            // The dead-letter panels count by failure reason: that series exists once a record was dead-lettered.
            env.traffic().publishInvalidOrder();
            List<Dashboard> dashboards = new DashboardGenerator().dashboards(env.ownership());
            Map<String, String> values = new HashMap<>(PanelQueries.defaults(env.ownership()));
            values.put("__rate_interval", RATE_INTERVAL);
            List<PanelQuery> queries = PanelQueries.of(dashboards, values);
            assertTrue(queries.size() >= dashboards.size(), queries.size() + " panel queries in "
                    + dashboards.size() + " dashboards: every dashboard has at least one");
            assertTrue(!dashboards.isEmpty(), "dashboards were generated");
            assertEquals(dashboards.stream().map(Dashboard::uid).collect(Collectors.toSet()),
                    queries.stream().map(PanelQuery::dashboardUid).collect(Collectors.toSet()),
                    "every dashboard has a query");

            Map<PanelQuery, String> empty = awaitData(env.prometheus(), queries);

            String report = empty.entrySet().stream()
                    .map(e -> e.getKey().dashboardUid() + " / " + e.getKey().panelTitle() + " / "
                            + e.getKey().refId() + ": " + e.getValue() + "\n    " + e.getKey().expr())
                    .collect(Collectors.joining("\n  "));
            assertEquals(0, empty.size(), empty.size() + " of " + queries.size() + " panel queries returned no data"
                    + " after " + DATA_TIMEOUT.toSeconds() + " s:\n  " + report + "\nPrometheus: "
                    + env.stack().prometheusUrl() + ", work dir " + WORK.toAbsolutePath());
            System.out.printf("%d panel queries of %d dashboards (%s) returned data; %.1f s with the environment's"
                            + " start%n", queries.size(), dashboards.size(),
                    dashboards.stream().map(Dashboard::uid).collect(Collectors.joining(", ")),
                    Duration.between(started, Instant.now()).toMillis() / 1000.0);
        }
    }

    /**
     * Runs the queries that have not returned data yet, round after round, until all have or the time is up; then
     * the ones still empty, each with why (no series, or Prometheus' error).
     */
    private static Map<PanelQuery, String> awaitData(PrometheusApi prometheus, List<PanelQuery> queries)
            throws InterruptedException {
        Map<PanelQuery, String> pending = new LinkedHashMap<>();
        queries.forEach(q -> pending.put(q, "not run"));
        Instant deadline = Instant.now().plus(DATA_TIMEOUT);
        while (true) {
            for (PanelQuery query : List.copyOf(pending.keySet())) {
                try {
                    if (prometheus.seriesCount(query.expr()) > 0) {
                        pending.remove(query);
                    } else {
                        pending.put(query, "no series");
                    }
                } catch (IOException e) {
                    pending.put(query, e.getMessage());
                }
            }
            if (pending.isEmpty() || Instant.now().isAfter(deadline)) {
                return pending;
            }
            Thread.sleep(1000);
        }
    }
}
