package dev.kafkasteward.exporter.disk;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What the forecaster remembers of one log dir: volume samples within the window, thinned to at most
 * about {@code maxSamples}, and a byte rate per topic. Immutable; {@link #with} returns the next one.
 */
public record LogDirHistory(List<DiskSample> samples, Map<String, TopicRate> topicRates) {

    public static final LogDirHistory EMPTY = new LogDirHistory(List.of(), Map.of());

    public LogDirHistory {
        samples = List.copyOf(samples);
        topicRates = Map.copyOf(topicRates);
    }

    /** Whether a sample was already taken at {@code at} or later: a dir served again from its last read. */
    public boolean isSampledAt(Instant at) {
        return !samples.isEmpty() && !samples.get(samples.size() - 1).at().isBefore(at);
    }

    /** This history plus {@code sample}, with samples older than the window dropped and close ones thinned. */
    public LogDirHistory with(DiskSample sample, Map<String, TopicRate> rates, ForecastSettings settings) {
        List<DiskSample> next = new ArrayList<>(samples);
        if (!next.isEmpty() && !sample.at().isAfter(next.get(next.size() - 1).at())) {
            return new LogDirHistory(samples, rates); // a clock step back: keep the series monotonic
        }
        // The newest sample is always kept; the previous newest stays only if it is at least minSpacing
        // after its predecessor, so all kept samples but the newest are that far apart.
        next.add(sample);
        int n = next.size();
        if (n >= 3 && next.get(n - 3).at().plus(settings.minSpacing()).isAfter(next.get(n - 2).at())) {
            next.remove(n - 2);
        }
        Instant horizon = sample.at().minus(settings.window());
        next.removeIf(s -> s.at().isBefore(horizon));
        return new LogDirHistory(next, rates);
    }
}
