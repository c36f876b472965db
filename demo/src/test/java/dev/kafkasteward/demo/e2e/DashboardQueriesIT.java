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
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Issue #7, acceptance 4: on the end-to-end environment (real Prometheus scraping the exporter and the brokers'
 * jmx metrics, order traffic on a 3-broker cluster), every panel query of every dashboard generated for the e2e
 * ownership file returns at least one series, with the template variables substituted as Grafana would. A
 * query is never skipped: one that cannot have data here is a dashboard to fix or an environment to complete.
 *
 * <p>Alert-view panels (issue #16) show what an alert evaluates, per asset; an asset that is fine may have no
 * series at all (no partition stalled, no connector deployed). Each of them must return exactly the series the
 * alert's own value expression returns in Prometheus, and most must return data.
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
    /** Matches the default {@code unowned.dead_letter_pattern}, and no entry of e2e/ownership.yml. */
    private static final String UNOWNED_DEAD_LETTERS = "legacy-orders-dlt";
    /** A topic the dashboards' environment keeps moving, slowly, for the Changes dashboard. */
    private static final String MOVING = "orders.archive.v1";

    @Test
    void everyPanelQueryReturnsData() throws Exception {
        Instant started = Instant.now();
        try (E2eEnvironment env = E2eEnvironment.startForDashboards(RequiredBinaries.onPath(), WORK)) {
            // The timeline rebuilder, a group of e2e/ownership.yml only a drill otherwise runs, has its panels too.
            env.traffic().startSteadyMember("timeline-rebuilder");
            // The dead-letter panels count by failure reason: that series exists once a record was dead-lettered.
            env.traffic().publishInvalidOrder();
            // A dead-letter topic no entry declares: the platform owner's dead-letter panels show it (unowned).
            env.cluster().createTopics(List.of(UNOWNED_DEAD_LETTERS), 1);
            env.traffic().publishDeadLetter(UNOWNED_DEAD_LETTERS, "legacy-import-failed");
            // The Changes dashboard shows a cluster in change: a throttled reassignment runs while the queries are
            // asked (progress, time to finish, copy rate, throttles, and the gate's reassignment condition).
            startSlowReassignment(env);
            List<Dashboard> dashboards = new DashboardGenerator().dashboards(env.ownership());
            Map<String, String> values = new HashMap<>(PanelQueries.defaults(env.ownership()));
            values.put("__rate_interval", RATE_INTERVAL);
            List<PanelQuery> all = PanelQueries.of(dashboards, values);
            List<PanelQuery> queries = all.stream().filter(q -> !q.alertView()).toList();
            List<PanelQuery> alertViews = all.stream().filter(PanelQuery::alertView).toList();
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
            long withData = checkAlertViews(env.prometheus(), alertViews, values);
            System.out.printf("%d panel queries of %d dashboards (%s) returned data, %d alert-view queries agreed"
                            + " with their alerts (%d with data); %.1f s with the environment's start%n",
                    queries.size(), dashboards.size(),
                    dashboards.stream().map(Dashboard::uid).collect(Collectors.joining(", ")), alertViews.size(),
                    withData, Duration.between(started, Instant.now()).toMillis() / 1000.0);
        }
    }

    /** Moves a 3 MB single-replica topic from broker 0 to broker 1 at 30 kB/s: a reassignment of minutes. */
    private static void startSlowReassignment(E2eEnvironment env) throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", env.cluster().bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(MOVING, Map.of(0, List.of(0))))).all().get(30, TimeUnit.SECONDS);
            Properties props = new Properties();
            props.put("bootstrap.servers", env.cluster().bootstrapServers());
            try (KafkaProducer<String, String> producer = new KafkaProducer<>(props, new StringSerializer(),
                    new StringSerializer())) {
                String value = "x".repeat(10_000);
                for (int i = 0; i < 300; i++) {
                    producer.send(new ProducerRecord<>(MOVING, 0, "k" + i, value));
                }
                producer.flush();
            }
            new ClusterChanges(admin).reassignThrottled(MOVING, List.of(List.of(1)), 30_000);
        }
    }

    /**
     * Each alert-view query returns as many series as the alert's value expression, the query without the
     * dashboard's {@code $job} and {@code $instance} scope (which select every target here); at least half of
     * them have data. Returns how many had data.
     */
    private static long checkAlertViews(PrometheusApi prometheus, List<PanelQuery> alertViews,
                                        Map<String, String> values) throws IOException, InterruptedException {
        assertTrue(!alertViews.isEmpty(), "the team dashboards have alert-view panels");
        String scope = "job=~\"" + values.get("job") + "\", instance=~\"" + values.get("instance") + "\", ";
        List<String> disagree = new java.util.ArrayList<>();
        long withData = 0;
        for (PanelQuery query : alertViews) {
            String rule = query.expr().replace(scope, "");
            int panel = prometheus.seriesCount(query.expr());
            int alert = prometheus.seriesCount(rule);
            if (panel != alert) {
                disagree.add(query.dashboardUid() + " / " + query.panelTitle() + " / " + query.refId() + ": panel "
                        + panel + " series, alert " + alert + "\n    " + query.expr());
            }
            withData += panel > 0 ? 1 : 0;
        }
        assertEquals(List.of(), disagree, "alert-view panels that do not show what their alert sees");
        assertTrue(withData * 2 >= alertViews.size(), withData + " of " + alertViews.size()
                + " alert-view queries have data");
        return withData;
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
