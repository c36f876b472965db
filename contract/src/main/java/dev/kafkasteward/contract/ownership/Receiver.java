package dev.kafkasteward.contract.ownership;

import java.util.Optional;

/**
 * Where a team is reached. Secrets (Slack URLs, PagerDuty keys, SMTP passwords) are only ever
 * referenced by file, so generated configuration never contains them.
 */
public sealed interface Receiver {

    /** A generic webhook; the URL is given inline or, when it carries a token, by file. */
    record Webhook(Optional<String> url, Optional<String> urlFile) implements Receiver {
    }

    record Slack(String channel, String apiUrlFile) implements Receiver {
    }

    record Email(String to, Optional<String> from, Optional<String> smarthost,
                 Optional<String> authUsername, Optional<String> authPasswordFile) implements Receiver {
    }

    record PagerDuty(String routingKeyFile) implements Receiver {
    }
}
