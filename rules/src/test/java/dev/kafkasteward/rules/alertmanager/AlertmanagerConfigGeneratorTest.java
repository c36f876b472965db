package dev.kafkasteward.rules.alertmanager;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kafkasteward.contract.ownership.Ownership;
import dev.kafkasteward.contract.ownership.OwnershipException;
import dev.kafkasteward.contract.ownership.OwnershipLoader;
import dev.kafkasteward.rules.alertmanager.AlertmanagerConfig.Global;
import dev.kafkasteward.rules.alertmanager.AlertmanagerConfig.ReceiverConfig;
import dev.kafkasteward.rules.alertmanager.AlertmanagerConfig.Route;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Receivers map one-to-one from ownership.yml, secrets stay file references, routing is per team. */
class AlertmanagerConfigGeneratorTest {

    private static final Global SMTP = new Global("am@localhost", "localhost:25");

    @Test
    void everyReceiverTypeMapsToItsAlertmanagerIntegration() {
        AlertmanagerConfig config = generate(AlertmanagerVersion.V0_25, """
                  ops:
                    receivers:
                      - type: webhook
                        url: http://127.0.0.1:9/ops
                      - type: slack
                        channel: "#ops"
                        api_url_file: /s/slack
                      - type: email
                        to: ops@example.com
                        from: am@example.com
                        smarthost: smtp.example.com:587
                        auth_username: am
                        auth_password_file: /s/smtp
                      - type: pagerduty
                        routing_key_file: /s/pd
                """);
        ReceiverConfig ops = config.receivers().get(0);
        assertEquals("ops", ops.name());
        assertEquals(List.of(new AlertmanagerConfig.WebhookConfig("http://127.0.0.1:9/ops", null, true)),
                ops.webhookConfigs());
        assertEquals(List.of(new AlertmanagerConfig.SlackConfig("/s/slack", "#ops", true)), ops.slackConfigs());
        assertEquals(List.of(new AlertmanagerConfig.EmailConfig("ops@example.com", "am@example.com",
                "smtp.example.com:587", "am", "/s/smtp")), ops.emailConfigs());
        assertEquals(List.of(new AlertmanagerConfig.PagerdutyConfig("/s/pd")), ops.pagerdutyConfigs());
        assertNull(config.global(), "every email receiver has its own from and smarthost");
    }

    @Test
    void globalSmtpIsWrittenOnlyWhenAnEmailReceiverNeedsIt() {
        AlertmanagerConfig config = generate(AlertmanagerVersion.V0_25, """
                  ops:
                    receivers:
                      - type: email
                        to: ops@example.com
                """);
        assertEquals(SMTP, config.global());
        assertNull(config.receivers().get(0).webhookConfigs());
    }

    @Test
    void webhookUrlFileIsRefusedForAlertmanager025WithTheReason() {
        String team = """
                  ops:
                    receivers:
                      - type: webhook
                        url_file: /s/hook
                """;
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> generate(AlertmanagerVersion.V0_25, team));
        assertEquals("team 'ops': a webhook receiver with url_file needs Alertmanager 0.26 or later, but the target"
                + " is V0_25, which rejects the field; use a url without a secret in it, or generate for"
                + " AlertmanagerVersion.V0_26_OR_LATER", e.getMessage());
        AlertmanagerConfig newer = generate(AlertmanagerVersion.V0_26_OR_LATER, team);
        assertEquals(List.of(new AlertmanagerConfig.WebhookConfig(null, "/s/hook", true)),
                newer.receivers().get(0).webhookConfigs());
    }

    @Test
    void eachTeamHasARouteAndACriticalChildRouteAndThePlatformOwnerIsTheDefault() {
        AlertmanagerConfig config = generate(AlertmanagerVersion.V0_25, """
                  ops:
                    receivers:
                      - type: webhook
                        url: http://127.0.0.1:9/ops
                  shop:
                    receivers:
                      - type: webhook
                        url: http://127.0.0.1:9/shop
                """);
        Route root = config.route();
        assertEquals("ops", root.receiver());
        assertEquals(List.of("cluster", "alertname", "team"), root.groupBy());
        assertEquals(List.of("30s", "5m", "4h"), List.of(root.groupWait(), root.groupInterval(), root.repeatInterval()));
        assertEquals(List.of("ops", "shop"), root.routes().stream().map(Route::receiver).toList());
        Route shop = root.routes().get(1);
        assertEquals(List.of("team=\"shop\""), shop.matchers());
        Route critical = shop.routes().get(0);
        assertEquals("shop", critical.receiver());
        assertEquals(List.of("severity=\"critical\""), critical.matchers());
        assertEquals(List.of("10s", "1m", "1h"),
                List.of(critical.groupWait(), critical.groupInterval(), critical.repeatInterval()));
        assertTrue(shop.groupWait() == null, "warnings inherit the root timings");
    }

    private static AlertmanagerConfig generate(AlertmanagerVersion version, String teams) {
        String yaml = "cluster: c\nteams:\n" + teams + """
                tiers:
                  t:
                    severity: critical
                platform:
                  owner: ops
                  tier: t
                """;
        Ownership ownership;
        try {
            ownership = new OwnershipLoader().parse("inline.yml", yaml);
        } catch (OwnershipException e) {
            throw new AssertionError(e.getMessage(), e);
        }
        return new AlertmanagerConfigGenerator(version, 1.0, SMTP).generate(ownership, List.of(), java.util.Set.of());
    }
}
