package dev.kafkasteward.grafana.model;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** A Grafana data transformation: the ones a table of several instant queries needs. */
public record Transformation(String id, Options options) {

    /** Joins the frames of all queries on their common label columns. */
    public static Transformation merge() {
        return new Transformation("merge", new Merge());
    }

    /** Hides columns (the time, a status query's constant value) and renames others. */
    public static Transformation organize(List<String> hidden, Map<String, String> renamed) {
        Map<String, Boolean> exclude = new TreeMap<>();
        hidden.forEach(h -> exclude.put(h, true));
        return new Transformation("organize", new Organize(exclude, new TreeMap<>(renamed)));
    }

    /** A transformation's options, one record per transformation we use. */
    public sealed interface Options permits Merge, Organize {
    }

    /** {@code merge} has no options; Grafana expects an empty object. */
    public record Merge() implements Options {
    }

    /** Options of {@code organize}. */
    public record Organize(Map<String, Boolean> excludeByName, Map<String, String> renameByName) implements Options {

        public Organize {
            excludeByName = Map.copyOf(excludeByName);
            renameByName = Map.copyOf(renameByName);
        }
    }
}
