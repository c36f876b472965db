package dev.kafkasteward.grafana;

import dev.kafkasteward.contract.ownership.Ownership;
import dev.kafkasteward.grafana.model.Dashboard;
import dev.kafkasteward.grafana.model.DataPanel;
import dev.kafkasteward.grafana.model.Panel;
import dev.kafkasteward.grafana.model.RowPanel;
import dev.kafkasteward.grafana.model.Target;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every panel query of the generated dashboards with the template variables replaced by given values, as
 * Grafana would send them to Prometheus. An end-to-end test runs each one against Prometheus' HTTP API
 * ({@code /api/v1/query}) and expects data.
 */
public final class PanelQueries {

    /** {@code ${name}}, {@code ${name:format}} or {@code $name}. */
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{(\\w+)(?::[^}]*)?}|\\$(\\w+)");

    /**
     * One query of one panel, variables substituted.
     *
     * @param alertView whether the panel shows what an alert evaluates (its query is the alert's value, scoped
     *                  to the dashboard's variables), rather than a curated view
     */
    public record PanelQuery(String dashboardUid, String panelTitle, String refId, String expr, boolean alertView) {
    }

    private PanelQueries() {
    }

    /**
     * Values for the generated variables as a dashboard opened on {@code ownership}'s cluster shows them: every
     * job and instance ("All" is {@code .+}), a {@code $__rate_interval} of 1m (4 × a 15 s scrape interval).
     */
    public static Map<String, String> defaults(Ownership ownership) {
        Map<String, String> values = new TreeMap<>();
        values.put("cluster", ownership.cluster());
        values.put("job", ".+");
        values.put("instance", ".+");
        values.put("__rate_interval", "1m");
        return values;
    }

    /**
     * The queries of every data panel, in dashboard and panel order. {@code values} are inserted as they are
     * (regex values for {@code job} and {@code instance}); a variable without a value is an error, so no
     * query reaches Prometheus with a {@code $} left in it.
     */
    public static List<PanelQuery> of(List<Dashboard> dashboards, Map<String, String> values) {
        List<PanelQuery> queries = new ArrayList<>();
        for (Dashboard dashboard : dashboards) {
            for (Panel panel : dashboard.panels()) {
                add(dashboard, panel, values, queries);
                if (panel instanceof RowPanel row) {
                    row.panels().forEach(nested -> add(dashboard, nested, values, queries));
                }
            }
        }
        return queries;
    }

    static String substitute(String expr, Map<String, String> values) {
        Matcher m = VARIABLE.matcher(expr);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1) != null ? m.group(1) : m.group(2);
            String value = values.get(name);
            if (value == null) {
                throw new IllegalArgumentException("no value for $" + name + " in " + expr);
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static void add(Dashboard dashboard, Panel panel, Map<String, String> values, List<PanelQuery> out) {
        if (panel instanceof DataPanel data) {
            for (Target target : data.targets()) {
                out.add(new PanelQuery(dashboard.uid(), data.title(), target.refId(),
                        substitute(target.expr(), values),
                        data.description().startsWith(SignalPanels.DESCRIPTION_PREFIX)));
            }
        }
    }
}
