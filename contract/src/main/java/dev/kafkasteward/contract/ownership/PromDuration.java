package dev.kafkasteward.contract.ownership;

import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A duration written the Prometheus way ({@code 30s}, {@code 5m}, {@code 1h30m}), kept with its
 * text so generated rules repeat what the owner wrote.
 */
public record PromDuration(Duration value, String text) {

    // Units in Prometheus' order; each may appear at most once, largest first.
    private static final Pattern SYNTAX = Pattern.compile(
            "(?:(\\d+)y)?(?:(\\d+)w)?(?:(\\d+)d)?(?:(\\d+)h)?(?:(\\d+)m)?(?:(\\d+)s)?(?:(\\d+)ms)?");
    private static final long[] UNIT_MILLIS = {
        365L * 24 * 3600 * 1000, 7L * 24 * 3600 * 1000, 24L * 3600 * 1000, 3600L * 1000, 60L * 1000, 1000L, 1L
    };

    public PromDuration {
        if (value.isNegative()) {
            throw new IllegalArgumentException("negative duration: " + text);
        }
    }

    /** Parses {@code text}; empty when it is not a Prometheus duration or is zero-length text. */
    public static Optional<PromDuration> parse(String text) {
        if (text == null || text.isEmpty() || text.length() > 64) {
            return Optional.empty();
        }
        Matcher m = SYNTAX.matcher(text);
        if (!m.matches()) {
            return Optional.empty();
        }
        long millis = 0;
        for (int i = 0; i < UNIT_MILLIS.length; i++) {
            String group = m.group(i + 1);
            if (group != null) {
                try {
                    millis = Math.addExact(millis, Math.multiplyExact(Long.parseLong(group), UNIT_MILLIS[i]));
                } catch (ArithmeticException | NumberFormatException tooLarge) {
                    return Optional.empty();
                }
            }
        }
        return Optional.of(new PromDuration(Duration.ofMillis(millis), text));
    }

    /** The canonical Prometheus text for a whole number of seconds, e.g. 90 s -> {@code 1m30s}. */
    public static PromDuration ofSeconds(long seconds) {
        return ofMillis(Math.multiplyExact(seconds, 1000L));
    }

    /** The canonical Prometheus text for a whole number of milliseconds, e.g. 1500 ms -> {@code 1s500ms}. */
    public static PromDuration ofMillis(long millis) {
        StringBuilder sb = new StringBuilder();
        long rest = millis;
        long[] units = {86_400_000, 3_600_000, 60_000, 1000, 1};
        String[] names = {"d", "h", "m", "s", "ms"};
        for (int i = 0; i < units.length; i++) {
            if (rest >= units[i]) {
                sb.append(rest / units[i]).append(names[i]);
                rest %= units[i];
            }
        }
        return new PromDuration(Duration.ofMillis(millis), sb.length() == 0 ? "0s" : sb.toString());
    }

    public long seconds() {
        return value.toSeconds();
    }

    @Override
    public String toString() {
        return text;
    }
}
