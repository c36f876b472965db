package dev.kafkasteward.exporter.disk;

import java.time.Duration;
import java.util.List;

/**
 * Turns a log dir's volume history into a {@link Forecast}. Pure: time comes from the samples. The
 * growth rate is the slope of a {@link RobustTrend} of consumed space; time to exhaustion is the
 * fitted free space now divided by it, unless retention levels Kafka's data off below what the volume
 * holds for Kafka (its data now plus the usable space).
 */
public final class DiskForecaster {

    private final ForecastSettings settings;

    public DiskForecaster(ForecastSettings settings) {
        this.settings = settings;
    }

    public Forecast forecast(List<DiskSample> samples, SteadyState steadyState) {
        if (samples.size() < 2) {
            return new Forecast.InsufficientHistory(samples.size(), Duration.ZERO);
        }
        DiskSample newest = samples.get(samples.size() - 1);
        Duration span = Duration.between(samples.get(0).at(), newest.at());
        if (samples.size() < settings.minSamples() || span.compareTo(settings.minSpan()) < 0) {
            return new Forecast.InsufficientHistory(samples.size(), span);
        }
        RobustTrend trend = RobustTrend.fit(samples, DiskSample::consumedBytes, DiskSample::at);
        double rate = trend.slope();
        if (rate <= 0) {
            return new Forecast.NotGrowing(rate);
        }
        if (steadyState instanceof SteadyState.Bounded bounded
                && bounded.bytes() < newest.usedBytes() + (double) newest.usableBytes()) {
            return new Forecast.CappedByRetention(rate, bounded.bytes());
        }
        double free = Math.max(0, newest.totalBytes() - trend.level());
        return new Forecast.Estimated(rate, free / rate);
    }
}
