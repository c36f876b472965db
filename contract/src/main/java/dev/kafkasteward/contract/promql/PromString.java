package dev.kafkasteward.contract.promql;

/**
 * A PromQL (and Alertmanager matcher) double-quoted string literal, spelled once for every module that writes
 * PromQL: the generators (through signals' {@code PromQl}) and the {@code gate} command's queries.
 */
public final class PromString {

    private PromString() {
    }

    /** {@code value} as a double-quoted literal: backslash, quote and line breaks escaped. */
    public static String quote(String value) {
        return '"' + value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n").replace("\r", "\\r") + '"';
    }
}
