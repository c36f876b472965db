package dev.kafkasteward.grafana;

import dev.kafkasteward.grafana.PromQlLexer.Kind;
import dev.kafkasteward.grafana.PromQlLexer.Token;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;

/**
 * What a PromQL expression refers to: each metric selector with the function that directly
 * encloses it, its label matchers and its range; each grouping clause's labels; each range function
 * call with its range; each matcher as {@code label op value}, the value unquoted. Used by the dashboard lint and the catalog check.
 */
record PromQlReferences(List<MetricRef> metrics, List<List<String>> groupings) {

    /**
     * A metric selector: {@code enclosing} is the innermost function or aggregation around it, or null;
     * {@code groupedBy} the labels of every {@code by (...)} of the aggregations around it (written before their
     * argument), which the metric must have.
     */
    record MetricRef(String name, String enclosing, List<String> labels, List<String> matchers, String range,
                     List<String> groupedBy) {
    }

    static final Set<String> AGGREGATIONS = Set.of("sum", "min", "max", "avg", "group", "stddev", "stdvar", "count",
            "count_values", "bottomk", "topk", "quantile", "limitk", "limit_ratio");
    private static final Set<String> GROUPING = Set.of("by", "without", "on", "ignoring", "group_left", "group_right");
    private static final Set<String> KEYWORDS = Set.of("and", "or", "unless", "bool", "offset", "atan2", "inf", "nan");

    static PromQlReferences parse(String expr) {
        List<Token> tokens = PromQlLexer.tokenize(expr);
        List<MetricRef> metrics = new ArrayList<>();
        List<List<String>> groupings = new ArrayList<>();
        Deque<String> frames = new ArrayDeque<>();
        Deque<List<String>> frameGroupings = new ArrayDeque<>();
        String pendingFunction = null;
        List<String> pendingBy = List.of();
        int i = 0;
        while (i < tokens.size()) {
            Token t = tokens.get(i);
            boolean callFollows = i + 1 < tokens.size() && tokens.get(i + 1).is("(");
            if (t.kind() == Kind.IDENT && GROUPING.contains(t.text().toLowerCase())) {
                if (callFollows) {
                    List<String> labels = new ArrayList<>();
                    i += 2;
                    while (!tokens.get(i).is(")")) {
                        if (tokens.get(i).kind() == Kind.IDENT) {
                            labels.add(tokens.get(i).text());
                        }
                        i++;
                    }
                    groupings.add(labels);
                    if (pendingFunction != null && t.text().equalsIgnoreCase("by")) {
                        pendingBy = labels;
                    }
                }
                i++;
            } else if (t.kind() == Kind.IDENT && callFollows) {
                frames.push(t.text());
                frameGroupings.push(List.of());
                i += 2;
            } else if (t.kind() == Kind.IDENT && AGGREGATIONS.contains(t.text()) && i + 1 < tokens.size()
                    && tokens.get(i + 1).kind() == Kind.IDENT && GROUPING.contains(tokens.get(i + 1).text())) {
                pendingFunction = t.text();
                i++;
            } else if (t.kind() == Kind.IDENT && KEYWORDS.contains(t.text().toLowerCase())) {
                i++;
            } else if (t.kind() == Kind.IDENT || t.is("{")) {
                List<String> groupedBy = new ArrayList<>();
                frameGroupings.forEach(groupedBy::addAll);
                i = selector(tokens, i, frames.peek(), groupedBy, metrics);
            } else if (t.is("(")) {
                frames.push(pendingFunction == null ? "" : pendingFunction);
                frameGroupings.push(pendingBy);
                pendingFunction = null;
                pendingBy = List.of();
                i++;
            } else if (t.is(")")) {
                if (frames.isEmpty()) {
                    throw new IllegalArgumentException("unbalanced ) in " + expr);
                }
                frames.pop();
                frameGroupings.pop();
                i++;
            } else {
                i++;
            }
        }
        if (!frames.isEmpty()) {
            throw new IllegalArgumentException("unbalanced ( in " + expr);
        }
        return new PromQlReferences(metrics, groupings);
    }

    /** Reads {@code name{l="v", ...}[range]} or {@code {__name__="name"}}; returns the index after it. */
    private static int selector(List<Token> tokens, int i, String enclosing, List<String> groupedBy,
                                List<MetricRef> out) {
        String name = tokens.get(i).kind() == Kind.IDENT ? tokens.get(i++).text() : null;
        List<String> labels = new ArrayList<>();
        List<String> matchers = new ArrayList<>();
        if (i < tokens.size() && tokens.get(i).is("{")) {
            i++;
            while (!tokens.get(i).is("}")) {
                Token label = tokens.get(i);
                if (label.kind() == Kind.IDENT) {
                    Token value = tokens.get(i + 2);
                    if (label.text().equals("__name__") && tokens.get(i + 1).is("=")) {
                        name = value.text();
                    } else {
                        labels.add(label.text());
                        matchers.add(label.text() + tokens.get(i + 1).text() + value.text());
                    }
                    i += 3;
                } else {
                    i++;
                }
            }
            i++;
        }
        if (name == null) {
            throw new IllegalArgumentException("selector without a metric name");
        }
        String range = null;
        if (i < tokens.size() && tokens.get(i).kind() == Kind.RANGE) {
            range = tokens.get(i++).text();
        }
        out.add(new MetricRef(name, enclosing == null || enclosing.isEmpty() ? null : enclosing, labels, matchers,
                range, List.copyOf(groupedBy)));
        return i;
    }
}
