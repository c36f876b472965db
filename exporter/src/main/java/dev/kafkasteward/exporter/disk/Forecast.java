package dev.kafkasteward.exporter.disk;

import java.time.Duration;

/**
 * What the forecaster can say about a log dir's volume. Explicit cases instead of sentinel numbers;
 * the renderer decides what each becomes on a scrape.
 */
public sealed interface Forecast {

    /** Too few samples, or too short a span, to estimate anything without risking a wrong answer. */
    record InsufficientHistory(int samples, Duration span) implements Forecast {
    }

    /** Flat or shrinking: the volume is not heading for exhaustion. */
    record NotGrowing(double bytesPerSecond) implements Forecast {
    }

    /** Growing, but retention levels Kafka's data off at {@code steadyStateBytes}, below what the volume holds. */
    record CappedByRetention(double bytesPerSecond, double steadyStateBytes) implements Forecast {
    }

    /** Growing towards exhaustion in {@code seconds} at {@code bytesPerSecond}. */
    record Estimated(double bytesPerSecond, double seconds) implements Forecast {
    }
}
