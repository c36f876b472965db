package dev.kafkasteward.exporter.disk;

import java.util.Comparator;

/** A log dir of a broker. */
public record LogDirKey(int broker, String path) implements Comparable<LogDirKey> {

    private static final Comparator<LogDirKey> ORDER =
            Comparator.comparingInt(LogDirKey::broker).thenComparing(LogDirKey::path);

    @Override
    public int compareTo(LogDirKey o) {
        return ORDER.compare(this, o);
    }
}
