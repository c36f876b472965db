package dev.kafkasteward.signals.promql;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Java twins of the Prometheus template functions our annotations use ({@code humanizeDuration},
 * {@code humanize}, {@code humanizePercentage}), so promtool tests can state the exact annotation
 * text an alert must carry.
 */
public final class Humanize {

    private static final String[] BIG = {"k", "M", "G", "T", "P", "E", "Z", "Y"};
    private static final String[] SMALL = {"m", "u", "n", "p", "f", "a", "z", "y"};

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

    /** Prometheus' {@code humanize}: SI prefixes, k and up or m and down. */
    public static String number(double value) {
        if (value == 0) {
            return "0";
        }
        double v = value;
        String prefix = "";
        if (Math.abs(v) >= 1) {
            for (String p : BIG) {
                if (Math.abs(v) < 1000) {
                    break;
                }
                prefix = p;
                v /= 1000;
            }
        } else {
            for (String p : SMALL) {
                if (Math.abs(v) >= 1) {
                    break;
                }
                prefix = p;
                v *= 1000;
            }
        }
        return fourSignificant(v) + prefix;
    }

    /** Prometheus' {@code humanizePercentage}: a ratio as a percentage. */
    public static String percentage(double ratio) {
        return fourSignificant(ratio * 100) + "%";
    }

    // Go's %.4g for values below 10^4, which is all these functions pass here; Go rounds half to even.
    private static String fourSignificant(double value) {
        if (value == 0) {
            return "0";
        }
        return new BigDecimal(value).round(new MathContext(4, RoundingMode.HALF_EVEN)).stripTrailingZeros()
                .toPlainString();
    }
}
