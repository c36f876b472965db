package dev.kafkasteward.contract.ownership;

import java.util.Optional;
import java.util.regex.Pattern;

/** A percentage as owners write it ({@code 99.5%}), kept as a ratio in [0, 1] for expressions. */
public record Percent(double ratio, String text) {

    private static final Pattern SYNTAX = Pattern.compile("\\d{1,3}(\\.\\d{1,6})?%");

    public static Optional<Percent> parse(String text) {
        if (text == null || !SYNTAX.matcher(text).matches()) {
            return Optional.empty();
        }
        double value = Double.parseDouble(text.substring(0, text.length() - 1));
        if (value > 100.0) {
            return Optional.empty();
        }
        return Optional.of(new Percent(value / 100.0, text));
    }

    @Override
    public String toString() {
        return text;
    }
}
