package dev.kafkasteward.exporter.deadletter;

import dev.kafkasteward.exporter.observation.FailureHeaders;
import java.util.Map;
import java.util.Optional;

/**
 * Why a record was dead-lettered and where it came from, as its headers tell. The team's own
 * {@code reason_header} wins (it is the most specific), then Kafka Connect's exception class, then
 * Spring Kafka's; the source topic comes from Connect's or Spring's header, else from ownership.yml.
 */
record Failure(Optional<String> reason, Optional<String> sourceTopic) {

    static Failure of(Map<String, String> headers, Optional<String> reasonHeader, Optional<String> declaredSource) {
        Optional<String> reason = reasonHeader.map(headers::get).filter(v -> !v.isBlank())
                .or(() -> nonBlank(headers.get(FailureHeaders.CONNECT_EXCEPTION_CLASS)))
                .or(() -> nonBlank(headers.get(FailureHeaders.SPRING_EXCEPTION_FQCN)));
        Optional<String> source = nonBlank(headers.get(FailureHeaders.CONNECT_TOPIC))
                .or(() -> nonBlank(headers.get(FailureHeaders.SPRING_ORIGINAL_TOPIC)))
                .or(() -> declaredSource);
        return new Failure(reason, source);
    }

    private static Optional<String> nonBlank(String v) {
        return v == null || v.isBlank() ? Optional.empty() : Optional.of(v.strip());
    }
}
