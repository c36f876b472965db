package dev.kafkasteward.signals.apps;

import com.google.re2j.Pattern;
import dev.kafkasteward.contract.catalog.AlertCatalog;
import dev.kafkasteward.contract.catalog.JmxMetrics;
import dev.kafkasteward.contract.catalog.MetricDef;
import dev.kafkasteward.contract.ownership.ClientApp;
import dev.kafkasteward.contract.ownership.Ownership;
import dev.kafkasteward.contract.ownership.PromDuration;
import dev.kafkasteward.contract.ownership.ResponsibilityArea;
import dev.kafkasteward.signals.Condition;
import dev.kafkasteward.signals.claim.RegexSample;
import dev.kafkasteward.signals.promql.Durations;
import dev.kafkasteward.signals.promql.PromQl;
import dev.kafkasteward.signals.promql.ValueUnit;
import dev.kafkasteward.signals.AlertInstance;
import dev.kafkasteward.signals.InstanceFamily;
import dev.kafkasteward.signals.Recipient;
import dev.kafkasteward.signals.Scenario;
import dev.kafkasteward.signals.Scenarios;
import dev.kafkasteward.signals.SeverityRule;
import dev.kafkasteward.signals.Text;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.BiFunction;

/**
 * Client applications that declare an owner, recognised by their {@code match} label regexes: the
 * producer failing to send, the consumer's own records-lag-max, a stuck poll loop, dead Streams
 * threads. To the application's owner, one alert per client id.
 */
public final class ClientAlerts extends InstanceFamily {

    public static final String PRODUCER_ERRORS = AlertCatalog.CLIENT_PRODUCER_ERRORS.name();
    public static final String CONSUMER_LAG = AlertCatalog.CLIENT_CONSUMER_LAG_HIGH.name();
    public static final String POLL_STUCK = AlertCatalog.CLIENT_CONSUMER_POLL_STUCK.name();
    public static final String STREAMS_THREADS = AlertCatalog.CLIENT_STREAMS_THREADS_FAILED.name();
    static final int RECORDS_LAG_MAX = 10_000;
    static final int POLL_SECONDS = 300;

    /**
     * One client signal: metric, expression around the selector (and time scale), severity, for, text,
     * and scenario values: a gauge fires holding {@code fire} and stays silent at {@code quiet}; a
     * counter ({@code step} > 0) grows by {@code step} a minute and fires with {@code value}.
     */
    private record ClientSignal(String alert, ResponsibilityArea area, MetricDef metric,
                                BiFunction<String, Double, Condition> condition, SeverityRule severity, boolean tierFor,
                                ValueUnit unit, String summary, String meaning, double fire, double quiet, double step,
                                double value, int range) {
    }

    private static final List<ClientSignal> SIGNALS = List.of(
            new ClientSignal(PRODUCER_ERRORS, ResponsibilityArea.PRODUCER_DELIVERY, JmxMetrics.PRODUCER_RECORD_ERRORS,
                    (s, scale) -> Condition.above("sum by (cluster, client_id) (rate(" + s + "["
                            + Durations.window("5m", scale) + "]))", 0), SeverityRule.TIER, true,
                    ValueUnit.NUMBER, "fails to send records", "records per second fail to be sent after retries:"
                    + " the application loses or must resend them", 0, 0, 60, 1, 5),
            new ClientSignal(CONSUMER_LAG, ResponsibilityArea.CONSUMER_LAG, JmxMetrics.CONSUMER_RECORDS_LAG_MAX,
                    (s, scale) -> Condition.above("max by (cluster, client_id) (" + s + ")", RECORDS_LAG_MAX),
                    SeverityRule.WARNING, true,
                    ValueUnit.NUMBER, "lags behind", "records behind on its most lagging partition (threshold "
                    + RECORDS_LAG_MAX + ")", 25_000, 10, 0, 25_000, 0),
            new ClientSignal(POLL_STUCK, ResponsibilityArea.CONSUMER_LAG, JmxMetrics.CONSUMER_LAST_POLL_SECONDS_AGO,
                    (s, scale) -> Condition.above("max by (cluster, client_id) (" + s + ")", POLL_SECONDS),
                    SeverityRule.TIER, false,
                    ValueUnit.DURATION, "has stopped polling", "since the last poll(): the processing loop is stuck"
                    + " (threshold " + POLL_SECONDS + "s)", 600, 1, 0, 600, 0),
            new ClientSignal(STREAMS_THREADS, ResponsibilityArea.CONSUMER_LAG, JmxMetrics.STREAMS_FAILED_THREADS,
                    (s, scale) -> Condition.above("max by (cluster, client_id) (" + s + ")", 0),
                    SeverityRule.WARNING, false,
                    ValueUnit.NUMBER, "lost Streams threads", "stream threads died since start: fewer tasks are"
                    + " processed", 1, 0, 0, 1, 0));

    public ClientAlerts(double timeScale) {
        super(timeScale);
    }

    @Override
    public String name() {
        return "clients";
    }

    @Override
    public List<AlertInstance> instances(Ownership ownership) {
        String cluster = ownership.cluster();
        List<AlertInstance> instances = new ArrayList<>();
        for (ClientApp app : ownership.clientApps().stream().filter(a -> !a.match().isEmpty()).toList()) {
            List<String> matchers = new ArrayList<>();
            matchers.add(PromQl.eq("cluster", cluster));
            new TreeMap<>(app.match()).forEach((label, regex) -> matchers.add(PromQl.matches(label, regex)));
            Optional<Map<String, String>> sample = sample(app);
            for (ClientSignal s : SIGNALS) {
                Recipient to = Recipient.of(ownership, s.area(), app.owner(), app.alsoNotify(), app.tier(),
                        app.alerts());
                PromDuration alertFor = scaled(s.tierFor() ? to.tier().alertFor() : PromDuration.ofSeconds(120));
                String owner = app.owner();
                Text text = new Text(v -> "Client " + v.label("client_id") + " of " + app.name() + " " + s.summary()
                        + ".", v -> v.value(s.unit()) + " " + s.meaning() + " (client " + v.label("client_id") + " of application " + app.name()
                        + ", cluster " + v.label("cluster") + "). Owner: " + owner + ".");
                List<Scenario> scenarios = sample.map(labels -> List.of(scenario(s, cluster, labels, timeScale())))
                        .orElse(List.of());
                instances.add(to.alert(s.alert(), s.condition().apply(s.metric().select(matchers.toArray(String[]::new)),
                        timeScale()), alertFor, s.severity(), text, scenarios));
            }
        }
        return instances;
    }

    /** Label values the app's match regexes accept, when every regex yields a sample. */
    private static Optional<Map<String, String>> sample(ClientApp app) {
        Map<String, String> labels = new TreeMap<>();
        for (Map.Entry<String, String> e : app.match().entrySet()) {
            Optional<String> value = RegexSample.of(Pattern.compile(e.getValue()));
            if (value.isEmpty()) {
                return Optional.empty();
            }
            labels.put(e.getKey(), value.get());
        }
        return labels.containsKey("client_id") ? Optional.of(labels) : Optional.empty();
    }

    private static Scenario scenario(ClientSignal s, String cluster, Map<String, String> app, double timeScale) {
        Map<String, String> fire = new TreeMap<>(app);
        fire.put("instance", "app-1:7074");
        Map<String, String> quiet = new TreeMap<>(app);
        quiet.put("instance", "app-2:7074");
        quiet.put("client_id", app.get("client_id") + "-quiet");
        // The quiet client id may not match the app's regex; it must stay silent either way.
        // A rate is per second: when the scenario's minute shrinks with the time scale, the rate grows.
        return s.step() > 0
                ? Scenarios.counter(s.metric(), cluster, List.of("client_id"), fire, s.step(), quiet, 0,
                        s.value() / timeScale, s.range())
                : Scenarios.gauge(s.metric(), cluster, List.of("client_id"), fire, s.fire(), quiet, s.quiet());
    }
}
