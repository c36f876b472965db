package dev.kafkasteward.rules.alertmanager;

/**
 * The Alertmanager release the generated routing must load in. Releases differ in which
 * {@code *_file} secret options they accept, and an unknown field makes Alertmanager refuse the
 * whole configuration.
 */
public enum AlertmanagerVersion {
    /** Debian bookworm's package: no {@code url_file} on webhook receivers. */
    V0_25(false),
    /** 0.26 and later: webhook receivers may read their URL from {@code url_file}. */
    V0_26_OR_LATER(true);

    private final boolean webhookUrlFile;

    AlertmanagerVersion(boolean webhookUrlFile) {
        this.webhookUrlFile = webhookUrlFile;
    }

    /** Whether {@code webhook_configs[].url_file} is accepted. */
    public boolean supportsWebhookUrlFile() {
        return webhookUrlFile;
    }
}
