package dev.kafkasteward.exporter.gate;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The gate's table: one row per blocking condition and asset, columns aligned. */
final class GateTable {

    static final List<String> HEADER = List.of("CONDITION", "ASSET", "VALUE", "THRESHOLD", "OWNER", "SINCE");

    private GateTable() {
    }

    static String render(List<Blocker> blockers, Instant now) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(HEADER);
        for (Blocker b : blockers) {
            rows.add(List.of(b.condition(), b.asset().isEmpty() ? "-" : b.asset(), number(b.value()), b.threshold(),
                    b.owner(), b.since().map(s -> s.truncatedTo(ChronoUnit.SECONDS) + " (" + ago(s, now) + " ago)")
                            .orElse("-")));
        }
        int[] widths = new int[HEADER.size()];
        rows.forEach(r -> {
            for (int i = 0; i < r.size(); i++) {
                widths[i] = Math.max(widths[i], r.get(i).length());
            }
        });
        StringBuilder out = new StringBuilder();
        for (List<String> r : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < r.size(); i++) {
                line.append(i == r.size() - 1 ? r.get(i) : pad(r.get(i), widths[i] + 2));
            }
            out.append(line.toString().stripTrailing()).append('\n');
        }
        return out.toString();
    }

    static String number(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return String.format(Locale.ROOT, "%.4g", v);
    }

    static String ago(Instant since, Instant now) {
        Duration d = Duration.between(since, now);
        if (d.isNegative()) {
            d = Duration.ZERO;
        }
        long s = d.toSeconds();
        if (s < 120) {
            return s + "s";
        }
        if (s < 7200) {
            return (s / 60) + "m";
        }
        return (s / 3600) + "h" + (s % 3600 / 60) + "m";
    }

    private static String pad(String text, int width) {
        return text + " ".repeat(Math.max(0, width - text.length()));
    }
}
