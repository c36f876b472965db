package dev.kafkasteward.signals.share;

import dev.kafkasteward.contract.catalog.AlertCatalog;
import dev.kafkasteward.contract.catalog.ShareGroupMetrics;
import dev.kafkasteward.contract.ownership.Ownership;
import dev.kafkasteward.contract.ownership.PromDuration;
import dev.kafkasteward.contract.ownership.ResponsibilityArea;
import dev.kafkasteward.contract.ownership.ShareGroupOwnership;
import dev.kafkasteward.contract.ownership.Tier;
import dev.kafkasteward.signals.AlertInstance;
import dev.kafkasteward.signals.Condition;
import dev.kafkasteward.signals.Inhibition;
import dev.kafkasteward.signals.InstanceFamily;
import dev.kafkasteward.signals.Recipient;
import dev.kafkasteward.signals.Scenario;
import dev.kafkasteward.signals.Scenarios;
import dev.kafkasteward.signals.ServingReplicas;
import dev.kafkasteward.signals.SeverityRule;
import dev.kafkasteward.signals.Text;
import dev.kafkasteward.signals.claim.Claim;
import dev.kafkasteward.signals.promql.PromQl;
import dev.kafkasteward.signals.promql.ValueUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Share groups (Kafka's queues), per share-group entry, to its owner: the age of the oldest record not
 * acknowledged above the entry's warning and critical thresholds, per group and topic; and share-partitions
 * stalled (members present, nothing acknowledged) or stopped (a backlog, no member).
 */
public final class ShareGroupAlerts extends InstanceFamily {

    public static final String WARNING_ALERT = AlertCatalog.SHARE_BACKLOG_AGE_WARNING.name();
    public static final String CRITICAL_ALERT = AlertCatalog.SHARE_BACKLOG_AGE_CRITICAL.name();
    public static final String STALLED = AlertCatalog.SHARE_PARTITION_STALLED.name();
    public static final String STOPPED = AlertCatalog.SHARE_PARTITION_STOPPED.name();
    /** One alert per group and topic. */
    static final List<String> BY = List.of("cluster", "group", "topic");

    /** One status signal: the status value and what it means to the owner. */
    private record StatusSignal(String alert, String status, String summary, String meaning) {
    }

    private static final List<StatusSignal> STATUS_SIGNALS = List.of(
            new StatusSignal(STALLED, "stalled", "is stalled on",
                    "have a backlog while the group's members acknowledge nothing"),
            new StatusSignal(STOPPED, "stopped", "has stopped consuming",
                    "have a backlog and the group has no member"));

    public ShareGroupAlerts(double timeScale) {
        super(timeScale);
    }

    @Override
    public String name() {
        return "share-groups";
    }

    @Override
    public List<AlertInstance> instances(Ownership ownership) {
        String cluster = ownership.cluster();
        List<AlertInstance> instances = new ArrayList<>();
        for (Claim<ShareGroupOwnership> claim : Claim.plan(ownership.shareGroups(), ownership::shareGroupOwner)) {
            ShareGroupOwnership entry = claim.entry();
            Tier tier = ownership.tier(entry.tier());
            Recipient to = Recipient.of(ownership, ResponsibilityArea.CONSUMER_LAG, entry);
            String[] matchers = claim.matchers("group", cluster).toArray(String[]::new);
            PromDuration alertFor = scaled(tier.alertFor());
            backlogAge(instances, to, claim, matchers, cluster, tier, alertFor, WARNING_ALERT, "warning",
                    entry.backlogAgeWarning(), SeverityRule.WARNING);
            backlogAge(instances, to, claim, matchers, cluster, tier, alertFor, CRITICAL_ALERT, "critical",
                    entry.backlogAgeCritical(), SeverityRule.TIER);
            for (StatusSignal s : STATUS_SIGNALS) {
                // Per share-partition the largest over exporter replicas first: two replicas do not double it.
                Condition condition = Condition.above("count by (cluster, group, topic) (max by (cluster, group,"
                        + " topic, partition) (" + ServingReplicas.only(ShareGroupMetrics.PARTITION_STATUS.select(
                        with(matchers, PromQl.eq("status", s.status())))) + ") == 1)", 0);
                Text text = new Text(v -> "Share group " + v.label("group") + " " + s.summary() + " topic "
                        + v.label("topic") + ".",
                        v -> v.value(ValueUnit.NUMBER) + " partitions of topic " + v.label("topic") + " in cluster "
                                + v.label("cluster") + " " + s.meaning() + " (share group " + v.label("group") + ", "
                                + tier.name() + "). Owner: " + entry.owner() + ".");
                instances.add(to.alert(s.alert(), condition, alertFor, SeverityRule.TIER, text,
                        claim.sample().map(group -> List.of(Scenarios.gauge(ShareGroupMetrics.PARTITION_STATUS,
                                cluster, List.of("group", "topic"), Map.of("group", group, "topic", "jobs",
                                        "partition", "0", "status", s.status()), 1,
                                Map.of("group", group, "topic", "fine", "partition", "0", "status", s.status()), 0)))
                                .orElse(List.of())));
            }
        }
        return instances;
    }

    private void backlogAge(List<AlertInstance> instances, Recipient to, Claim<ShareGroupOwnership> claim,
                            String[] matchers, String cluster, Tier tier, PromDuration alertFor, String alert,
                            String word, PromDuration threshold, SeverityRule severity) {
        double seconds = threshold.value().toMillis() / 1000.0;
        // The group/topic maximum, served whatever the per-partition series limit.
        Condition condition = Condition.above("max by (cluster, group, topic) (" + ServingReplicas.only(
                ShareGroupMetrics.TOPIC_MAX_BACKLOG_AGE.select(matchers)) + ")", seconds);
        Text text = new Text(v -> "Share group " + v.label("group") + " has records older than " + threshold.text()
                + " not acknowledged on topic " + v.label("topic") + ".",
                v -> "The oldest record share group " + v.label("group") + " has not acknowledged on topic "
                        + v.label("topic") + " in cluster " + v.label("cluster") + " is " + v.value(ValueUnit.DURATION)
                        + " old, above the " + word + " threshold of " + threshold.text() + " for " + tier.name()
                        + ". Owner: " + claim.entry().owner() + ".");
        instances.add(to.alert(alert, condition, alertFor, severity, text, claim.sample().map(group -> List.of(
                Scenarios.gauge(ShareGroupMetrics.TOPIC_MAX_BACKLOG_AGE, cluster, List.of("group", "topic"),
                        Map.of("group", group, "topic", "jobs"), seconds + 1,
                        Map.of("group", group, "topic", "fine"), Math.max(0, seconds - 1)))).orElse(List.of())));
    }

    /** While the critical alert fires for a group and topic, its warning is muted. */
    @Override
    public List<Inhibition> inhibitions() {
        return List.of(Inhibition.of(CRITICAL_ALERT, PromQl.eq("alertname", WARNING_ALERT), BY));
    }

    private static String[] with(String[] matchers, String extra) {
        List<String> all = new ArrayList<>(List.of(matchers));
        all.add(extra);
        return all.toArray(String[]::new);
    }
}
