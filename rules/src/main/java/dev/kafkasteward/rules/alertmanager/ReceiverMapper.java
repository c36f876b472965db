package dev.kafkasteward.rules.alertmanager;

import dev.kafkasteward.contract.ownership.Receiver;
import dev.kafkasteward.contract.ownership.Team;
import dev.kafkasteward.rules.alertmanager.AlertmanagerConfig.EmailConfig;
import dev.kafkasteward.rules.alertmanager.AlertmanagerConfig.PagerdutyConfig;
import dev.kafkasteward.rules.alertmanager.AlertmanagerConfig.ReceiverConfig;
import dev.kafkasteward.rules.alertmanager.AlertmanagerConfig.SlackConfig;
import dev.kafkasteward.rules.alertmanager.AlertmanagerConfig.WebhookConfig;
import java.util.ArrayList;
import java.util.List;

/**
 * Maps a team's receivers from ownership.yml to one Alertmanager receiver named after the team.
 * Secrets stay file references; an option the target Alertmanager does not accept is refused here,
 * with the reason, rather than producing a config Alertmanager would reject as a whole.
 */
final class ReceiverMapper {

    private final AlertmanagerVersion version;

    ReceiverMapper(AlertmanagerVersion version) {
        this.version = version;
    }

    ReceiverConfig map(Team team) {
        List<WebhookConfig> webhooks = new ArrayList<>();
        List<SlackConfig> slack = new ArrayList<>();
        List<EmailConfig> email = new ArrayList<>();
        List<PagerdutyConfig> pagerduty = new ArrayList<>();
        for (Receiver receiver : team.receivers()) {
            if (receiver instanceof Receiver.Webhook w) {
                webhooks.add(webhook(team, w));
            } else if (receiver instanceof Receiver.Slack s) {
                slack.add(new SlackConfig(s.apiUrlFile(), s.channel(), true));
            } else if (receiver instanceof Receiver.Email e) {
                email.add(new EmailConfig(e.to(), e.from().orElse(null), e.smarthost().orElse(null),
                        e.authUsername().orElse(null), e.authPasswordFile().orElse(null)));
            } else if (receiver instanceof Receiver.PagerDuty p) {
                pagerduty.add(new PagerdutyConfig(p.routingKeyFile()));
            } else {
                throw new IllegalStateException("unmapped receiver type " + receiver.getClass().getSimpleName());
            }
        }
        return new ReceiverConfig(team.name(), nullIfEmpty(webhooks), nullIfEmpty(slack), nullIfEmpty(email),
                nullIfEmpty(pagerduty));
    }

    private WebhookConfig webhook(Team team, Receiver.Webhook w) {
        if (w.urlFile().isPresent() && !version.supportsWebhookUrlFile()) {
            throw new IllegalArgumentException("team '" + team.name() + "': a webhook receiver with url_file needs"
                    + " Alertmanager 0.26 or later, but the target is " + version + ", which rejects the field;"
                    + " use a url without a secret in it, or generate for AlertmanagerVersion.V0_26_OR_LATER");
        }
        return new WebhookConfig(w.url().orElse(null), w.urlFile().orElse(null), true);
    }

    private static <T> List<T> nullIfEmpty(List<T> list) {
        return list.isEmpty() ? null : List.copyOf(list);
    }
}
