package dev.kafkasteward.rules.alertmanager;

import java.util.List;

/**
 * The subset of {@code alertmanager.yml} Kafka Steward writes, as typed records for the YAML
 * writer. Null fields are omitted; every secret is a {@code *_file} path, never a value.
 */
public record AlertmanagerConfig(Global global, Route route, List<InhibitRule> inhibitRules,
                                 List<ReceiverConfig> receivers) {

    public AlertmanagerConfig {
        inhibitRules = List.copyOf(inhibitRules);
        receivers = List.copyOf(receivers);
    }

    /** Global SMTP defaults, present only when an email receiver relies on them. */
    public record Global(String smtpFrom, String smtpSmarthost) {
    }

    /**
     * A routing-tree node; {@code matchers} use Alertmanager's {@code label="value"} syntax. With
     * {@code continue: true} an alert this node matched goes on to the next sibling, so one alert can
     * reach several teams.
     */
    public record Route(String receiver, List<String> groupBy, List<String> matchers, String groupWait,
                        String groupInterval, String repeatInterval,
                        @com.fasterxml.jackson.annotation.JsonProperty("continue") Boolean continueMatching,
                        List<Route> routes) {
    }

    /** Mutes {@code target} alerts while a {@code source} alert with the same {@code equal} labels fires. */
    public record InhibitRule(List<String> sourceMatchers, List<String> targetMatchers, List<String> equal) {

        public InhibitRule {
            sourceMatchers = List.copyOf(sourceMatchers);
            targetMatchers = List.copyOf(targetMatchers);
            equal = List.copyOf(equal);
        }
    }

    /** One named receiver holding every integration of one team. */
    public record ReceiverConfig(String name, List<WebhookConfig> webhookConfigs, List<SlackConfig> slackConfigs,
                                 List<EmailConfig> emailConfigs, List<PagerdutyConfig> pagerdutyConfigs) {
    }

    /** {@code url} inline, or {@code url_file} (Alertmanager 0.26 and later). */
    public record WebhookConfig(String url, String urlFile, Boolean sendResolved) {
    }

    /** Slack via an incoming-webhook URL read from {@code api_url_file}. */
    public record SlackConfig(String apiUrlFile, String channel, Boolean sendResolved) {
    }

    /** Email; {@code from} and {@code smarthost} fall back to {@link Global} when null. */
    public record EmailConfig(String to, String from, String smarthost, String authUsername,
                              String authPasswordFile) {
    }

    /** PagerDuty Events API v2, keyed by {@code routing_key_file}. */
    public record PagerdutyConfig(String routingKeyFile) {
    }
}
