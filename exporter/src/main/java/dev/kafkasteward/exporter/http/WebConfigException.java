package dev.kafkasteward.exporter.http;

/** A user mistake in the web security files (TLS certificate, key, users file): one line, exit 2. */
public final class WebConfigException extends Exception {

    public WebConfigException(String message) {
        super(message);
    }
}
