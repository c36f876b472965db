package dev.kafkasteward.exporter.disk;

import java.time.Duration;
import java.time.Instant;
import java.util.OptionalDouble;

/**
 * Byte rate at which one topic's data arrives in one log dir, estimated from its size over time.
 * Intervals in which the size shrank contain a segment deletion, so they say nothing about arrivals
 * and are skipped; the others feed an exponentially weighted mean with a time constant of the
 * forecast window. Constant-size state: no per-topic sample history is kept.
 *
 * @param lastBytes     size at the last reading
 * @param lastAt        time of the last reading
 * @param replicas      replicas of the topic in the dir at the last reading; a change resets the rate
 * @param bytesPerSecond estimated rate, empty before the first usable interval
 * @param observed      total length of the intervals that fed the rate
 */
public record TopicRate(long lastBytes, Instant lastAt, int replicas, OptionalDouble bytesPerSecond,
                        Duration observed) {

    public static TopicRate first(long bytes, Instant at, int replicas) {
        return new TopicRate(bytes, at, replicas, OptionalDouble.empty(), Duration.ZERO);
    }

    /** The rate after a new reading, weighting the past by exp(-dt / timeConstant). */
    public TopicRate next(long bytes, Instant at, int replicasNow, Duration timeConstant) {
        if (replicasNow != replicas) {
            return first(bytes, at, replicasNow); // a replica moved in or out: the size jump is not traffic
        }
        double dt = Duration.between(lastAt, at).toMillis() / 1000.0;
        if (dt <= 0) {
            return this;
        }
        if (bytes < lastBytes) {
            return new TopicRate(bytes, at, replicas, bytesPerSecond, observed);
        }
        double sample = (bytes - lastBytes) / dt;
        double alpha = 1 - Math.exp(-dt / (timeConstant.toMillis() / 1000.0));
        double rate = bytesPerSecond.isPresent() ? bytesPerSecond.getAsDouble()
                + alpha * (sample - bytesPerSecond.getAsDouble()) : sample;
        return new TopicRate(bytes, at, replicas, OptionalDouble.of(rate), observed.plus(Duration.between(lastAt, at)));
    }
}
