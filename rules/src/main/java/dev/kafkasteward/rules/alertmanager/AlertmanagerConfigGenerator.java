package dev.kafkasteward.rules.alertmanager;

import dev.kafkasteward.contract.ownership.Ownership;
import dev.kafkasteward.contract.ownership.Receiver;
import dev.kafkasteward.contract.ownership.Severity;
import dev.kafkasteward.rules.alertmanager.AlertmanagerConfig.Global;
import dev.kafkasteward.rules.alertmanager.AlertmanagerConfig.InhibitRule;
import dev.kafkasteward.signals.AlertInstance;
import dev.kafkasteward.signals.Inhibition;
import java.util.ArrayList;
import java.util.Set;
import dev.kafkasteward.rules.alertmanager.AlertmanagerConfig.Route;
import dev.kafkasteward.signals.promql.PromQl;
import java.util.List;

/**
 * Builds the Alertmanager routing: one receiver per team; per team one route matching its {@code team} label
 * and, when some alert shares the responsibility with it, one matching its name in the {@code also_notify}
 * label, each with a faster-paced child route for critical alerts and a slower one for info. Every team route
 * continues to its siblings, so an alert reaches its owner and each team it also notifies, once each. The
 * {@code unowned} owner's receiver sits at the root for anything no route matches.
 */
public final class AlertmanagerConfigGenerator {

    /** Labels that make one notification: per cluster, alert and team. */
    public static final List<String> GROUP_BY = List.of("cluster", "alertname", "team");

    private final AlertmanagerVersion version;
    private final double timeScale;
    private final Global smtpDefaults;

    /**
     * @param version      the Alertmanager release the config must load in
     * @param timeScale    factor for every timer (see {@code RulesOptions.timeScale})
     * @param smtpDefaults written as {@code global:} when an email receiver lacks {@code from} or {@code smarthost}
     */
    public AlertmanagerConfigGenerator(AlertmanagerVersion version, double timeScale, Global smtpDefaults) {
        this.version = version;
        this.timeScale = timeScale;
        this.smtpDefaults = smtpDefaults;
    }

    /**
     * @param alsoNotified the teams some alert also notifies (they get an {@code also_notify} route)
     */
    public AlertmanagerConfig generate(Ownership ownership, List<Inhibition> inhibitions, Set<String> alsoNotified) {
        List<InhibitRule> inhibitRules = inhibitions.stream().map(i -> new InhibitRule(i.sourceMatchers(),
                i.targetMatchers(), i.equal())).toList();
        ReceiverMapper mapper = new ReceiverMapper(version);
        Timings warning = Timings.warning(timeScale);
        Timings critical = Timings.critical(timeScale);
        Timings info = Timings.info(timeScale);
        List<Route> teamRoutes = new ArrayList<>();
        for (String team : ownership.teamNames()) {
            List<Route> paced = List.of(new Route(team, null, List.of(PromQl.eq("severity", Severity.CRITICAL.label())),
                            critical.groupWait(), critical.groupInterval(), critical.repeatInterval(), null, null),
                    new Route(team, null, List.of(PromQl.eq("severity", Severity.INFO.label())),
                            info.groupWait(), info.groupInterval(), info.repeatInterval(), null, null));
            teamRoutes.add(new Route(team, null, List.of(PromQl.eq("team", team)), null, null, null, true, paced));
            if (alsoNotified.contains(team)) {
                teamRoutes.add(new Route(team, null, List.of(alsoNotifies(team)), null, null, null, true, paced));
            }
        }
        Route root = new Route(ownership.unowned().owner(), GROUP_BY, null, warning.groupWait(),
                warning.groupInterval(), warning.repeatInterval(), null, teamRoutes);
        return new AlertmanagerConfig(global(ownership), root, inhibitRules,
                ownership.teams().values().stream().map(mapper::map).toList());
    }

    /** {@code also_notify=~"(.*,)?team(,.*)?"}: the team is one of the comma-separated names. */
    static String alsoNotifies(String team) {
        return PromQl.matches(AlertInstance.ALSO_NOTIFY_LABEL, "(.*,)?" + PromQl.regexLiteral(team) + "(,.*)?");
    }

    /** SMTP defaults, only when some email receiver lacks its own {@code from} or {@code smarthost}. */
    private Global global(Ownership ownership) {
        boolean needed = ownership.teams().values().stream().flatMap(t -> t.receivers().stream())
                .anyMatch(r -> r instanceof Receiver.Email e && (e.from().isEmpty() || e.smarthost().isEmpty()));
        return needed ? smtpDefaults : null;
    }
}
