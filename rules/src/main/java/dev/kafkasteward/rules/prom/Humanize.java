package dev.kafkasteward.rules.prom;

import java.math.BigDecimal;
import java.math.MathContext;

/**
 * Java twin of the Prometheus template function {@code humanizeDuration} that our annotations use,
 * so promtool tests can state the exact annotation text an alert must carry.
 */
public final class Humanize {

    private Humanize() {
    }

    /** Prometheus' {@code humanizeDuration} for the values our tests feed (non-negative seconds). */
    public static String duration(double seconds) {
        if (seconds < 0) {
            throw new IllegalArgumentException("negative: " + seconds);
        }
        if (seconds == 0) {
            return "0s";
        }
        if (seconds < 1) {
            return fourSignificant(seconds * 1000) + "ms";
        }
        long whole = (long) seconds;
        long secs = whole % 60;
        long minutes = whole / 60 % 60;
        long hours = whole / 3600 % 24;
        long days = whole / 86400;
        if (days != 0) {
            return days + "d " + hours + "h " + minutes + "m " + secs + "s";
        }
        if (hours != 0) {
            return hours + "h " + minutes + "m " + secs + "s";
        }
        if (minutes != 0) {
            return minutes + "m " + secs + "s";
        }
        return fourSignificant(seconds) + "s";
    }

    // Go's %.4g for values below 10^4, which is all humanizeDuration passes here.
    private static String fourSignificant(double value) {
        return new BigDecimal(value).round(new MathContext(4)).stripTrailingZeros().toPlainString();
    }
}
