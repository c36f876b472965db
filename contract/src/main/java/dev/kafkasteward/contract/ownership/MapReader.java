package dev.kafkasteward.contract.ownership;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Typed, position-aware access to one YAML mapping whose allowed keys are declared up front.
 * Unknown and duplicate keys are reported on construction; wrong types and bad values when read.
 * Every getter returns empty after reporting, so parsing continues and all errors surface at once.
 */
final class MapReader {

    private final MappingNode node;
    private final Diagnostics diagnostics;
    private final String what;
    private final Map<String, NodeTuple> entries = new LinkedHashMap<>();

    private MapReader(MappingNode node, Diagnostics diagnostics, String what, Set<String> allowed) {
        this.node = node;
        this.diagnostics = diagnostics;
        this.what = what;
        for (NodeTuple tuple : node.getValue()) {
            Node keyNode = tuple.getKeyNode();
            if (!(keyNode instanceof ScalarNode scalarKey)) {
                diagnostics.error(keyNode, "keys of " + what + " must be plain strings");
                continue;
            }
            String key = scalarKey.getValue();
            if (!allowed.contains(key)) {
                diagnostics.error(keyNode, "unknown key '" + key + "' in " + what
                        + Suggestions.didYouMean(key, allowed) + "; expected one of: " + sortedJoin(allowed));
            } else if (entries.containsKey(key)) {
                diagnostics.error(keyNode, "duplicate key '" + key + "' in " + what + " (first at line "
                        + (entries.get(key).getKeyNode().getStartMark().getLine() + 1) + ")");
            } else {
                entries.put(key, tuple);
            }
        }
    }

    /** A reader for {@code node} when it is a mapping; otherwise reports a type error. */
    static Optional<MapReader> of(Node node, Diagnostics diagnostics, String what, Set<String> allowed) {
        if (node instanceof MappingNode mapping) {
            return Optional.of(new MapReader(mapping, diagnostics, what, allowed));
        }
        diagnostics.error(node, what + " must be a mapping, got " + describe(node));
        return Optional.empty();
    }

    Node node() {
        return node;
    }

    String what() {
        return what;
    }

    Diagnostics diagnostics() {
        return diagnostics;
    }

    boolean has(String key) {
        return entries.containsKey(key);
    }

    Optional<Node> value(String key) {
        return Optional.ofNullable(entries.get(key)).map(NodeTuple::getValueNode);
    }

    /** The key's own node, for errors about the entry as a whole. */
    Optional<Node> keyNode(String key) {
        return Optional.ofNullable(entries.get(key)).map(NodeTuple::getKeyNode);
    }

    /** Keys in file order, with their key and value nodes. */
    List<NodeTuple> tuples() {
        return List.copyOf(entries.values());
    }

    Optional<String> string(String key) {
        return value(key).flatMap(v -> scalar(v, key));
    }

    Optional<String> requiredString(String key) {
        if (!has(key)) {
            missing(key);
            return Optional.empty();
        }
        return string(key);
    }

    Optional<Boolean> bool(String key) {
        return value(key).flatMap(v -> {
            if (v instanceof ScalarNode s && Tag.BOOL.equals(s.getTag())) {
                // YAML 1.1 booleans: yes/no and on/off as well as true/false.
                String word = s.getValue().toLowerCase(java.util.Locale.ROOT);
                return Optional.of(word.equals("true") || word.equals("yes") || word.equals("on"));
            }
            diagnostics.error(v, "'" + key + "' in " + what + " must be true or false, got " + describe(v));
            return Optional.empty();
        });
    }

    /** A whole number from {@code min} to {@code max}. */
    Optional<Integer> integer(String key, int min, int max) {
        return value(key).flatMap(v -> {
            if (v instanceof ScalarNode s && Tag.INT.equals(s.getTag())) {
                try {
                    int n = Integer.parseInt(s.getValue());
                    if (n >= min && n <= max) {
                        return Optional.of(n);
                    }
                } catch (NumberFormatException e) {
                    // out of int's range: reported below
                }
            }
            diagnostics.error(v, "'" + key + "' in " + what + " must be a whole number from " + min + " to " + max
                    + ", got " + describe(v));
            return Optional.empty();
        });
    }

    Optional<PromDuration> duration(String key) {
        return value(key).flatMap(v -> scalar(v, key).flatMap(text -> {
            Optional<PromDuration> parsed = PromDuration.parse(text);
            if (parsed.isEmpty()) {
                diagnostics.error(v, "invalid duration '" + text + "' for '" + key + "' in " + what
                        + ": expected a Prometheus duration such as 30s, 5m, 2h or 1d");
            } else if (parsed.get().value().isZero()) {
                diagnostics.error(v, "'" + key + "' in " + what + " must be longer than zero");
                return Optional.empty();
            }
            return parsed;
        }));
    }

    Optional<Percent> percent(String key) {
        return value(key).flatMap(v -> scalar(v, key).flatMap(text -> {
            Optional<Percent> parsed = Percent.parse(text);
            if (parsed.isEmpty()) {
                diagnostics.error(v, "invalid percentage '" + text + "' for '" + key + "' in " + what
                        + ": expected a number from 0 to 100 followed by %, such as 99.5%");
            }
            return parsed;
        }));
    }

    /** A nested mapping, with its own allowed keys. */
    Optional<MapReader> map(String key, Set<String> allowed) {
        return value(key).flatMap(v -> of(v, diagnostics, "'" + key + "' of " + what, allowed));
    }

    /** The items of a list; empty list (after reporting) when the value is not a list. */
    List<Node> list(String key) {
        Optional<Node> v = value(key);
        if (v.isEmpty()) {
            return List.of();
        }
        if (v.get() instanceof SequenceNode seq) {
            return List.copyOf(seq.getValue());
        }
        diagnostics.error(v.get(), "'" + key + "' in " + what + " must be a list, got " + describe(v.get()));
        return List.of();
    }

    /** Each item of a list read as a mapping with {@code allowed} keys, then mapped by {@code parse}. */
    <T> List<T> listOfMaps(String key, String itemWhat, Set<String> allowed, Function<MapReader, Optional<T>> parse) {
        List<T> out = new ArrayList<>();
        for (Node item : list(key)) {
            of(item, diagnostics, itemWhat, allowed).flatMap(parse).ifPresent(out::add);
        }
        return out;
    }

    void missing(String key) {
        diagnostics.error(node, "missing required key '" + key + "' in " + what);
    }

    void error(String key, String message) {
        diagnostics.error(value(key).orElse(node), message);
    }

    private Optional<String> scalar(Node v, String key) {
        if (v instanceof ScalarNode s && !Tag.NULL.equals(s.getTag())) {
            return Optional.of(s.getValue());
        }
        diagnostics.error(v, "'" + key + "' in " + what + " must be a single value, got " + describe(v));
        return Optional.empty();
    }

    static String describe(Node node) {
        if (node instanceof MappingNode) {
            return "a mapping";
        }
        if (node instanceof SequenceNode) {
            return "a list";
        }
        if (node instanceof ScalarNode s) {
            return Tag.NULL.equals(s.getTag()) ? "nothing" : "'" + s.getValue() + "'";
        }
        return "an unsupported YAML node";
    }

    private static String sortedJoin(Set<String> keys) {
        return String.join(", ", keys.stream().sorted().toList());
    }
}
